"""The SMART check of a support plan's personal outcomes (specific, measurable,
achievable and realistic, time-bound): a visible prompt for the practitioner and
the person that never stops a plan being saved or agreed. Every write of an
outcome stores `smart_flags`; the word lists are in `smart_words.py`, and the
labelled set and its precision and recall in docs/support-plans.md."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from selfdirect.conversations import wording

from . import smart_words as sw
from .smart_words import pattern

# What can be seen, counted or told at review (see smart_words.py for the lists).
COUNTS = pattern(*sw.COUNTS)
COMPLETIONS = pattern(*sw.COMPLETIONS)
DOING = pattern(*sw.DOING)
TOLD = pattern(*sw.TOLD)
# What makes an aim specific, and what does not on its own.
THINGS = pattern(*sw.THINGS, *sw.SITUATIONS)
GENERIC_SETTINGS = pattern(*sw.GENERIC_SETTINGS)
VAGUE = pattern(*sw.VAGUE_STATES, *sw.PASSIVE)
# A service delivered rather than the result for the person.
SERVICE_PEOPLE = pattern(*sw.SERVICE_PEOPLE)
SERVICE_STATES = pattern(*sw.SERVICE_STATES)
SERVICE_OPENERS = re.compile(rf"^(?:{'|'.join(sw.SERVICE_OPENERS)})(?![\w'])", re.I)
PERSONS_VISIT = re.compile(sw.PERSONS_VISIT, re.IGNORECASE)
ATTENDS_A_SERVICE = re.compile(
    rf"(?<![\w']){sw.ATTENDING} (?:{'|'.join(sw.SERVICE_PLACES)})(?![\w'])",
    re.IGNORECASE,
)
OCCASION_ONLY = re.compile("|".join(sw.OCCASION_ONLY), re.IGNORECASE)
SUBJECT = re.compile(sw.SUBJECT, re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^(?:the|a|an|his|her|their|my) ", re.IGNORECASE)

# Reasons a "how we will know" is not enough on its own, with an example.
OBSERVABLE_EXAMPLES = (
    "Morag goes to the swimming group at least 3 Tuesdays a month",
    "Jim tells us at review that he has seen his grandchildren every week",
)


@dataclass(frozen=True)
class SmartCheck:
    """The result of the SMART check for one outcome."""

    specific: bool
    measurable: bool
    time_bound: bool
    achievable: bool
    missing: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)

    @property
    def smart(self) -> bool:
        return self.specific and self.measurable and self.time_bound and self.achievable

    def as_dict(self) -> dict[str, object]:
        return {
            "specific": self.specific,
            "measurable": self.measurable,
            "time_bound": self.time_bound,
            "achievable": self.achievable,
            "missing": list(self.missing),
            "suggestions": list(self.suggestions),
        }


def is_specific(text: str, how_we_will_know: str | None = None) -> bool:
    """Specific: the aim reads as a personal outcome (not a service or a deficit,
    by the conversation wording check) and, taken with "how we will know", names
    something concrete in the person's life: people, a place, something to do, a
    particular situation.

    "I want to get back to my swimming group" is specific. "To stay safe", "to be
    monitored", "to maintain independence" are general states, vague on their own
    even "at home" or "in the community"; they become specific when "how we will
    know" says what they mean ("makes her own breakfast and lunch every day"), as
    long as that is not a service delivered. A one-word aim ("Respite") names a
    topic, not an outcome."""
    aim = _aim_is_specific(text)
    if aim is not None:
        return aim
    return _how_makes_specific(how_we_will_know or "")


# The wording rules are pure functions of the text, and plans are often written
# from the same phrases: each keeps its last answers.
@functools.lru_cache(maxsize=4096)
def _aim_is_specific(text: str) -> bool | None:
    """The aim alone: False when it is not an outcome (or one word), True when it
    names something concrete, None when that depends on "how we will know"."""
    plain = wording.normalise(text)
    if len(plain.split()) < 2:
        return False
    if wording.classify_outcome(plain).kind != "outcome":
        return False
    if names_something_concrete(_mask(SUBJECT, plain)):
        return True
    return None


@functools.lru_cache(maxsize=4096)
def _how_makes_specific(how_we_will_know: str) -> bool:
    how = wording.normalise(how_we_will_know)
    return (
        bool(how)
        and not is_service_delivered(how)
        and names_something_concrete(how, settings_count=False)
    )


def names_something_concrete(text: str, *, settings_count: bool = True) -> bool:
    """Whether text names people, a place, something to do or a particular
    situation (the wording check's CONCRETE list and smart_words.THINGS), services
    aside. General settings ("at home", "in the community", "myself") count only
    when the text states no vague aim ("to stay safe at home" is vague, "to stay
    living in my own home" is not), and never when settings_count is False."""
    plain = _mask(wording.SERVICE, text)
    if not settings_count or VAGUE.search(plain):
        plain = _mask(GENERIC_SETTINGS, plain)
    plain = _mask(VAGUE, plain)
    return bool(wording.CONCRETE.search(plain) or THINGS.search(plain))


@functools.lru_cache(maxsize=4096)
def is_measurable(how_we_will_know: str | None) -> bool:
    """Measurable: "how we will know" is filled, is not a service delivered, is not
    just the occasion of measuring ("will be reviewed in 3 months"), and says what
    can be seen, counted or told at review:

    - a count, frequency, day or time, in figures or words ("3 Tuesdays a month",
      "at least six visits", "five days a week", "no falls");
    - a completion that can be checked ("enrolled on the course", "has moved into
      the flat", "passed the test");
    - what the person or others tell or record ("tells us at review", "her diary
      shows"): outcomes-focused practice takes the person's account as evidence;
    - something the person does, with what, whom or where ("sees her friends",
      "still living at home").

    "Feels better", "is more confident", "gets out more" are not observable;
    "carers visit twice daily" and "attends the day centre" are services."""
    plain = wording.normalise(how_we_will_know or "")
    if not plain or is_service_delivered(plain) or OCCASION_ONLY.search(plain):
        return False
    if COUNTS.search(plain) or COMPLETIONS.search(plain) or TOLD.search(plain):
        return True
    return DOING.search(plain) is not None and names_something_concrete(plain)


# Service words that name the occasion of measuring, not a service delivered.
OCCASIONS = {"review", "assessment", "support plan"}


def names_a_service(text: str) -> bool:
    """Whether text names a service, input or professional (the conversation wording
    lists), other than the review or assessment at which it is measured."""
    found = (m.group().lower() for m in wording.SERVICE.finditer(text))
    return any(word not in OCCASIONS for word in found)


def is_service_delivered(text: str) -> bool:
    """Whether a "how we will know" describes a service delivered rather than the
    result for the person: it opens with the service ("Carers visit twice daily",
    "CPN visits weekly", "referred to ..."), says a service is in place or done ("bath lift
    installed", "risk assessment completed"), or has the person attend a service
    place ("attends the day centre 3 days a week"). A service mentioned on the way
    ("takes her tablets from the dosette every day") does not count."""
    plain = LEADING_ARTICLE.sub("", wording.normalise(text))
    if SERVICE_OPENERS.search(plain):
        return True
    if PERSONS_VISIT.search(plain):
        plain = PERSONS_VISIT.sub("", plain)
    services = [
        *wording.SERVICE.finditer(plain),
        *SERVICE_PEOPLE.finditer(plain),
    ]
    if not services:
        return False
    opens = any(m.start() == 0 and m.group().lower() not in OCCASIONS for m in services)
    return bool(
        opens or SERVICE_STATES.search(plain) or ATTENDS_A_SERVICE.search(plain)
    )


def _mask(found: re.Pattern[str], text: str) -> str:
    """Blank out matches, keeping positions, so that later lists skip them."""
    return found.sub(lambda match: " " * len(match.group()), text)


def is_time_bound(target_date: datetime.date | None, written_on: datetime.date) -> bool:
    """Time-bound: there is a target date, and it is after the day the outcome
    was written (a date already past when written is not a target)."""
    return target_date is not None and target_date > written_on


def is_achievable(agreed_achievable: bool | None) -> bool:
    """Achievable and realistic: the person (or their representative) has said
    so, and the agreement is recorded. Not asked counts as not agreed."""
    return agreed_achievable is True


def smart_flags(
    *,
    words: str,
    how_we_will_know: str | None,
    target_date: datetime.date | None,
    agreed_achievable: bool | None,
    written_on: datetime.date,
) -> tuple[bool, bool, bool, bool]:
    """The four SMART flags (specific, measurable, time-bound, achievable), without
    the check's advice: what every write of an outcome stores. The two wording
    rules are pure functions of the text and keep their last answers (plans are
    often written from the same phrases)."""
    return (
        is_specific(words, how_we_will_know),
        is_measurable(how_we_will_know),
        is_time_bound(target_date, written_on),
        is_achievable(agreed_achievable),
    )


def check_smart(
    *,
    words: str,
    how_we_will_know: str | None,
    target_date: datetime.date | None,
    agreed_achievable: bool | None,
    written_on: datetime.date,
) -> SmartCheck:
    """Check one outcome against the four rules, saying what is missing and how
    to put it right."""
    specific, measurable, time_bound, achievable = smart_flags(
        words=words,
        how_we_will_know=how_we_will_know,
        target_date=target_date,
        agreed_achievable=agreed_achievable,
        written_on=written_on,
    )
    missing: list[str] = []
    suggestions: list[str] = []
    if not specific:
        missing.append(_("Specific: the outcome does not say what, who or where."))
        suggestions.append(_specific_suggestion(words))
    if not measurable:
        missing.append(_measurable_missing(how_we_will_know))
        suggestions.append(
            _("Say what you will see or count at review, for example: “%(example)s”.")
            % {"example": OBSERVABLE_EXAMPLES[0]}
        )
    if not time_bound:
        missing.append(
            _("Time-bound: there is no target date.")
            if target_date is None
            else _("Time-bound: the target date is not in the future.")
        )
        suggestions.append(_("Agree with the person by when it should be achieved."))
    if not achievable:
        missing.append(
            _(
                "Achievable: the person's agreement that it is realistic is not recorded."
            )
        )
        suggestions.append(
            _(
                "Ask the person whether this is achievable and realistic, and record "
                "who said so and when."
            )
        )
    return SmartCheck(
        specific, measurable, time_bound, achievable, missing, suggestions
    )


def _specific_suggestion(text: str) -> str:
    plain = wording.normalise(text)
    if plain:
        hint = wording.classify_outcome(plain)
        if hint.kind != "outcome":
            return hint.suggestion
    return _(
        "Name what the person wants to do, with whom or where, in their words: for "
        "example “I want to get back to my Tuesday swimming group”."
    )


def _measurable_missing(how_we_will_know: str | None) -> str:
    plain = wording.normalise(how_we_will_know or "")
    if not plain:
        return _("Measurable: “how we will know” is empty.")
    if is_service_delivered(plain):
        return _(
            "Measurable: “how we will know” describes a service being delivered, "
            "not the result for the person."
        )
    return _(
        "Measurable: “how we will know” is not something that can be seen, "
        "counted or told at review."
    )

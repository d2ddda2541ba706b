"""Named rules about support plans: the SMART check and when a plan can be agreed.

The SMART check is a visible prompt for the practitioner and the person; it never
stops a plan being saved or agreed. What stops agreement is a missing contingency
section, an empty plan, and anything a later stage (the resource panel) registers.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from selfdirect.choices.rules import derived_option
from selfdirect.conversations import wording
from selfdirect.conversations import wording_lists as words
from selfdirect.core.dates import add_months

FIRST_REVIEW_MONTHS = 3


def _pattern(*fragments: str) -> re.Pattern[str]:
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])", re.IGNORECASE)


# What can be seen or counted at review: a number, a frequency or a day ...
COUNTS = _pattern(
    *words.QUANTITY,
    r"\d+",
    r"one|two|three|four|five|six|seven|eight|nine|ten|twice|once",
    r"every|each|most|all|at least|no more than|without",
    r"mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?",
    r"mornings?|evenings?|weekends?|nights?",
)
# ... or something someone does that others can see or the person can tell us.
DOING = _pattern(
    r"goes|go|going|went|attends?|attending|attended|walks?|walked|walking",
    r"visits?|visited|meets?|met|sees|saw|cooks?|cooked|makes?|made|gets?|got",
    r"uses?|used|takes?|took|joins?|joined|plays?|played|sleeps?|slept",
    r"washes|dresses|shops?|shopped|travels?|travelled|catches|rings?|phones?",
    r"has (?:been|had|gone|seen|met|made)|is (?:at|out|back|going|attending)",
    r"tells?|told|says?|said|reports?|reported|rates?|rated|scores?|scored",
    r"shows?|showed|records?|recorded|diary|keeps? a|counts?|ticks?",
    r"moved|moves|lives|living|started|starts|finished|completed|passed|back at",
)

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


def is_specific(text: str) -> bool:
    """Specific: the words read as a personal outcome (not a service or a deficit,
    by the conversation wording check) and name something concrete in the person's
    life: people, a place, or something to do. "I want to feel better" is vague;
    "I want to get back to my swimming group" is specific."""
    plain = wording.normalise(text)
    if not plain:
        return False
    if wording.classify_outcome(plain).kind != "outcome":
        return False
    return wording.CONCRETE.search(plain) is not None


def is_measurable(how_we_will_know: str | None) -> bool:
    """Measurable: "how we will know" is filled, describes something that can be
    seen, counted or told at review (a number, a frequency or a day; or something
    the person does, or tells us), and is not just a service being delivered.
    "Feels better" or "is more confident" alone are not observable; "goes to the
    group 3 Tuesdays a month" and "tells us at review she sees her friends every
    week" are."""
    plain = wording.normalise(how_we_will_know or "")
    if not plain or names_a_service(plain):
        return False
    return COUNTS.search(plain) is not None or DOING.search(plain) is not None


# Service words that name the occasion of measuring, not a service delivered.
OCCASIONS = {"review", "assessment", "support plan"}


def names_a_service(text: str) -> bool:
    """Whether text names a service, input or professional (the conversation wording
    lists), other than the review or assessment at which it is measured."""
    found = (m.group().lower() for m in wording.SERVICE.finditer(text))
    return any(word not in OCCASIONS for word in found)


def is_time_bound(target_date: datetime.date | None, written_on: datetime.date) -> bool:
    """Time-bound: there is a target date, and it is after the day the outcome
    was written (a date already past when written is not a target)."""
    return target_date is not None and target_date > written_on


def is_achievable(agreed_achievable: bool | None) -> bool:
    """Achievable and realistic: the person (or their representative) has said
    so, and the agreement is recorded. Not asked counts as not agreed."""
    return agreed_achievable is True


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
    specific = is_specific(words)
    measurable = is_measurable(how_we_will_know)
    time_bound = is_time_bound(target_date, written_on)
    achievable = is_achievable(agreed_achievable)
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
    if names_a_service(plain):
        return _(
            "Measurable: “how we will know” describes a service being delivered, "
            "not the result for the person."
        )
    return _(
        "Measurable: “how we will know” is not something that can be seen, "
        "counted or told at review."
    )


def has_contingency(answers: Iterable[str]) -> bool:
    """A plan has a contingency section when at least one of its contingency
    questions (carer cannot come, becoming unwell, out of hours, anything else)
    is answered."""
    return any(answer.strip() for answer in answers)


def agreement_problems(
    *, outcome_count: int, contingency: bool, state: str
) -> list[str]:
    """A plan can be agreed only while it is a draft, with at least one outcome and
    a contingency section. (Being SMART is shown, not required: the person may
    agree a plan that still needs work.)"""
    problems = []
    if state != "draft":
        problems.append(_("Only a draft plan can be agreed."))
    if outcome_count == 0:
        problems.append(_("Add at least one outcome before the plan is agreed."))
    if not contingency:
        problems.append(
            _(
                "Add the contingency arrangements (what happens if a carer cannot come, "
                "if the person becomes unwell, or out of hours) before the plan is agreed."
            )
        )
    return problems


def plan_option(options: Iterable[int | None]) -> int | None:
    """The plan's option: the one option its funded supports use, Option 4 when
    they use more than one of options 1-3, None when no support has an option.
    (The same rule as a choice of option: choices.rules.derived_option.)"""
    return derived_option(o for o in options if o is not None)


def needs_option(*, yearly_cost: object, provided_by: str) -> bool:
    """A support that costs money from the budget needs an SDS option; unpaid help
    from the person, family and friends or a free community resource does not."""
    paid = yearly_cost is not None and yearly_cost != 0
    return paid or provided_by in {"personal_assistant", "provider", "council"}


def first_review_date(agreed_on: datetime.date, months: int) -> datetime.date:
    """The first review of a new plan is due this many months after it is agreed
    (the same day of the month, or the month's last day when it is shorter)."""
    return add_months(agreed_on, months)


def plan_stage(*, agreed: bool, draft: bool) -> tuple[str, str]:
    """The support plan stage is done when a plan is agreed (a new version being
    drafted puts it back in progress), in progress while a draft exists."""
    from selfdirect.people.hook_points import StageStatus

    if draft:
        return StageStatus.IN_PROGRESS, (
            _("A new version of the agreed plan is being drafted.")
            if agreed
            else _("A plan is being drafted. It is not agreed yet.")
        )
    if agreed:
        return StageStatus.DONE, _("The plan is agreed with the person.")
    return StageStatus.NOT_STARTED, _("No support plan yet.")


def review_stage(
    *, review_on: datetime.date | None, today: datetime.date
) -> tuple[str, str]:
    """An agreed plan is reviewed by its review date: past that date it needs
    review; before it, or with no agreed plan, the review has not started."""
    from selfdirect.people.hook_points import StageStatus

    if review_on is None:
        return StageStatus.NOT_STARTED, _("Set when the plan is agreed.")
    from django.utils.formats import date_format

    shown = date_format(review_on, "j F Y")
    if review_on < today:
        return StageStatus.NEEDS_REVIEW, _("The review was due by %(day)s.") % {
            "day": shown
        }
    return StageStatus.NOT_STARTED, _("Due by %(day)s.") % {"day": shown}


def options_differing_from_choice(
    supports: Iterable[tuple[str, int | None]], chosen: dict[str, int]
) -> list[str]:
    """A funded support should use an option the person chose for an element of
    their support: name each support whose option they chose for none (the choice
    maps each element's name to its option; no recorded choice, no warning)."""
    if not chosen:
        return []
    by_option: dict[int, list[str]] = {}
    for element, option in chosen.items():
        by_option.setdefault(option, []).append(element)
    chose = "; ".join(
        _("Option %(option)s for %(elements)s")
        % {"option": option, "elements": ", ".join(elements).lower()}
        for option, elements in sorted(by_option.items())
    )
    return [
        _(
            "“%(what)s” is under Option %(option)s, but the person chose %(chose)s. "
            "Check the support, or record the change of choice."
        )
        % {"what": what, "option": option, "chose": chose}
        for what, option in supports
        if option is not None and option not in by_option
    ]

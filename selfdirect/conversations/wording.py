"""Is a statement written as a personal outcome, a service or a deficit?

Inspectors found assessments that listed deficits ("unable to wash") and services
("2 home care visits a day") where personal outcomes belonged: what matters to the
person and the end result of support (Talking Points). `classify_outcome` reads one
statement and says which it looks like, which words decided it, and how to reword
it. It is a hint for the practitioner, never a gate: nothing is blocked on it.

The rules are transparent word lists (wording_lists.py) applied in this order:

1. a purpose clause ("so I can", "to enable her to") makes an outcome, whatever else
   the statement names, because it says what the support is for;
2. an aspiration to do something ("wants to", "I'd like to", "get back to",
   "what matters") makes an outcome;
3. a statement that opens like a goal ("To feel...", "Feel safe...", "For Ellie
   to...") is an outcome unless it is mostly services or deficits;
4. a wish for a service ("would like a cleaner", "wants more hours") is a service;
5. otherwise the weights decide: service words and amounts, against deficit words
   and conditions, against end-result words. Ties go to deficit, then service:
   an outcome should show itself. A statement with no recognised words at all is
   left as an outcome with a tip, so that the helper never nags about what it
   does not understand.

No Django is needed; the module is pure and fast on long text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from selfdirect.conversations import wording_lists as words

Kind = Literal["outcome", "service", "deficit"]

# How many trigger words a reason quotes, so that long text gives short reasons.
MAX_QUOTED = 4
# How far after "would like" to look for the thing wished for.
WISH_WINDOW = 120
# How many "would like"s to inspect, so that long text stays fast.
MAX_WISHES = 20

EXAMPLE_OUTCOME = "'I want to get up, washed and dressed in time for my lunch club.'"
EXAMPLE_ABILITY = "'I want to wash and dress myself so I can go to church on Sunday.'"


def _words(fragments: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    body = "|".join(f"(?:{fragment})" for fragment in fragments)
    return re.compile(rf"(?<![\w'])(?:{body}){suffix}(?![\w'])", re.IGNORECASE)


PURPOSE = _words(words.PURPOSE)
ASPIRATION = _words(words.ASPIRATION)
GOAL_VERBS = _words(words.GOAL_VERBS)
WISH_FOR = _words(words.WISH_FOR)
LEADING = re.compile(rf"^(?:{'|'.join(words.LEADING)})(?![\w'])", re.IGNORECASE)
CONCRETE = _words(words.CONCRETE)
FEELINGS = _words(words.FEELINGS)
FIRST_PERSON = _words(words.FIRST_PERSON)
SERVICE = _words(words.SERVICE_NOUNS)
SERVICE_ACTIONS = _words(words.SERVICE_ACTIONS)
QUANTITY = _words(words.QUANTITY)
DEFICIT = _words(words.DEFICIT_STRONG, suffix="(?: to)?")
DEFICIT_WEAK = _words(words.DEFICIT_WEAK)
CLAUSE_END = re.compile(r"[.;!?]| but | so | because ", re.IGNORECASE)
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class OutcomeCheck:
    """What a statement looks like, the words that decided it, and a rewording tip."""

    kind: Kind
    reasons: list[str]
    suggestion: str

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "reasons": list(self.reasons),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class _Evidence:
    """Every trigger found in one statement, in the order they appear."""

    purpose: list[str]
    aspiration: list[str]
    leading: list[str]
    wish: list[str]
    goals: list[str]
    concrete: list[str]
    feelings: list[str]
    first_person: bool
    service: list[str]
    actions: list[str]
    quantity: list[str]
    deficit: list[str]
    deficit_weak: list[str]

    @property
    def results(self) -> list[str]:
        return self.concrete + self.feelings

    @property
    def service_weight(self) -> int:
        return 2 * len(self.service) + len(self.quantity) + len(self.actions)

    @property
    def deficit_weight(self) -> int:
        return 2 * len(self.deficit) + len(self.deficit_weak)

    @property
    def outcome_weight(self) -> float:
        weight = len(self.results) + len(self.goals)
        return weight + (0.5 if self.first_person else 0)


def classify_outcome(text: str) -> OutcomeCheck:
    """Say whether `text` reads as a personal outcome, a service or a deficit.

    Raises ValueError for empty or whitespace-only text: there is nothing to hint
    about, and callers should not show a hint for an empty field.
    """
    plain = normalise(text)
    if not plain:
        raise ValueError("The text is empty: write what matters to the person.")
    evidence = _gather(plain)
    kind, route = _decide(evidence)
    return OutcomeCheck(
        kind=kind,
        reasons=_reasons(kind, route, evidence),
        suggestion=_suggestion(kind, evidence),
    )


def normalise(text: str) -> str:
    """Straight apostrophes, single spaces, no surrounding space; case is kept
    so that reasons quote the words as written (the patterns ignore case)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return SPACES.sub(" ", text).strip()


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    return [match.group() for match in pattern.finditer(text)]


def _mask(pattern: re.Pattern[str], text: str) -> str:
    """Blank out matches, keeping positions, so later lists do not count them too."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _gather(text: str) -> _Evidence:
    no_deficits = _mask(DEFICIT, text)
    no_amounts = _mask(QUANTITY, no_deficits)
    no_service_names = _mask(SERVICE, no_deficits)
    no_services = _mask(SERVICE, no_amounts)
    return _Evidence(
        purpose=_found(PURPOSE, no_deficits),
        aspiration=_found(ASPIRATION, no_service_names),
        leading=_found(LEADING, text),
        wish=_service_wishes(no_deficits),
        goals=_found(GOAL_VERBS, no_services),
        concrete=_found(CONCRETE, no_services),
        feelings=_found(FEELINGS, no_services),
        first_person=FIRST_PERSON.search(text) is not None,
        service=_found(SERVICE, no_amounts),
        actions=_found(SERVICE_ACTIONS, no_deficits),
        quantity=_found(QUANTITY, no_deficits),
        deficit=_found(DEFICIT, text),
        deficit_weak=_found(DEFICIT_WEAK, text),
    )


def _service_wishes(text: str) -> list[str]:
    """'Would like a cleaner', 'wants more hours': wishes whose object is a service."""
    wishes = []
    for match in islice(WISH_FOR.finditer(text), MAX_WISHES):
        wished = CLAUSE_END.split(text[match.end() : match.end() + WISH_WINDOW])[0]
        if wished.lstrip().lower().startswith(("to ", "tae ", "not ")):
            continue
        if not SERVICE.search(wished) and not QUANTITY.search(wished):
            continue
        if not CONCRETE.search(_mask(QUANTITY, _mask(SERVICE, wished))):
            wishes.append(match.group())
    return wishes


def _decide(evidence: _Evidence) -> tuple[Kind, str]:
    """The kind, and the route to it (which rule decided), for the reasons."""
    if evidence.purpose:
        return "outcome", "purpose"
    if evidence.aspiration:
        return "outcome", "aspiration"
    if evidence.leading and _reads_as_goal(evidence):
        return "outcome", "leading"
    if evidence.wish:
        return "service", "wish"
    return _weigh(evidence)


def _reads_as_goal(evidence: _Evidence) -> bool:
    """An opening like "Feel safe..." holds if it names a result, or nothing else."""
    if evidence.results:
        return True
    return not evidence.deficit and not evidence.service


def _weigh(evidence: _Evidence) -> tuple[Kind, str]:
    service = evidence.service_weight
    deficit = evidence.deficit_weight
    outcome = evidence.outcome_weight
    if not (service or deficit or outcome):
        return "outcome", "nothing"
    if deficit and deficit >= max(service, outcome):
        return "deficit", "weight"
    if service and service >= outcome:
        return "service", "weight"
    return "outcome", "weight"


def _quote(found: Iterable[str]) -> str:
    unique = list({word.strip().lower(): word.strip() for word in found}.values())
    quoted = ", ".join(f'"{word}"' for word in unique[:MAX_QUOTED])
    return quoted + (", ..." if len(unique) > MAX_QUOTED else "")


def _reasons(kind: Kind, route: str, evidence: _Evidence) -> list[str]:
    if kind == "outcome":
        return _outcome_reasons(route, evidence)
    if kind == "service":
        return _service_reasons(route, evidence)
    return _deficit_reasons(evidence)


OUTCOME_OPENERS = {
    "purpose": "Says what the support is for: {}.",
    "aspiration": "Says what the person wants or what matters: {}.",
    "leading": "Written as a goal: it opens with {}.",
}


def _outcome_reasons(route: str, evidence: _Evidence) -> list[str]:
    if route == "nothing":
        return ["Found no service or deficit wording, and no clear end result."]
    reasons = []
    if route in OUTCOME_OPENERS:
        trigger = getattr(evidence, route)
        reasons.append(OUTCOME_OPENERS[route].format(_quote(trigger)))
    if evidence.results:
        reasons.append(
            f"Names what matters in the person's life: {_quote(evidence.results)}."
        )
    elif evidence.goals:
        reasons.append(f"Names something to do: {_quote(evidence.goals)}.")
    return reasons + _side_notes(evidence)


def _side_notes(evidence: _Evidence) -> list[str]:
    """What else a mixed statement contains, for the practitioner to weigh."""
    notes = []
    if evidence.service or evidence.quantity:
        found = _quote(evidence.service + evidence.quantity)
        notes.append(f"Also names a service or amount: {found}.")
    if evidence.deficit or evidence.deficit_weak:
        found = _quote(evidence.deficit + evidence.deficit_weak)
        notes.append(f"Also describes what the person cannot do or a risk: {found}.")
    return notes


def _service_reasons(route: str, evidence: _Evidence) -> list[str]:
    reasons = []
    if route == "wish":
        reasons.append(
            f"Asks for a service ({_quote(evidence.wish)}) rather than saying what it is for."
        )
    if evidence.service or evidence.actions:
        found = _quote(evidence.service + evidence.actions)
        reasons.append(f"Names a service, input or professional task: {found}.")
    if evidence.quantity:
        reasons.append(f"Gives an amount or frequency: {_quote(evidence.quantity)}.")
    if evidence.deficit or evidence.deficit_weak:
        found = _quote(evidence.deficit + evidence.deficit_weak)
        reasons.append(f"Also describes what the person cannot do or a risk: {found}.")
    return [*reasons, "No end result for the person (what the service is for) found."]


def _deficit_reasons(evidence: _Evidence) -> list[str]:
    reasons = []
    if evidence.deficit:
        reasons.append(
            f"Describes what the person cannot do, needs or risks: {_quote(evidence.deficit)}."
        )
    if evidence.deficit_weak:
        reasons.append(
            f"Describes a condition or loss: {_quote(evidence.deficit_weak)}."
        )
    if evidence.service or evidence.quantity:
        found = _quote(evidence.service + evidence.quantity)
        reasons.append(f"Also names a service or amount: {found}.")
    return [*reasons, "No end result for the person (what they want to do) found."]


def _suggestion(kind: Kind, evidence: _Evidence) -> str:
    if kind == "service":
        return (
            "This describes a service. Ask what it is for: what would a good day "
            f"look like for the person? For example: {EXAMPLE_OUTCOME}"
        )
    if kind == "deficit":
        return (
            "This describes what the person cannot do. Ask what they would like to "
            "be able to do, and why it matters to them. For example: "
            f"{EXAMPLE_ABILITY}"
        )
    if evidence.service or evidence.quantity:
        return (
            "Good: the end result is there. Keep the service detail in the support "
            "plan and the outcome in the person's own words."
        )
    if not evidence.concrete:
        return (
            "Make it specific: who, what, where and how often, so that you can both "
            "tell at review whether it is happening."
        )
    return ""

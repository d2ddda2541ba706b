"""The worked example of timings by group in docs/indicators.md: panel
submissions decided in 2025-26, by the person's locality.

| person | locality | submitted → decided | days |
| --- | --- | --- | --- |
| Ann, Bob, Cat, Dan | North | 3, 10, 12, 40 | |
| Eve, Fay, Gus | South | 7, 30, 31 | |
| Hal | (none) | 20 | |
| Ivy | North | decided 1 April 2026 (after the period): not counted | |
| Jo | South | submitted 1 March 2026, not decided: waiting now | |
"""

import datetime
from dataclasses import dataclass
from typing import Any

from selfdirect.accounts.tests.factories import LocalityFactory
from selfdirect.panel.models import PanelSubmission
from selfdirect.panel.tests.factories import PanelSubmissionFactory
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import PersonFactory

D = datetime.date
DECIDED = D(2025, 10, 1)

# name, locality, days from submission to decision (None: not decided)
ROWS: list[tuple[str, str | None, int | None]] = [
    ("Ann", "North", 3),
    ("Bob", "North", 10),
    ("Cat", "North", 12),
    ("Dan", "North", 40),
    ("Eve", "South", 7),
    ("Fay", "South", 30),
    ("Gus", "South", 31),
    ("Hal", None, 20),
]


@dataclass
class Example:
    people: dict[str, Person]
    waiting: PanelSubmission


def decided(person: Person, submitted_on: D, decided_on: D, **extra: Any) -> Any:
    submission = PanelSubmissionFactory.create(
        indicative_budget__person=person, submitted_on=submitted_on, **extra
    )
    PanelSubmission.objects.filter(pk=submission.pk).update(
        state="decided", decided_on=decided_on, outcome="approved"
    )
    return submission


def build() -> Example:
    places = {n: LocalityFactory.create(name=n) for n in ("North", "South")}
    people: dict[str, Person] = {}
    for name, place, days in ROWS:
        person = PersonFactory.create(
            first_name=name, locality=places[place] if place else None
        )
        people[name] = person
        assert days is not None
        decided(person, DECIDED - datetime.timedelta(days=days), DECIDED)
    ivy = PersonFactory.create(first_name="Ivy", locality=places["North"])
    decided(ivy, D(2026, 3, 1), D(2026, 4, 1))
    jo = PersonFactory.create(first_name="Jo", locality=places["South"])
    waiting = PanelSubmissionFactory.create(
        indicative_budget__person=jo, submitted_on=D(2026, 3, 1)
    )
    people |= {"Ivy": ivy, "Jo": jo}
    return Example(people, waiting)

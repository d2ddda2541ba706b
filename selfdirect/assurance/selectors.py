"""Reads of what assurance keeps, for its pages and (through the KEPT_ANSWERS hook
point) for the indicators."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.db.models.lookups import Exact

from selfdirect.core import summaries as kept

from . import export, reader, setbased
from .models import PersonReading
from .quantity import term
from .summaries import POPULATION, params


def answered(criterion: str, answer: str) -> Q:
    """People whose kept answer to the criterion is `answer`."""
    return Q(
        Exists(
            PersonReading.objects.filter(
                person=OuterRef("pk"), **{f"answers__{criterion}": answer}
            )
        )
    )


def answered_at(criterion: str, answer: str, as_at: datetime.date) -> Q:
    """People whose answer to the criterion is `answer` with their records read as
    they stood on as_at: the criterion's set-based rule, worked out in the query."""
    return Q(Exact(setbased.rules()[criterion](as_at), answer))


def read() -> Q:
    """People with answers kept by the latest reading."""
    return Q(Exists(PersonReading.objects.filter(person=OuterRef("pk"))))


def freshness() -> tuple[datetime.datetime | None, str]:
    snapshot = kept.current(POPULATION, params())
    found = kept.freshness(snapshot, POPULATION)
    return (snapshot.computed_at if snapshot else None), found.reason


def explain(
    person: Any, as_at: datetime.date | None = None
) -> list[tuple[str, str, str]]:
    """One person's case file as at a date (default today) read now, criterion by
    criterion, with the reasons (the person is reached through the chokepoint by
    the caller)."""
    data = export.build(person, as_of=as_at)
    return [
        (a.id, a.answer, a.reason)
        for a in [*reader.read(data), *reader.read_extra(data)]
    ]


def results_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The population reading's table: per criterion, the counts of each answer
    and the quantity term for "yes" among the files it applies to."""
    questions = {
        c["id"]: c["question"]
        for c in reader.criteria(data["criteria_version"])["criteria"]
    } | {
        "informal_supports_in_plan": "Does the plan include informal or community support? (beside the criteria)"
    }
    rows = []
    for criterion, found in data["counts"].items():
        applies = found["yes"] + found["partly"] + found["no"]
        rows.append(
            {
                "id": criterion,
                "question": questions.get(criterion, criterion),
                **found,
                "applies": applies,
                "rate": round(100 * found["yes"] / applies, 1) if applies else None,
                "term": term(found["yes"], applies) if applies else "",
            }
        )
    return rows

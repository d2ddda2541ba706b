"""The automatic reader over a sampled file: build the person's case file through
the export, answer every criterion, and link each piece of evidence to its record."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import NoReverseMatch, reverse

from selfdirect.assurance import export, reader
from selfdirect.people.models import Person

from .models import CriterionAnswer, FileReading, ReadingExercise

# The page of each kind of top-level record: (URL name, its id's keyword).
RECORD_PAGES = {
    "conversations": ("conversations:detail", "conversation_id"),
    "plans": ("plans:detail", "plan_id"),
    "reviews": ("reviews:detail", "review_id"),
    "budgets": ("budgets:detail", "budget_id"),
}


def automatic_answers(
    exercise: ReadingExercise, person: Person, data: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Every criterion's answer, evidence (with links) and reason for one file;
    ``data`` is the person's case file when it was built already (a group's case
    files are built together: `export.build_many`)."""
    if data is None:
        data = export.build(person, as_of=exercise.as_of)
    answers = reader.read(data, exercise.criteria_version)
    return [
        {
            "criterion": answer.id,
            "answer": answer.answer,
            "reason": answer.reason,
            "evidence": [
                {**item.as_dict(), "url": record_url(data, person, item.path)}
                for item in answer.evidence
            ],
        }
        for answer in answers
    ]


def record_url(data: dict[str, Any], person: Person, path: str) -> str:
    """The page of the record a piece of evidence quotes; the person's page when
    the record has no page of its own."""
    parts = path.strip("/").split("/")
    person_page = reverse("people:detail", kwargs={"person_id": person.public_id})
    if len(parts) < 2 or parts[0] not in RECORD_PAGES or not parts[1].isdigit():
        return person_page
    try:
        record_ref = uuid.UUID(str(data[parts[0]][int(parts[1])]["ref"]))
        name, key = RECORD_PAGES[parts[0]]
        return reverse(name, kwargs={"person_id": person.public_id, key: record_ref})
    except (KeyError, IndexError, ValueError, NoReverseMatch):
        return person_page


def answer_rows(
    reading: FileReading, found: list[dict[str, Any]]
) -> list[CriterionAnswer]:
    """Unsaved answers of one reading, proposed by the automatic reader."""
    return [
        CriterionAnswer(
            reading=reading,
            criterion=item["criterion"],
            order=order,
            automatic_answer=item["answer"],
            evidence=item["evidence"],
            reason=item["reason"],
        )
        for order, item in enumerate(found)
    ]

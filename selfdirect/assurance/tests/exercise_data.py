"""Small exercises for the results tests, written straight to the tables."""

import datetime
from typing import Any

from django.utils import timezone

from selfdirect.accounts.models import Team, User
from selfdirect.assurance.models import (
    CriterionAnswer,
    FileReading,
    ReadingExercise,
    SampledFile,
)
from selfdirect.people.tests.factories import PersonFactory

# (criterion, automatic answer, confirmed answer); overridden where they differ.
Answers = list[tuple[str, str, str]]


def exercise(
    by: User, name: str, *, days_ago: int = 0, complete: bool = False
) -> ReadingExercise:
    made = ReadingExercise.objects.create(
        name=name,
        as_of=datetime.date(2026, 11, 1),
        seed=7,
        recorded_by=by,
        status=ReadingExercise.Status.COMPLETE if complete else "reading",
    )
    when = timezone.now() - datetime.timedelta(days=days_ago)
    ReadingExercise.objects.filter(pk=made.pk).update(created_at=when)
    made.refresh_from_db()
    return made


def sampled_file(exercise: ReadingExercise, team: Team | None) -> SampledFile:
    order = exercise.files.count()
    return SampledFile.objects.create(
        exercise=exercise,
        person=PersonFactory.create(),
        group=SampledFile.Group.ASSESSED,
        stratum=f"assessed/{team.pk if team else '-'}/x",
        team=team,
        order=order,
    )


def reading(
    file: SampledFile,
    reader: User,
    answers: Answers,
    *,
    position: str = FileReading.Position.FIRST,
    complete: bool = True,
) -> FileReading:
    made = FileReading.objects.create(
        sampled_file=file,
        reader=reader,
        position=position,
        recorded_by=reader,
        status=FileReading.Status.COMPLETE if complete else "in_progress",
    )
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(reading=made, order=i, **_answer(*row))
        for i, row in enumerate(answers)
    )
    return made


def _answer(criterion: str, automatic: str, confirmed: str) -> dict[str, Any]:
    overridden = bool(confirmed) and confirmed != automatic
    return {
        "criterion": criterion,
        "automatic_answer": automatic,
        "confirmed_answer": confirmed,
        "overridden": overridden,
        "note": "The record says otherwise." if overridden else "",
    }

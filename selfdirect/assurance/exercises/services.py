"""What people do in a reading exercise: set it up (drawing the sample and reading
it automatically), give files to readers, choose files for a second reader, read
a file (confirming or overriding each answer), and complete the exercise."""

from __future__ import annotations

import datetime
import random
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, update_versioned
from selfdirect.people.models import Allocation

from . import rules, sampling
from .drawing import draw_in_background
from .models import CriterionAnswer, FileReading, ReadingExercise, SampledFile


@dataclass(frozen=True)
class ExerciseDetails:
    """What the set-up form asks: the sample sizes and the population's day."""

    name: str
    as_of: datetime.date
    months: int = 12
    assessed_size: int = 60
    signposted_size: int = 20
    seed: int | None = None
    criteria_version: str = "1"


@dataclass(frozen=True)
class AnswerDetails:
    """A reader's answer to one criterion, and the note when overriding."""

    criterion: str
    answer: str
    note: str = ""


def start_exercise(*, details: ExerciseDetails, by: User) -> ReadingExercise:
    """Set up an exercise (quality leads): record its population and seed, then ask
    the background worker to draw the stratified sample and read every file
    automatically (`draw_sample`). The exercise is "drawing the sample" until then,
    and its page follows the job's progress."""
    exercise = set_up_exercise(details=details, by=by)
    draw_in_background(exercise, by=by)
    return exercise


@transaction.atomic
def set_up_exercise(*, details: ExerciseDetails, by: User) -> ReadingExercise:
    """The exercise with its population definition and seed, nothing drawn yet."""
    return save_new(
        ReadingExercise(
            name=details.name,
            criteria_version=details.criteria_version,
            as_of=details.as_of,
            months=details.months,
            population=sampling.definition(details.as_of, details.months),
            assessed_size=details.assessed_size,
            signposted_size=details.signposted_size,
            seed=secrets.randbelow(10**9) if details.seed is None else details.seed,
            recorded_by=by,
        ),
        by,
    )


def _teams_of(file: SampledFile) -> set[int]:
    """The teams holding the person now, and the team they had when drawn."""
    now = set(
        Allocation.objects.current()
        .filter(person_id=file.person_id)
        .values_list("team_id", flat=True)
    )
    return now | ({file.team_id} if file.team_id else set())


@transaction.atomic
def give_reading(
    *, reading: FileReading, reader: User, version: int, by: User
) -> FileReading:
    """Give a reading of a file to a reader (quality leads): never a practitioner
    from the person's own team, never the file's other reader."""
    file = reading.sampled_file
    problem = rules.reader_problem(reader, _teams_of(file))
    other = file.readings.exclude(pk=reading.pk).values_list("reader_id", flat=True)
    for other_id in other:
        problem = problem or rules.second_reader_problem(other_id, reader)
    if problem:
        raise ValidationError({"reader": problem})
    update_versioned(reading, by=by, version=version, details={"reader": reader})
    record_event(
        actor=by,
        action="file_reading.given",
        person_id=file.person_id,
        reading=str(reading.public_id),
        reader=reader.username,
    )
    return reading


@transaction.atomic
def choose_second_readings(
    *, exercise: ReadingExercise, count: int, by: User
) -> list[FileReading]:
    """Choose `count` files at random (from the exercise's seed) that have no
    second reading yet, and give each a second reading with the automatic
    reader's answers to confirm (quality leads)."""
    chosen_already = exercise.files.filter(second_reading=True).count()
    waiting = list(exercise.files.filter(second_reading=False).order_by("order"))
    chooser = random.Random(f"{exercise.seed}:second:{chosen_already}")  # noqa: S311
    chosen = sorted(
        chooser.sample(waiting, min(count, len(waiting))), key=lambda f: f.order
    )
    readings = []
    for file in chosen:
        update_versioned(
            file, by=by, version=file.version, details={"second_reading": True}
        )
        readings.append(_second_reading(file, by))
    record_event(
        actor=by,
        action="reading_exercise.second_readings",
        person_id=None,
        exercise=str(exercise.public_id),
        files=len(readings),
    )
    return readings


def _second_reading(file: SampledFile, by: User) -> FileReading:
    first = file.readings.get(position=FileReading.Position.FIRST)
    second = save_new(
        FileReading(
            sampled_file=file, position=FileReading.Position.SECOND, recorded_by=by
        ),
        by,
    )
    copies = [
        CriterionAnswer(
            reading=second,
            criterion=answer.criterion,
            order=answer.order,
            automatic_answer=answer.automatic_answer,
            evidence=answer.evidence,
            reason=answer.reason,
        )
        for answer in first.answers.all()
    ]
    bulk_create_with_history(copies, CriterionAnswer, default_user=by)
    return second


@transaction.atomic
def save_reading(
    *,
    reading: FileReading,
    answers: list[AnswerDetails],
    finished: bool,
    version: int,
    by: User,
    now: datetime.datetime | None = None,
) -> FileReading:
    """Save a reader's answers: each confirms or overrides the automatic answer,
    with a note when overriding. Finished, every criterion must be answered.
    The version check stops a second reader's save overwriting the first's."""
    if reading.reader_id not in (None, by.pk):
        raise ValidationError("This file has been given to someone else to read.")
    stored = {answer.criterion: answer for answer in reading.answers.all()}
    errors = _answer_errors(stored, answers, finished)
    if errors:
        raise ValidationError(errors)
    status = FileReading.Status.COMPLETE if finished else FileReading.Status.IN_PROGRESS
    update_versioned(
        reading,
        by=by,
        version=version,
        details={
            "reader": by,
            "status": status,
            "completed_at": (now or timezone.now()) if finished else None,
        },
    )
    for given in answers:
        _save_answer(stored[given.criterion], given, by)
    record_event(
        actor=by,
        action="file_reading.saved",
        person_id=reading.sampled_file.person_id,
        reading=str(reading.public_id),
        finished=finished,
    )
    return reading


def _answer_errors(
    stored: dict[str, CriterionAnswer], answers: list[AnswerDetails], finished: bool
) -> dict[str, str]:
    errors: dict[str, str] = {}
    given = {answer.criterion: answer for answer in answers}
    for criterion, answer in stored.items():
        mine = given.get(criterion)
        if mine is None or not mine.answer:
            if finished:
                errors[f"answer_{criterion}"] = "Confirm or change this answer."
            continue
        problem = rules.override_problem(
            answer.automatic_answer, mine.answer, mine.note
        )
        if problem:
            errors[f"note_{criterion}"] = problem
    unknown = set(given) - set(stored)
    if unknown:
        errors["__all__"] = "These are not criteria of this reading: " + ", ".join(
            sorted(unknown)
        )
    return errors


def _save_answer(answer: CriterionAnswer, given: AnswerDetails, by: User) -> None:
    overridden = bool(given.answer) and given.answer != answer.automatic_answer
    note = given.note.strip() if overridden else ""
    if (answer.confirmed_answer, answer.overridden, answer.note) == (
        given.answer,
        overridden,
        note,
    ):
        return
    update_versioned(
        answer,
        by=by,
        version=answer.version,
        details={
            "confirmed_answer": given.answer,
            "overridden": overridden,
            "note": note,
        },
    )


@transaction.atomic
def complete_exercise(
    *,
    exercise: ReadingExercise,
    version: int,
    by: User,
    now: datetime.datetime | None = None,
) -> None:
    """Mark the exercise complete once every reading is read (quality leads)."""
    waiting = FileReading.objects.filter(sampled_file__exercise=exercise).exclude(
        status=FileReading.Status.COMPLETE
    )
    if exercise.status != ReadingExercise.Status.READING:
        raise ValidationError("Only an exercise being read can be completed.")
    if waiting.exists():
        raise ValidationError(
            f"{waiting.count()} readings are not finished yet: finish them first."
        )
    update_versioned(
        exercise,
        by=by,
        version=version,
        details={
            "status": ReadingExercise.Status.COMPLETE,
            "completed_at": now or timezone.now(),
        },
    )
    record_event(
        actor=by,
        action="reading_exercise.completed",
        person_id=None,
        exercise=str(exercise.public_id),
    )

"""Reads for the exercise pages: progress counted in the database, and the
readings a user may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Purpose
from selfdirect.core.models import Job

from .models import CriterionAnswer, FileReading, ReadingExercise

DRAW_KIND = "file_reading.draw"


@dataclass(frozen=True)
class Progress:
    files: int
    readings: int
    read: int
    second_readings: int

    @property
    def to_read(self) -> int:
        return self.readings - self.read


def exercises_with_progress() -> QuerySet[ReadingExercise]:
    """Every exercise, newest first, with its files and readings counted."""
    exercises = ReadingExercise.objects.select_related("recorded_by")
    return exercises.order_by("-created_at", "-id").annotate(
        file_count=Count("files", distinct=True),
        reading_count=Count("files__readings"),
        read_count=Count(
            "files__readings",
            filter=Q(files__readings__status=FileReading.Status.COMPLETE),
        ),
        to_read_count=Count(
            "files__readings",
            filter=~Q(files__readings__status=FileReading.Status.COMPLETE),
        ),
    )


def progress(exercise: ReadingExercise) -> Progress:
    """How far an exercise has got, in one query."""
    counts = FileReading.objects.filter(sampled_file__exercise=exercise).aggregate(
        readings=Count("pk"),
        files=Count("sampled_file", distinct=True),
        read=Count("pk", filter=Q(status=FileReading.Status.COMPLETE)),
        second=Count("pk", filter=Q(position=FileReading.Position.SECOND)),
    )
    return Progress(
        files=counts["files"],
        readings=counts["readings"],
        read=counts["read"],
        second_readings=counts["second"],
    )


def readings_for(user: User, exercise: ReadingExercise) -> QuerySet[FileReading]:
    """The exercise's readings this user may open, in sample order."""
    return (
        FileReading.objects.visible_to(user, Purpose.FILE_READING)
        .filter(sampled_file__exercise=exercise)
        .select_related("sampled_file__person", "sampled_file__team", "reader")
        .order_by("sampled_file__order", "position")
    )


def readings_given_to(user: User) -> QuerySet[FileReading]:
    """Readings given to this user and not finished, across exercises."""
    return (
        FileReading.objects.visible_to(user, Purpose.FILE_READING)
        .filter(reader=user)
        .exclude(status=FileReading.Status.COMPLETE)
        .select_related("sampled_file__person", "sampled_file__exercise")
        .order_by("sampled_file__exercise", "sampled_file__order")
    )


def answers_of(reading: FileReading) -> list[CriterionAnswer]:
    """A reading's answers in the criteria set's order."""
    return list(reading.answers.order_by("order"))


def drawing_job(exercise: ReadingExercise) -> Job | None:
    """The latest job drawing this exercise's sample, while it is being drawn."""
    if exercise.status != ReadingExercise.Status.DRAWING:
        return None
    return (
        Job.objects.filter(kind=DRAW_KIND, subject=str(exercise.public_id))
        .order_by("-created_at", "-id")
        .first()
    )

"""Access to exercises and readings, through the one chokepoint."""

from __future__ import annotations

import uuid

from django.http import Http404

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.people.access import access_record

from .models import FileReading, ReadingExercise


def access_exercise(user: User, exercise_id: uuid.UUID) -> ReadingExercise:
    """An exercise, for anyone who reads case files (it names no one): 403 for
    other roles, 404 when missing."""
    require(user, Capability.READ_CASE_FILES)
    exercise = ReadingExercise.objects.filter(public_id=exercise_id).first()
    if exercise is None:
        raise Http404("No such exercise")
    return exercise


def access_reading(
    user: User,
    exercise: ReadingExercise,
    reading_id: uuid.UUID,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> FileReading:
    """A reading of a sampled file, through the chokepoint for file reading: a
    peer reader reaches only the readings given to them, never of their own
    teams' people (404 otherwise, as for a missing one); the read is logged."""
    return access_record(
        user,
        FileReading.objects.filter(sampled_file__exercise=exercise),
        reading_id,
        purpose=Purpose.FILE_READING,
        action=action,
        page=page,
    )

"""Drawing an exercise's sample and reading it automatically: in the background
worker (`draw_sample`), or at once for the demo (`draw_and_read`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from selfdirect.accounts.models import Team, User
from selfdirect.assurance.export import build_many
from selfdirect.audit.services import record_event
from selfdirect.core import jobs
from selfdirect.core.concurrency import update_versioned
from selfdirect.core.models import Job
from selfdirect.people.models import ServiceGroup

from . import sampling
from .automatic import answer_rows, automatic_answers
from .models import CriterionAnswer, FileReading, ReadingExercise, SampledFile
from .selectors import DRAW_KIND


def draw_in_background(exercise: ReadingExercise, *, by: User) -> Job:
    """Queue the drawing and automatic reading (again, if an earlier try failed)."""
    if exercise.status != ReadingExercise.Status.DRAWING:
        raise ValidationError(_("The sample for this exercise is already drawn."))
    return jobs.start(
        draw_sample,
        kind=DRAW_KIND,
        by=by,
        subject=str(exercise.public_id),
        exercise_pk=exercise.pk,
    )


@jobs.job
def draw_sample(progress: jobs.Progress, exercise_pk: int) -> None:
    """The background job: draw the sample and read it, as whoever asked."""
    exercise = ReadingExercise.objects.get(pk=exercise_pk)
    if exercise.status != ReadingExercise.Status.DRAWING:
        return  # drawn already (a second try that was queued twice)
    draw_and_read(exercise, by=progress.job.requested_by, progress=progress)


def draw_and_read(
    exercise: ReadingExercise, *, by: User, progress: jobs.Progress | None = None
) -> None:
    """Draw the sample (the same seed and population always give the same one) and
    read each file automatically, then open the exercise for reading.

    Each step is its own transaction, so the progress is seen as it goes; a try
    that failed part way is cleared first, so trying again starts clean."""
    report = progress.update if progress else (lambda percent, stage: None)
    report(2, _("Drawing the sample"))
    with transaction.atomic():
        exercise.files.all().delete()
        files = _draw(exercise)
    for done, group in enumerate(_groups(files, READ_GROUP), start=1):
        report(
            5 + 90 * (done - 1) * READ_GROUP // max(len(files), 1),
            _("Reading the files automatically"),
        )
        with transaction.atomic():
            _read_automatically(exercise, group, by)
    with transaction.atomic():
        update_versioned(
            exercise,
            by=by,
            version=_version(exercise),
            details={"status": ReadingExercise.Status.READING},
        )
        record_event(
            actor=by,
            action="reading_exercise.started",
            person_id=None,
            exercise=str(exercise.public_id),
            files=len(files),
            seed=exercise.seed,
        )


READ_GROUP = 10


def _groups(files: list[SampledFile], size: int) -> list[list[SampledFile]]:
    return [files[start : start + size] for start in range(0, len(files), size)]


def _version(exercise: ReadingExercise) -> int:
    exercise.refresh_from_db(fields=["version"])
    return exercise.version


def _draw(exercise: ReadingExercise) -> list[SampledFile]:
    drawn = sampling.draw(
        as_of=exercise.as_of,
        months=exercise.months,
        assessed=exercise.assessed_size,
        signposted=exercise.signposted_size,
        seed=exercise.seed,
    )
    teams = dict(Team.objects.values_list("pk", "name"))
    groups = dict(ServiceGroup.objects.values_list("pk", "code"))
    rows = [
        SampledFile(
            exercise=exercise,
            person_id=one.candidate.person_id,
            group=one.group,
            stratum=one.stratum_name(teams, groups),
            team_id=one.candidate.team_id,
            service_group_id=one.candidate.service_group_id,
            order=order,
        )
        for order, one in enumerate(drawn, start=1)
    ]
    bulk_create_with_history(rows, SampledFile)
    return list(exercise.files.all())


def _read_automatically(
    exercise: ReadingExercise, files: list[SampledFile], by: User
) -> None:
    bulk_create_with_history(
        [FileReading(sampled_file=file, recorded_by=by) for file in files],
        FileReading,
        default_user=by,
    )
    answers: list[CriterionAnswer] = []
    saved = FileReading.objects.filter(sampled_file__in=files)
    by_file = {reading.sampled_file_id: reading for reading in saved}
    sampled = list(
        SampledFile.objects.filter(pk__in=[f.pk for f in files]).select_related(
            "person"
        )
    )
    # The group's case files in one go: a fixed number of queries, not per file.
    data = build_many([file.person_id for file in sampled], as_of=exercise.as_of)
    for file in sampled:
        found = automatic_answers(exercise, file.person, data[file.person_id])
        answers += answer_rows(by_file[file.pk], found)
    bulk_create_with_history(answers, CriterionAnswer, default_user=by)

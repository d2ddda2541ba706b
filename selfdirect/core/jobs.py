"""Work that must not hold a web worker: run by the background worker.

Built on django-tasks with its database backend (settings.TASKS): the web process
queues a task in the database and `selfdirect db_worker` runs it (docs/deploy.md).
A `Job` row says who asked, how far it has got (percent and what is happening,
for a progress page) and which files it made; the files are kept in private
storage until the job expires.

A job is a module-level function taking a `Progress` first, made a task by `@job`:

    @job
    def export_pdf(progress: Progress, person_pk: int) -> None:
        progress.update(10, "Reading first contacts")
        with progress.file("export.pdf", "Everything held", "application/pdf") as out:
            out.write(...)

and started with `start(export_pdf, kind=..., by=user, subject=..., person_pk=1)`.
Tests run jobs at once (the immediate backend) and once through the real worker.
"""

import datetime
import functools
import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import task
from django_tasks.base import Task

from .models import Job, JobFile, private_storage

logger = logging.getLogger(__name__)

P = ParamSpec("P")


class Progress:
    """What a running job tells the person waiting for it."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.refused: tuple[str, str] | None = None

    def refuse(self, error: str, stage: str) -> None:
        """End the job without doing its work, saying why (it is recorded as
        failed with this error, not as an exception)."""
        self.refused = (error, stage)

    def update(self, percent: int, stage: str) -> None:
        """Record how far the job has got: saved at once, the progress page reads it."""
        percent = max(0, min(100, int(percent)))
        Job.objects.filter(pk=self.job.pk).update(percent=percent, stage=stage[:200])
        self.job.percent, self.job.stage = percent, stage

    @contextmanager
    def file(self, filename: str, label: str, content_type: str) -> Iterator[IO[bytes]]:
        """A file to write the job's output to, bit by bit: kept for its user."""
        storage = private_storage()
        name = f"jobs/{self.job.public_id}/{get_random_string(8)}-{filename}"
        path = Path(storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            yield handle
        JobFile.objects.create(
            job=self.job,
            label=label,
            filename=filename,
            content_type=content_type,
            file=name,
            size=path.stat().st_size,
        )


JobFunction = Callable[Concatenate[Progress, P], None]


def job(function: JobFunction[P]) -> Task[..., None]:
    """Make `function(progress, **kwargs)` a background task taking the job's id."""

    @functools.wraps(function)
    def run(job_id: int, *args: P.args, **kwargs: P.kwargs) -> None:
        row = Job.objects.get(pk=job_id)
        Job.objects.filter(pk=row.pk).update(
            status=Job.Status.RUNNING, started_at=timezone.now()
        )
        progress = Progress(row)
        try:
            function(progress, *args, **kwargs)
        except BaseException as error:  # a stopped worker too: say it failed
            logger.exception("Job %s (%s) failed", row.pk, row.kind)
            Job.objects.filter(pk=row.pk).update(
                status=Job.Status.FAILED,
                error=f"{type(error).__name__}"[:500],
                finished_at=timezone.now(),
            )
            raise
        if progress.refused:
            why, stage = progress.refused
            Job.objects.filter(pk=row.pk).update(
                status=Job.Status.FAILED,
                error=why[:500],
                stage=stage[:200],
                finished_at=timezone.now(),
            )
            return
        Job.objects.filter(pk=row.pk).update(
            status=Job.Status.DONE, percent=100, finished_at=timezone.now()
        )

    return task()(run)  # type: ignore[arg-type,return-value]


def can_defer(task_: Task[..., None]) -> bool:
    """Whether the task's backend can hold a job until a given time (the database
    backend can; the immediate backend the tests use cannot)."""
    return bool(task_.get_backend().supports_defer)


def start(
    task_: Task[..., None],
    *,
    kind: str,
    by: Any,
    subject: str = "",
    run_after: datetime.datetime | None = None,
    **kwargs: Any,
) -> Job:
    """Queue a job for the background worker; returns at once with its `Job`.
    With `run_after`, the worker starts it no sooner than then (the backend must
    `can_defer`).

    The job's row and the queued task are written in one transaction, so the
    worker never sees a task whose job it cannot find.
    """
    delete_expired()
    keep = datetime.timedelta(hours=settings.JOB_FILES_KEEP_HOURS)
    if run_after is not None:
        task_ = task_.using(run_after=run_after)
        keep += max(run_after - timezone.now(), datetime.timedelta(0))
    with transaction.atomic():
        row = Job.objects.create(
            kind=kind,
            subject=subject,
            requested_by=by,
            expires_at=timezone.now() + keep,
        )
        result = task_.enqueue(row.pk, **kwargs)
    Job.objects.filter(pk=row.pk).update(task_id=str(result.id)[:64])
    row.refresh_from_db()
    return row


def run_here(
    task_: Task[..., None],
    *,
    kind: str,
    by: Any,
    subject: str = "",
    created: Callable[[Job], None] | None = None,
    **kwargs: Any,
) -> Job:
    """Run a job in this process now (a command run from cron), with its `Job` row
    as if the worker ran it: progress and refusals are recorded the same way.
    `created(row)` is called once the row exists, before the work begins."""
    keep = datetime.timedelta(hours=settings.JOB_FILES_KEEP_HOURS)
    row = Job.objects.create(
        kind=kind, subject=subject, requested_by=by, expires_at=timezone.now() + keep
    )
    if created is not None:
        created(row)
    task_.call(row.pk, **kwargs)
    row.refresh_from_db()
    return row


def find(public_id: Any, *, by: Any, kind: str, subject: str) -> Job | None:
    """The user's own job of this kind about this subject, if it has not expired.

    Only the user who asked for a job may see it or its files: anyone else,
    whatever their role, is answered as if it did not exist.
    """
    return (
        Job.objects.filter(
            public_id=public_id,
            requested_by=by,
            kind=kind,
            subject=subject,
            expires_at__gt=timezone.now(),
        )
        .prefetch_related("files")
        .first()
    )


def delete_expired(now: datetime.datetime | None = None) -> int:
    """Delete jobs past their expiry, and their files. Returns how many jobs."""
    now = now or timezone.now()
    expired = Job.objects.filter(expires_at__lte=now)
    storage = private_storage()
    public_ids = list(expired.values_list("public_id", flat=True))
    for public_id in public_ids:
        shutil.rmtree(Path(storage.path(f"jobs/{public_id}")), ignore_errors=True)
    expired.delete()
    return len(public_ids)

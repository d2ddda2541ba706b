"""Summary tables: a report's figures worked out by the background worker and kept.

A report too slow to aggregate over the live tables on every request declares a
`Summary` in its app's `summaries.py` (found at start-up, like Django's admin
modules):

    SIGNPOSTING = register(Summary(
        key="insights.signposting",
        title=_("Signposting report"),
        compute=compute_signposting,      # (params, progress) -> JSON-able data
        sources=("people.Signposting", "people.FirstContact", ...),
    ))

One `SummarySnapshot` row is kept per summary and per set of parameters (a report's
period, say): the data, when it was computed and by whom, and the job refreshing it.
`refresh(summary, params, by=user)` queues the background job (core.jobs); the page
reads `current(summary, params)` and shows `snapshot.computed_at`.

**When a summary is stale** (`Freshness`), and the page must say so:
- a record of one of its `sources` was saved or deleted through the ORM after the
  computation began (a signal marks the snapshot `stale_since`, after the write
  commits); or
- it is older than `max_age` (`settings.SUMMARY_MAX_AGE_HOURS`, default 24 hours),
  which also bounds writes that bypass signals (bulk loads, `QuerySet.update`).
A page never shows a stale summary without saying so.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from . import jobs
from .models import Job, SummarySnapshot

Params = Mapping[str, str]
# The progress page asks again this often while the worker is busy, unless the
# user turns that off.
PROGRESS_REFRESH_SECONDS = 5
Compute = Callable[[Params, jobs.Progress], Any]


@dataclass(frozen=True)
class Summary:
    """A report's figures kept in a summary table."""

    key: str  # stable and short: "<app>.<report>"
    title: str | Promise
    compute: Compute  # the live computation: (params, progress) -> JSON-able data
    sources: tuple[str, ...]  # model labels whose writes make it stale
    max_age: datetime.timedelta | None = None  # None: settings.SUMMARY_MAX_AGE_HOURS

    @property
    def job_kind(self) -> str:
        return f"summary:{self.key}"[:60]

    def oldest_allowed(self, now: datetime.datetime) -> datetime.datetime:
        age = self.max_age or datetime.timedelta(hours=settings.SUMMARY_MAX_AGE_HOURS)
        return now - age


_REGISTRY: dict[str, Summary] = {}
_SOURCES: dict[str, set[str]] = {}  # model label -> summary keys


def register(summary: Summary) -> Summary:
    """Declare a summary (at import time of an app's `summaries.py`)."""
    _REGISTRY[summary.key] = summary
    for label in summary.sources:
        _SOURCES.setdefault(label, set()).add(summary.key)
    return summary


def get(key: str) -> Summary:
    """A declared summary by its key (KeyError if none)."""
    if key not in _REGISTRY:
        autodiscover()
    return _REGISTRY[key]


def registered() -> list[Summary]:
    return list(_REGISTRY.values())


def encode(params: Params) -> str:
    """Parameters as one canonical string: the snapshot's other key."""
    return urlencode(sorted((k, v or "") for k, v in params.items()))


@dataclass(frozen=True)
class Freshness:
    stale: bool
    reason: str  # "", "changed", "old", "never"


def freshness(
    snapshot: SummarySnapshot | None,
    summary: Summary,
    now: datetime.datetime | None = None,
) -> Freshness:
    """Whether a snapshot's data may be shown as current (see the module's rules)."""
    now = now or timezone.now()
    if snapshot is None or snapshot.computed_at is None:
        return Freshness(True, "never")
    if snapshot.stale_since is not None:
        return Freshness(True, "changed")
    if snapshot.computed_at < summary.oldest_allowed(now):
        return Freshness(True, "old")
    return Freshness(False, "")


def current(summary: Summary, params: Params) -> SummarySnapshot | None:
    """The kept snapshot for these parameters, with its refreshing job (one query)."""
    return (
        SummarySnapshot.objects.filter(key=summary.key, params=encode(params))
        .select_related("job", "computed_by")
        .first()
    )


def refreshing(snapshot: SummarySnapshot | None) -> bool:
    """Whether a refresh of the snapshot is queued or running."""
    return bool(snapshot and snapshot.job and not snapshot.job.finished)


def refresh(summary: Summary, params: Params, *, by: Any) -> SummarySnapshot:
    """Queue a refresh for the background worker, unless one is already under way;
    returns the snapshot (its `job` shows the progress)."""
    encoded = encode(params)
    with transaction.atomic():
        snapshot, _ = SummarySnapshot.objects.select_for_update().get_or_create(
            key=summary.key, params=encoded
        )
        snapshot.job = (
            Job.objects.filter(pk=snapshot.job_id).first() if snapshot.job_id else None
        )
        if refreshing(snapshot):
            return snapshot
        job = jobs.start(
            refresh_summary,
            kind=summary.job_kind,
            by=by,
            subject=encoded[:100],
            key=summary.key,
            params=dict(params),
        )
        SummarySnapshot.objects.filter(pk=snapshot.pk).update(job=job)
    snapshot.refresh_from_db()
    return snapshot


def page_context(
    summary: Summary, params: Params, snapshot: SummarySnapshot | None
) -> dict[str, Any]:
    """What `components/summary_status.html` needs, beside `summary_url`: where the
    page's figures come from and whether they are out of date."""
    kept = snapshot is not None and snapshot.data is not None
    return {
        "snapshot": snapshot if kept else None,
        "freshness": freshness(snapshot, summary),
        "refreshing": refreshing(snapshot),
        "summary_query": encode(params),
        "max_age_hours": settings.SUMMARY_MAX_AGE_HOURS,
    }


def progress_context(
    snapshot: SummarySnapshot, *, report_url: str, progress_url: str, stop: bool
) -> dict[str, Any]:
    """What `core/summary_progress.html` needs, beside `report_title` and `scope`;
    `stop` when the user turned off the page's own refreshing (WCAG 2.2.1)."""
    return {
        "snapshot": snapshot,
        "job": snapshot.job,
        "report_url": report_url,
        "progress_url": progress_url,
        "refresh_seconds": PROGRESS_REFRESH_SECONDS,
        "refreshing": refreshing(snapshot) and not stop,
    }


def _refresh(progress: jobs.Progress, key: str, params: dict[str, str]) -> None:
    summary = get(key)
    encoded = encode(params)
    began = timezone.now()
    # From here on, a write to a source marks the new figures stale.
    SummarySnapshot.objects.filter(key=key, params=encoded).update(stale_since=None)
    progress.update(5, str(summary.title))
    data = summary.compute(params, progress)
    progress.update(95, "Saving the summary")
    SummarySnapshot.objects.filter(key=key, params=encoded).update(
        data=data, computed_at=began, computed_by=progress.job.requested_by_id
    )


refresh_summary = jobs.job(_refresh)


# --- Staleness: writes to a source ---------------------------------------------


def _mark_stale(labels: set[str]) -> None:
    keys = set().union(*(_SOURCES.get(label, set()) for label in labels))
    if keys:
        SummarySnapshot.objects.filter(key__in=keys, stale_since__isnull=True).update(
            stale_since=timezone.now()
        )


def _source_written(sender: type[models.Model], **kwargs: Any) -> None:
    label = sender._meta.label
    if label not in _SOURCES or sender.__module__ == "__fake__":
        return  # not counted by a summary, or a migration's historical model
    connection = transaction.get_connection(kwargs.get("using"))
    # Once per source and transaction: Django drops these callbacks itself when
    # the transaction (or the savepoint they were queued in) rolls back.
    if any(
        getattr(entry[1], "summary_source", None) == label
        for entry in connection.run_on_commit
    ):
        return

    def mark() -> None:
        _mark_stale({label})

    mark.summary_source = label  # type: ignore[attr-defined]
    # After the write commits: a rolled-back write changes nothing, and the
    # write's own transaction is not lengthened.
    transaction.on_commit(mark, using=kwargs.get("using"), robust=True)


def autodiscover() -> None:
    """Import every app's `summaries.py`, so each summary is declared."""
    autodiscover_modules("summaries")


def connect() -> None:
    """Called at start-up (core's AppConfig.ready)."""
    autodiscover()
    post_save.connect(_source_written, dispatch_uid="summaries.saved")
    post_delete.connect(_source_written, dispatch_uid="summaries.deleted")

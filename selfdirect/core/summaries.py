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
  commits: `core/summary_staleness.py`); or
- it is older than `max_age` (`settings.SUMMARY_MAX_AGE_HOURS`, default 24 hours),
  which also bounds writes that bypass signals (bulk loads, `QuerySet.update`).
A page never shows a stale summary without saying so.

**Refreshing itself.** When a kept summary goes out of date through a write (the
post-commit marking), a refresh is queued for the background worker
(`refresh_automatically`), computed as the user who last asked for it:
- at most one refresh is queued or running per summary and parameters (`refresh`
  refuses a second), and it starts no sooner than `refresh_delay`
  (`settings.SUMMARY_REFRESH_DELAY_SECONDS`) after the previous refresh began, so a
  busy day does not recompute on every save;
- the user must still be allowed to see the figures (`Summary.allowed`), checked
  when the refresh is queued and again when it runs; if they are not, nothing is
  computed and the snapshot's job says so (failed, `REFUSED`), the page too;
- writes made while a refresh runs queue the next one when it finishes.
`selfdirect summaries refresh [--stale] [--older-than HOURS]` refreshes kept
summaries from cron (the same checks, run in the command's own process).
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

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
    # Whether a user may still see these figures (checked before an automatic or
    # command-line refresh computes as them); None: any active user.
    allowed: Callable[[Any, Params], bool] | None = None
    # Whether kept figures for these parameters are still worth refreshing
    # automatically (a day's figures once the day is over are not); None: always.
    worth_refreshing: Callable[[Params], bool] | None = None
    # The least time between the start of one refresh and the next automatic one;
    # None: settings.SUMMARY_REFRESH_DELAY_SECONDS.
    refresh_delay: datetime.timedelta | None = None

    @property
    def delay(self) -> datetime.timedelta:
        return self.refresh_delay or datetime.timedelta(
            seconds=settings.SUMMARY_REFRESH_DELAY_SECONDS
        )

    def may_compute(self, user: Any, params: Params) -> bool:
        """Whether the summary may be worked out as this user now."""
        if user is None or not user.is_active:
            return False
        return self.allowed is None or bool(self.allowed(user, params))

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


def decode(encoded: str) -> dict[str, str]:
    """A snapshot's parameters back from `encode`."""
    return dict(parse_qsl(encoded, keep_blank_values=True))


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


# A refresh not run because the user it would be computed as may no longer see
# the figures: the job's error (the snapshot's job says so; so does the page).
REFUSED = "NotAllowed"


def refused(snapshot: SummarySnapshot | None) -> bool:
    """Whether the latest refresh was refused (its user may no longer see it)."""
    job = snapshot.job if snapshot else None
    return bool(job and job.status == Job.Status.FAILED and job.error == REFUSED)


def asker(snapshot: SummarySnapshot) -> Any:
    """The user who last asked for the summary (an automatic refresh is computed
    as them): the latest refresh's, else whoever the kept figures were worked
    out for."""
    if snapshot.job_id is not None and snapshot.job is not None:
        return snapshot.job.requested_by
    return snapshot.computed_by


def _refusal_stage(user: Any) -> str:
    name = (user.get_full_name() or user.username) if user else _("nobody")
    return _(
        "Not refreshed: %(name)s, who asked for this summary, can no longer see "
        "these figures. Refresh it yourself to keep it current."
    ) % {"name": name}


def refresh(
    summary: Summary,
    params: Params,
    *,
    by: Any,
    run_after: datetime.datetime | None = None,
    replacing: int | None = None,
) -> SummarySnapshot:
    """Queue a refresh for the background worker, unless one is already under way
    (other than the job `replacing`, which is finishing); returns the snapshot (its
    `job` shows the progress). With `run_after`, not started before then."""
    encoded = encode(params)
    with transaction.atomic():
        snapshot, _created = SummarySnapshot.objects.select_for_update().get_or_create(
            key=summary.key, params=encoded
        )
        snapshot.job = (
            Job.objects.filter(pk=snapshot.job_id).first() if snapshot.job_id else None
        )
        if refreshing(snapshot) and snapshot.job_id != replacing:
            return snapshot
        job = jobs.start(
            refresh_summary,
            kind=summary.job_kind,
            by=by,
            subject=encoded[:100],
            run_after=run_after,
            key=summary.key,
            params=dict(params),
        )
        SummarySnapshot.objects.filter(pk=snapshot.pk).update(job=job)
    snapshot.refresh_from_db()
    return snapshot


def _refuse(snapshot: SummarySnapshot, summary: Summary, user: Any) -> None:
    """Mark the snapshot's refresh refused (a finished, failed job saying why),
    once: a refusal already recorded for the same user is left as it is."""
    previous = snapshot.job
    if user is None or (
        refused(snapshot) and previous and previous.requested_by_id == user.pk
    ):
        return
    keep = datetime.timedelta(hours=settings.JOB_FILES_KEEP_HOURS)
    now = timezone.now()
    job = Job.objects.create(
        kind=summary.job_kind,
        subject=snapshot.params[:100],
        requested_by=user,
        status=Job.Status.FAILED,
        error=REFUSED,
        stage=_refusal_stage(user)[:200],
        finished_at=now,
        expires_at=now + keep,
    )
    SummarySnapshot.objects.filter(pk=snapshot.pk).update(job=job)
    snapshot.job = job


def refresh_automatically(
    snapshot_pk: int,
    *,
    now: datetime.datetime | None = None,
    replacing: int | None = None,
) -> str:
    """Queue the refresh of a kept summary that went out of date, as the user who
    last asked for it, no sooner than its delay after the previous refresh began.
    Returns what was done: "queued", "refused", or why not ("refreshing",
    "never kept", "not wanted", "not yet")."""
    now = now or timezone.now()
    with transaction.atomic():
        snapshot = (
            SummarySnapshot.objects.select_for_update(of=("self",))
            .select_related("job__requested_by", "computed_by")
            .filter(pk=snapshot_pk)
            .first()
        )
        if snapshot is None or snapshot.key not in _REGISTRY:
            return "never kept"
        summary = _REGISTRY[snapshot.key]
        params = decode(snapshot.params)
        if refreshing(snapshot) and snapshot.job_id != replacing:
            return "refreshing"  # one queued or running is enough
        if snapshot.data is None or snapshot.computed_at is None:
            return "never kept"
        if summary.worth_refreshing and not summary.worth_refreshing(params):
            return "not wanted"
        user = asker(snapshot)
        if not summary.may_compute(user, params):
            _refuse(snapshot, summary, user)
            return "refused"
        due: datetime.datetime | None = snapshot.computed_at + summary.delay
        if due is not None and due <= now:
            due = None
        elif not jobs.can_defer(refresh_summary):
            # A backend that cannot hold a job (the tests' immediate one): leave it
            # out of date, as the page says; the command or a later write refreshes.
            return "not yet"
        refresh(summary, params, by=user, run_after=due, replacing=replacing)
    return "queued"


def refresh_now(snapshot: SummarySnapshot) -> str:
    """Refresh a kept summary in this process (the command line), as the user who
    last asked for it, if they still may see it and no refresh is under way.
    Returns "refreshed", "refused", "refreshing" or "never kept"."""
    summary = _REGISTRY.get(snapshot.key)
    if summary is None:
        return "never kept"
    params = decode(snapshot.params)
    with transaction.atomic():
        locked = (
            SummarySnapshot.objects.select_for_update(of=("self",))
            .select_related("job__requested_by", "computed_by")
            .get(pk=snapshot.pk)
        )
        if refreshing(locked):
            return "refreshing"
        user = asker(locked)
        if not summary.may_compute(user, params):
            _refuse(locked, summary, user)
            return "refused"

    def link(job: Job) -> None:
        SummarySnapshot.objects.filter(pk=snapshot.pk).update(job=job)

    job = jobs.run_here(
        refresh_summary,
        kind=summary.job_kind,
        by=user,
        subject=snapshot.params[:100],
        created=link,
        key=summary.key,
        params=params,
    )
    return "refused" if job.error == REFUSED else "refreshed"


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
        "refused": refused(snapshot),
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


@jobs.job
def refresh_summary(progress: jobs.Progress, key: str, params: dict[str, str]) -> None:
    summary = get(key)
    encoded = encode(params)
    user = progress.job.requested_by
    if not summary.may_compute(user, params):
        # Checked again when it runs: the user's access may have ended since.
        progress.refuse(REFUSED, _refusal_stage(user))
        return
    began = timezone.now()
    # From here on, a write to a source marks the new figures stale.
    SummarySnapshot.objects.filter(key=key, params=encoded).update(stale_since=None)
    progress.update(5, str(summary.title))
    data = summary.compute(params, progress)
    progress.update(95, "Saving the summary")
    SummarySnapshot.objects.filter(key=key, params=encoded).update(
        data=data, computed_at=began, computed_by=progress.job.requested_by_id
    )
    # Records changed while it was worked out: the next refresh, in its turn.
    changed = (
        SummarySnapshot.objects.filter(
            key=key, params=encoded, stale_since__isnull=False
        )
        .values_list("pk", flat=True)
        .first()
    )
    if settings.SUMMARY_REFRESH_AUTOMATICALLY and changed is not None:
        refresh_automatically(changed, replacing=progress.job.pk)


def autodiscover() -> None:
    """Import every app's `summaries.py`, so each summary is declared."""
    autodiscover_modules("summaries")

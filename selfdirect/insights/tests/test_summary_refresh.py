# ruff: noqa: F811 - the signposted fixture is imported from test_signposting
"""Kept summaries refresh themselves (core.summaries.refresh_automatically): a write
that makes one out of date queues one refresh, no sooner than the delay after the
previous one began, computed as the user who last asked, if they still may see the
figures; and `selfdirect summaries refresh` does the same from cron."""

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core import summaries
from selfdirect.core.models import Job, SummarySnapshot
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.summaries import (
    INDICATOR_AREA,
    SIGNPOSTING,
    area_params,
    compute_indicator_area,
    compute_signposting,
)
from selfdirect.people.tests.factories import PersonFactory

from .test_signposting import DAY, _signpost, signposted  # noqa: F401

PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def lead(client, db):
    user = UserFactory.create(role=Role.QUALITY_LEAD)
    client.force_login(user)
    return user


def _kept(summary: summaries.Summary, params: dict[str, str]) -> SummarySnapshot:
    snapshot = summaries.current(summary, params)
    assert snapshot is not None
    return snapshot


def _write(club, django_capture_on_commit_callbacks) -> None:
    """A committed write to a record the signposting report counts."""
    connection.run_on_commit.clear()  # the fixture's writes never commit
    with django_capture_on_commit_callbacks(execute=True):
        _signpost(PersonFactory.create(), club, on=DAY)


def _age(snapshot: SummarySnapshot, seconds: int) -> None:
    """Make the kept figures `seconds` old (the previous refresh began then)."""
    SummarySnapshot.objects.filter(pk=snapshot.pk).update(
        computed_at=timezone.now() - datetime.timedelta(seconds=seconds)
    )


def _queued() -> list[Any]:
    backend: Any = summaries.refresh_summary.get_backend()
    return backend.results


def test_a_write_queues_one_refresh_however_many_writes(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)  # kept (runs at once in tests)
    kept = _kept(SIGNPOSTING, PERIOD)
    _age(kept, 3600)
    settings.TASKS = DUMMY  # queued, not run: the worker would run it
    _write(signposted[0], django_capture_on_commit_callbacks)
    _write(signposted[0], django_capture_on_commit_callbacks)
    _write(signposted[0], django_capture_on_commit_callbacks)
    assert len(_queued()) == 1
    result = _queued()[0]
    assert result.task.run_after is None  # the delay has passed: at once
    snapshot = _kept(SIGNPOSTING, PERIOD)
    assert snapshot.stale_since is not None  # the page still says so meanwhile
    assert summaries.refreshing(snapshot)
    assert snapshot.job is not None and snapshot.job.requested_by == lead
    assert Job.objects.filter(kind=SIGNPOSTING.job_kind).count() == 2


def test_the_refresh_waits_for_the_delay_after_the_previous_one(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    kept = _kept(SIGNPOSTING, PERIOD)
    _age(kept, 60)  # the previous refresh began a minute ago
    began = _kept(SIGNPOSTING, PERIOD).computed_at
    assert began is not None
    settings.TASKS = DUMMY
    _write(signposted[0], django_capture_on_commit_callbacks)
    (result,) = _queued()
    assert result.task.run_after == began + datetime.timedelta(seconds=600)


def test_without_a_backend_that_can_wait_it_stays_out_of_date(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    """The tests' immediate backend cannot hold a job: within the delay nothing is
    computed (the page says it is out of date; the command or a later write
    refreshes it)."""
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    before = _kept(SIGNPOSTING, PERIOD)
    _write(signposted[0], django_capture_on_commit_callbacks)
    after = _kept(SIGNPOSTING, PERIOD)
    assert after.stale_since is not None
    assert after.data == before.data and after.job_id == before.job_id


def test_the_refreshed_figures_equal_the_live_computation(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    before = _kept(SIGNPOSTING, PERIOD)
    _age(before, 3600)
    _write(signposted[0], django_capture_on_commit_callbacks)  # refreshed at once
    after = _kept(SIGNPOSTING, PERIOD)
    assert after.stale_since is None and after.job_id != before.job_id
    assert after.computed_by == lead
    assert after.data == compute_signposting(PERIOD)
    assert after.data != before.data  # the new signposting is counted


def test_an_indicator_area_refreshes_to_the_live_figures(
    lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 0
    params = area_params("choice", Period(2025, None), "locality")
    summaries.refresh(INDICATOR_AREA, params, by=lead)
    before = _kept(INDICATOR_AREA, params)
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PersonFactory.create()
    after = _kept(INDICATOR_AREA, params)
    assert after.job_id != before.job_id and after.stale_since is None
    assert after.data == compute_indicator_area(params)


def test_a_user_who_may_no_longer_see_the_figures_is_not_computed_as(
    client, signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 0
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    before = _kept(SIGNPOSTING, PERIOD)
    lead.role = Role.PRACTITIONER  # moved to a role without the report
    lead.save()
    _write(signposted[0], django_capture_on_commit_callbacks)
    after = _kept(SIGNPOSTING, PERIOD)
    assert after.data == before.data and after.stale_since is not None
    assert summaries.refused(after)
    assert after.job is not None and after.job.status == Job.Status.FAILED
    # Another write does not record the refusal again.
    _write(signposted[0], django_capture_on_commit_callbacks)
    assert _kept(SIGNPOSTING, PERIOD).job_id == after.job_id
    # The page says so, beside "out of date".
    other = UserFactory.create(role=Role.QUALITY_LEAD)
    client.force_login(other)
    text = client.get(reverse("insights:signposting_report"), PERIOD).content.decode()
    assert "Out of date" in text and "can no longer see these figures" in text


def test_the_permission_is_checked_again_when_the_refresh_runs(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 0
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    before = _kept(SIGNPOSTING, PERIOD)
    settings.TASKS = DUMMY
    _write(signposted[0], django_capture_on_commit_callbacks)
    (result,) = _queued()
    lead.is_active = False  # left the partnership before the worker ran it
    lead.save()
    result.task.call(*result.args, **result.kwargs)  # what the worker does
    after = _kept(SIGNPOSTING, PERIOD)
    assert after.data == before.data and after.stale_since is not None
    assert summaries.refused(after)


def test_writes_during_a_refresh_queue_the_next_one(signposted, lead, settings) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    kept = _kept(SIGNPOSTING, PERIOD)
    settings.TASKS = DUMMY
    running = summaries.refresh(SIGNPOSTING, {**PERIOD}, by=lead)  # queued
    assert running.pk == kept.pk
    (result,) = _queued()
    # A write lands while the worker computes: simulate it inside compute.
    original = SIGNPOSTING.compute

    def compute_with_a_write(params, progress):
        SummarySnapshot.objects.filter(pk=kept.pk).update(stale_since=timezone.now())
        return original(params, progress)

    object.__setattr__(SIGNPOSTING, "compute", compute_with_a_write)
    try:
        result.task.call(*result.args, **result.kwargs)
    finally:
        object.__setattr__(SIGNPOSTING, "compute", original)
    assert len(_queued()) == 2  # the next one, after the delay
    began = _kept(SIGNPOSTING, PERIOD).computed_at
    assert began is not None
    assert _queued()[1].task.run_after == began + datetime.timedelta(seconds=600)


def test_the_command_refreshes_stale_or_old_summaries(
    signposted, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_AUTOMATICALLY = False
    other = {"start": "2025-01-01", "end": "2025-12-31"}
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    summaries.refresh(SIGNPOSTING, other, by=lead)
    _write(signposted[0], django_capture_on_commit_callbacks)  # both out of date
    SummarySnapshot.objects.filter(params=summaries.encode(other)).update(
        stale_since=None
    )
    out = io.StringIO()
    call_command("summaries", "refresh", "--stale", stdout=out, verbosity=0)
    assert "1 kept summaries chosen" in out.getvalue()
    assert "1 refreshed" in out.getvalue()
    assert _kept(SIGNPOSTING, PERIOD).data == compute_signposting(PERIOD)
    assert _kept(SIGNPOSTING, PERIOD).stale_since is None
    # --older-than: only those worked out before then.
    _age(_kept(SIGNPOSTING, other), 3 * 3600)
    out = io.StringIO()
    call_command("summaries", "refresh", "--older-than", "2", stdout=out, verbosity=0)
    assert "1 kept summaries chosen" in out.getvalue()
    assert _kept(SIGNPOSTING, other).data == compute_signposting(other)
    # A user who may no longer see them: not refreshed, and marked.
    lead.role = Role.PRACTITIONER
    lead.save()
    out = io.StringIO()
    call_command("summaries", "refresh", stdout=out, verbosity=0)
    assert "2 not refreshed" in out.getvalue()
    assert summaries.refused(_kept(SIGNPOSTING, PERIOD))

# ruff: noqa: F811 - the signposted fixture is imported from test_signposting
"""The signposting report kept as a summary table (core.summaries): the summary
equals the live computation, the page says when it was worked out and when it is
out of date, and a quality lead refreshes it and watches the progress."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core import summaries
from selfdirect.core.models import SummarySnapshot
from selfdirect.insights.summaries import (
    SIGNPOSTING,
    compute_signposting,
    period_params,
)
from selfdirect.people.tests.factories import PersonFactory

from .test_signposting import DAY, _signpost, signposted  # noqa: F401

PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}
URL = "insights:signposting_summary"


def _kept(params: dict[str, str]) -> SummarySnapshot:
    snapshot = summaries.current(SIGNPOSTING, params)
    assert snapshot is not None and snapshot.job is not None
    return snapshot


@pytest.fixture
def lead(client, db):
    user = UserFactory.create(role=Role.QUALITY_LEAD)
    client.force_login(user)
    return user


def test_the_summary_equals_the_live_computation(signposted, lead) -> None:
    for params in (
        PERIOD,
        {"start": "", "end": ""},
        {"start": "2026-01-11", "end": ""},
    ):
        summaries.refresh(SIGNPOSTING, params, by=lead)  # runs at once in tests
        snapshot = _kept(params)
        assert snapshot.job is not None
        assert snapshot.data == compute_signposting(params)
        assert snapshot.data["by_service"], params
        assert snapshot.computed_by == lead and snapshot.computed_at is not None
        assert snapshot.job.status == "done"
        assert not summaries.freshness(snapshot, SIGNPOSTING).stale


def test_the_page_shows_the_kept_summary_and_when_it_was_worked_out(
    client,
    signposted,
    lead,
    django_assert_max_num_queries,
) -> None:
    report = reverse("insights:signposting_report")
    first = client.get(report, PERIOD).content.decode()
    assert "worked out from the records just now" in first
    response = client.post(f"{reverse(URL)}?start=2026-01-01&end=2026-12-31")
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "The summary is ready" in progress
    # The kept figures are read in one query, not counted again.
    SummarySnapshot.objects.filter(key=SIGNPOSTING.key).update(
        data={"by_service": [], "by_term": [], "from_plans": []}
    )
    with django_assert_max_num_queries(7):
        text = client.get(report, PERIOD).content.decode()
    assert "These figures are a summary worked out at" in text
    assert "Lunch club" not in text and "Out of date" not in text


def test_a_write_to_a_counted_record_marks_the_summary_out_of_date(
    client,
    signposted,
    lead,
    django_capture_on_commit_callbacks,
) -> None:
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    club = signposted[0]
    # The fixture's writes never commit in a test; their callbacks (queued once
    # per source and transaction) would stand in for this write's.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _signpost(PersonFactory.create(), club, on=DAY)
    snapshot = _kept(PERIOD)
    assert snapshot.stale_since is not None
    assert summaries.freshness(snapshot, SIGNPOSTING).reason == "changed"
    text = client.get(reverse("insights:signposting_report"), PERIOD).content.decode()
    assert "Out of date: records this report counts changed" in text
    # Refreshing counts the new record and makes it current again.
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    snapshot = _kept(PERIOD)
    assert snapshot.stale_since is None
    assert snapshot.data == compute_signposting(PERIOD)


def test_a_summary_older_than_the_maximum_age_is_out_of_date(
    signposted,
    lead,
    settings,
) -> None:
    settings.SUMMARY_MAX_AGE_HOURS = 2
    summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    snapshot = _kept(PERIOD)
    assert snapshot.computed_at is not None
    later = snapshot.computed_at + datetime.timedelta(hours=3)
    assert summaries.freshness(snapshot, SIGNPOSTING, later).reason == "old"
    assert not summaries.freshness(snapshot, SIGNPOSTING, timezone.now()).stale


def test_a_refresh_under_way_is_not_started_twice(signposted, lead, settings) -> None:
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    first = summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    second = summaries.refresh(SIGNPOSTING, PERIOD, by=lead)
    assert first.job_id == second.job_id
    assert summaries.refreshing(_kept(PERIOD))


def test_the_progress_page_and_refresh_need_the_report_capability(client, db) -> None:
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    assert client.get(reverse(URL)).status_code == 403
    assert client.post(reverse(URL)).status_code == 403
    assert not SummarySnapshot.objects.exists()


def test_a_bad_period_changes_nothing(client, lead) -> None:
    response = client.post(f"{reverse(URL)}?start=2026-02-01&end=2026-01-01")
    assert response.status_code == 302
    assert not SummarySnapshot.objects.exists()


def test_period_params_are_canonical() -> None:
    assert period_params(datetime.date(2026, 1, 1), None) == {
        "start": "2026-01-01",
        "end": "",
    }
    assert summaries.encode({"start": "2026-01-01", "end": ""}) == (
        summaries.encode({"end": "", "start": "2026-01-01"})
    )

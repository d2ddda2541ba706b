"""The outcomes report kept as a summary table (core.summaries), as the signposting
report is: the kept figures equal the live computation, the page says when they
were worked out and when they are out of date, a quality lead keeps or refreshes
them and watches the progress, and a write refreshes them after the delay."""

import csv
import datetime
import io
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core import summaries
from selfdirect.core.models import Job, SummarySnapshot
from selfdirect.insights import outcomes
from selfdirect.insights.summaries import OUTCOMES, compute_outcomes, period_params
from selfdirect.reviews.models import AttainmentLevel, OutcomeAttainment

from .outcomes_example import END, START, build

YEAR = {"year": "2026"}  # the financial year 1 April 2026 to 31 March 2027
PERIOD = period_params(START, END)
REPORT = "insights:outcomes_report"
URL = "insights:outcomes_summary"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def example(db):
    return build()


@pytest.fixture
def lead(client, db):
    user = UserFactory.create(role=Role.QUALITY_LEAD)
    client.force_login(user)
    return user


def _kept(params: dict[str, str]) -> SummarySnapshot:
    snapshot = summaries.current(OUTCOMES, params)
    assert snapshot is not None and snapshot.job is not None
    return snapshot


def _write(example: Any, django_capture_on_commit_callbacks: Any) -> None:
    """A committed write to a record the report counts: Ann's first outcome, met,
    is now only partly met (and met again the next time)."""
    connection.run_on_commit.clear()  # the fixture's writes never commit
    attainment = (
        OutcomeAttainment.objects.filter(review__person=example.ann)
        .select_related("level")
        .order_by("id")
        .first()
    )
    assert attainment is not None and attainment.level is not None
    now = "partly_met" if attainment.level.code == "met" else "met"
    attainment.level = AttainmentLevel.objects.get(code=now)
    with django_capture_on_commit_callbacks(execute=True):
        attainment.save()


def test_the_summary_equals_the_live_computation(example, lead) -> None:
    for start, end in (
        (START, END),
        (None, None),
        (datetime.date(2026, 7, 1), None),
        (None, datetime.date(2026, 6, 30)),
    ):
        params = period_params(start, end)
        summaries.refresh(OUTCOMES, params, by=lead)  # runs at once in tests
        snapshot = _kept(params)
        assert snapshot.job is not None and snapshot.job.status == "done"
        assert snapshot.data == compute_outcomes(params)
        live = outcomes.outcomes_report(start, end)
        # Every figure, label, date and row order comes back as it was counted,
        # and the tables in the page's order.
        kept = outcomes.report_from_data(snapshot.data)
        assert kept == live
        assert (
            list(kept.breakdowns) == list(live.breakdowns) == list(outcomes.BREAKDOWNS)
        )
        assert live.overall.outcomes > 0, params
        assert snapshot.computed_by == lead and snapshot.computed_at is not None
        assert not summaries.freshness(snapshot, OUTCOMES).stale


def test_the_worked_example_survives_keeping(example, lead) -> None:
    summaries.refresh(OUTCOMES, PERIOD, by=lead)
    data = _kept(PERIOD).data
    assert data is not None
    report = outcomes.report_from_data(data)
    assert (report.start, report.end) == (START, END)
    assert (report.overall.outcomes, report.overall.people) == (6, 3)
    assert [(c.outcomes, c.people, c.share) for c in report.overall.cells] == [
        (2, 2, 33),
        (1, 1, 17),
        (2, 2, 33),
        (1, 1, 17),
    ]
    assert report.timeliness is not None and report.timeliness.reviews == 4


def test_the_page_shows_the_kept_summary_and_when_it_was_worked_out(
    client, example, lead, django_assert_max_num_queries
) -> None:
    report = reverse(REPORT)
    first = client.get(report, YEAR).content.decode()
    assert "worked out from the records just now" in first
    response = client.post(f"{reverse(URL)}?start=2026-04-01&end=2027-03-31")
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "The summary is ready" in progress
    assert "For reviews agreed from 1 April 2026 to 31 March 2027." in progress
    # The kept figures are shown, not counted again: change them and the page
    # shows the change.
    data = _kept(PERIOD).data
    assert data is not None
    data["overall"]["outcomes"] = 4321
    SummarySnapshot.objects.filter(key=OUTCOMES.key).update(data=data)
    with django_assert_max_num_queries(7):
        text = client.get(report, YEAR).content.decode()
    assert "These figures are a summary worked out at" in text
    assert "4,321 outcomes reviewed" in text and "Out of date" not in text
    # The same period given as dates reads the same summary.
    dates = {"start": "1/4/2026", "end": "31/3/2027"}
    assert "4,321 outcomes reviewed" in client.get(report, dates).content.decode()


def test_the_csv_from_the_summary_is_the_csv_counted_live(client, example, lead):
    def download() -> list[list[str]]:
        response = client.get(reverse(REPORT), {**YEAR, "download": "csv"})
        return list(csv.reader(io.StringIO(response.getvalue().decode())))

    live = download()
    summaries.refresh(OUTCOMES, PERIOD, by=lead)
    assert download() == live and len(live) > 10


def test_a_write_to_a_counted_record_marks_the_summary_out_of_date(
    client, example, lead, django_capture_on_commit_callbacks
) -> None:
    summaries.refresh(OUTCOMES, PERIOD, by=lead)
    before = _kept(PERIOD)
    _write(example, django_capture_on_commit_callbacks)
    snapshot = _kept(PERIOD)
    assert snapshot.stale_since is not None
    assert summaries.freshness(snapshot, OUTCOMES).reason == "changed"
    text = client.get(reverse(REPORT), YEAR).content.decode()
    assert "Out of date: records this report counts changed" in text
    # Refreshing counts the change and makes the summary current again.
    client.post(f"{reverse(URL)}?start=2026-04-01&end=2027-03-31")
    snapshot = _kept(PERIOD)
    assert snapshot.stale_since is None
    assert snapshot.data == compute_outcomes(PERIOD) != before.data


def test_a_write_refreshes_it_once_after_the_delay(
    example, lead, settings, django_capture_on_commit_callbacks
) -> None:
    """Debounced: however many writes, one refresh is queued, and not before the
    delay after the previous refresh began."""
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 600
    summaries.refresh(OUTCOMES, PERIOD, by=lead)
    began = timezone.now() - datetime.timedelta(seconds=60)
    SummarySnapshot.objects.filter(key=OUTCOMES.key).update(computed_at=began)
    settings.TASKS = DUMMY  # queued, not run: the worker would run it
    for _n in range(3):
        _write(example, django_capture_on_commit_callbacks)
    backend: Any = summaries.refresh_summary.get_backend()
    (result,) = backend.results
    assert result.task.run_after == began + datetime.timedelta(seconds=600)
    snapshot = _kept(PERIOD)
    assert summaries.refreshing(snapshot) and snapshot.stale_since is not None
    assert snapshot.job is not None and snapshot.job.requested_by == lead
    assert Job.objects.filter(kind=OUTCOMES.job_kind).count() == 2


def test_the_refresh_after_a_write_gives_the_live_figures(
    example, lead, settings, django_capture_on_commit_callbacks
) -> None:
    settings.SUMMARY_REFRESH_DELAY_SECONDS = 0
    summaries.refresh(OUTCOMES, PERIOD, by=lead)
    before = _kept(PERIOD)
    _write(example, django_capture_on_commit_callbacks)  # refreshed at once
    after = _kept(PERIOD)
    assert after.job_id != before.job_id and after.stale_since is None
    assert after.data == compute_outcomes(PERIOD) != before.data


def test_every_source_is_a_model() -> None:
    for label in OUTCOMES.sources:
        assert apps.get_model(label)._meta.label == label


def test_keeping_and_watching_need_the_report_capability(client, db) -> None:
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    assert client.get(reverse(URL)).status_code == 403
    assert client.post(reverse(URL)).status_code == 403
    assert not SummarySnapshot.objects.exists()


def test_a_bad_period_changes_nothing(client, lead) -> None:
    response = client.post(f"{reverse(URL)}?start=2026-02-01&end=2026-01-01")
    assert response.status_code == 302
    assert not SummarySnapshot.objects.exists()


def test_watching_with_nothing_kept_goes_back_to_the_report(client, lead) -> None:
    response = client.get(reverse(URL), PERIOD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(REPORT))

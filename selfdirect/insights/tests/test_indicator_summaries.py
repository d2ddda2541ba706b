"""The indicators dashboard kept as summaries (core.summaries): at national scale an
area's figures take seconds to work out, so a quality lead keeps a summary that the
background worker works out; the page then reads it at once, says when it was
worked out, and says when it is out of date."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from selfdirect.core import summaries
from selfdirect.core.models import SummarySnapshot
from selfdirect.insights import dashboard
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.models import AdultSocialCareSpend
from selfdirect.insights.summaries import (
    INDICATOR_AREA,
    area_params,
    compute_indicator_area,
)

from . import worked_example

YEAR = Period(2025)


@pytest.fixture
def example(personas):
    return worked_example.build()


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 5, 1))


def _summary_url(area: str, breakdown: str = "locality") -> str:
    url = reverse("insights:indicators_summary", args=[area])
    return f"{url}?year=2025&quarter=&breakdown={breakdown}"


@pytest.mark.parametrize("area", list(dashboard.AREAS))
@pytest.mark.parametrize("breakdown", ["locality", "trend"])
def test_the_summary_equals_the_live_computation(
    personas, example, area, breakdown
) -> None:
    params = area_params(area, YEAR, breakdown)
    summaries.refresh(INDICATOR_AREA, params, by=personas.quality_lead)  # at once
    snapshot = summaries.current(INDICATOR_AREA, params)
    assert snapshot is not None and snapshot.job is not None
    assert snapshot.job.status == "done"
    live = dashboard.area_found(dashboard.AREAS[area], YEAR, breakdown)
    assert snapshot.data == compute_indicator_area(params) == live
    # The figures built from the kept data are the ones built from the records.
    kept = dashboard.area_figures(dashboard.AREAS[area], YEAR, breakdown, snapshot.data)
    assert kept == dashboard.area_figures(dashboard.AREAS[area], YEAR, breakdown)


def test_the_page_reads_the_kept_summary_and_says_when_it_is_out_of_date(
    client,
    personas,
    example,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
) -> None:
    client.force_login(personas.quality_lead)
    page = reverse("insights:indicators_area", args=["options"])
    query = {"year": "2025", "breakdown": "locality"}
    first = client.get(page, query).content.decode()
    assert "worked out from the records just now" in first
    response = client.post(_summary_url("options"))
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "The summary is ready" in progress
    # The kept figures are read, not counted again: a planted figure shows.
    snapshot = SummarySnapshot.objects.get(key=INDICATOR_AREA.key)
    data = snapshot.data or {}
    data["options"]["option_1"] = 987654
    SummarySnapshot.objects.filter(pk=snapshot.pk).update(data=data)
    with django_assert_max_num_queries(8):
        text = client.get(page, query).content.decode()
    assert "These figures are a summary worked out at" in text
    assert "987654" in text and "Out of date" not in text
    # A record the indicators count changes (once the write commits): the page
    # says so.
    connection.run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        AdultSocialCareSpend.objects.create(
            financial_year=2025,
            total=1_000_000,
            recorded_by=personas.finance_officer,
        )
    text = client.get(page, query).content.decode()
    assert "Out of date: records this report counts changed" in text


def test_figures_kept_in_an_older_shape_are_never_shown(
    client, personas, example
) -> None:
    """An area kept before its figures changed shape (under the old key) is not
    read as today's: the page works the figures out and offers to keep them."""
    client.force_login(personas.quality_lead)
    params = area_params("timings", YEAR, "locality")
    old = {"timings": {"steps": [], "planted": 987654}}
    SummarySnapshot.objects.create(
        key="insights.indicators",
        params=summaries.encode(params),
        data=old,
        computed_at=datetime.datetime(2026, 4, 30, tzinfo=datetime.UTC),
    )
    page = reverse("insights:indicators_area", args=["timings"])
    text = client.get(page, {"year": "2025", "breakdown": "locality"}).content
    assert b"987654" not in text
    assert b"worked out from the records just now" in text
    assert summaries.current(INDICATOR_AREA, params) is None


def test_a_manager_sees_their_teams_from_the_kept_team_breakdown(
    client, personas, example
) -> None:
    params = area_params("options", YEAR, "team")
    summaries.refresh(INDICATOR_AREA, params, by=personas.quality_lead)
    client.force_login(personas.manager_a)
    page = reverse("insights:indicators_area", args=["options"])
    text = client.get(page, {"year": "2025"}).content.decode()
    assert "Your teams beside the partnership" in text


def test_only_those_who_see_the_indicators_may_keep_a_summary(
    client, personas, example
) -> None:
    client.force_login(personas.practitioner_a)
    assert client.post(_summary_url("options")).status_code == 403
    assert not SummarySnapshot.objects.exists()
    client.force_login(personas.quality_lead)
    missing = reverse("insights:indicators_summary", args=["nowhere"])
    assert client.post(missing).status_code == 404

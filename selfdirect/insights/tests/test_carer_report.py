"""The carers report: docs/carers.md's worked example, counted exactly."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.insights import carer_report
from selfdirect.insights.indicators.periods import Period

from .carers_example import D, build

YEAR = {"year": "2025"}
MEASURES = carer_report.MEASURES


@pytest.fixture
def example(db):
    return build()


def _counts(row):
    return tuple(row.counts[m] for m in MEASURES)


def _by(rows, suffix=""):
    return {r.label: _counts(r) for r in rows}


def test_the_worked_example_overall(example) -> None:
    report = carer_report.carers_report(Period(2025))
    # identified, offered, accepted, completed, reviewed, eligible, not eligible,
    # with a break
    assert _counts(report.overall) == (3, 3, 2, 2, 1, 1, 1, 2)
    assert report.overall.timing == carer_report.Timing(2, 30, 150)


def test_the_worked_example_by_age_group_locality_and_service_group(example) -> None:
    report = carer_report.carers_report(Period(2025))
    assert _by(report.breakdowns["age_group"]) == {
        "Adult carers": (2, 2, 2, 2, 1, 1, 1, 2),
        "Young carers": (1, 1, 0, 0, 0, 0, 0, 0),
    }
    assert _by(report.breakdowns["locality"]) == {
        "Clydebank": (2, 2, 2, 1, 1, 1, 0, 1),
        "Dumbarton": (1, 1, 0, 1, 0, 0, 1, 1),
    }
    groups = _by(report.breakdowns["service_group"])
    assert list(groups.values()) == [
        (2, 2, 2, 1, 1, 1, 0, 1),
        (2, 1, 0, 1, 0, 0, 1, 1),
    ]
    timings = {r.label: r.timing for r in report.breakdowns["locality"]}
    assert timings["Clydebank"] == carer_report.Timing(1, 30, 30)
    assert timings["Dumbarton"] == carer_report.Timing(1, 150, 150)


def test_the_worked_example_domains_and_breaks(example) -> None:
    report = carer_report.carers_report(Period(2025))
    assert [(r.label, r.first, r.second) for r in report.domains["all"]] == [
        ("Health and wellbeing", 1, 1),
        ("Finance", 0, 2),
    ]
    assert [(r.label, r.first, r.second) for r in report.breaks["all"]] == [
        ("Replacement care", 1, 1),
        ("A short break away", 1, 1),
        ("A day or evening activity", 1, 1),
    ]
    by_age = [
        (r.group, r.label, r.first, r.second) for r in report.domains["age_group"]
    ]
    assert by_age == [
        ("Adult carers", "Health and wellbeing", 1, 1),
        ("Adult carers", "Finance", 0, 2),
    ]


def test_a_quarter_counts_only_its_own_days(example) -> None:
    report = carer_report.carers_report(Period(2025, 1))
    assert _counts(report.overall) == (1, 1, 1, 1, 0, 1, 0, 1)
    assert report.overall.timing == carer_report.Timing(1, 30, 30)


def test_the_page_runs_a_fixed_number_of_queries(
    client, example, django_assert_max_num_queries
) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    url = reverse("insights:carers_report")
    client.get(
        url, YEAR
    )  # the first page after sign-in sets (saves) the session's expiry
    with django_assert_max_num_queries(30) as counted:
        response = client.get(url, YEAR)
    few = len(counted)
    text = response.content.decode()
    assert "<svg" in text and "<table" in text and "Dumbarton" in text
    build(" again", D(2019, 7, 1))  # twice the carers, groups and plans
    with django_assert_max_num_queries(few) as again:
        response = client.get(url, YEAR)
    assert len(again) == few
    assert "Dumbarton again" in response.content.decode()


def test_the_report_downloads_as_csv(client, example) -> None:
    client.force_login(UserFactory.create(role=Role.TEAM_MANAGER))
    response = client.get(
        reverse("insights:carers_report"), {**YEAR, "download": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:3] == ["section", "group", "identified"]
    assert [
        "All carers",
        "All carers",
        "3",
        "3",
        "2",
        "2",
        "1",
        "1",
        "1",
        "2",
        "2",
        "30",
        "150",
    ] in rows
    assert [
        "Eligibility by domain: All carers",
        "All",
        "Finance",
        "0",
        "2",
    ] in rows


@pytest.mark.django_db
def test_who_sees_the_report() -> None:
    from django.test import Client

    url = reverse("insights:carers_report")
    for role, status in (
        (Role.QUALITY_LEAD, 200),
        (Role.TEAM_MANAGER, 200),
        (Role.PRACTITIONER, 403),
        (Role.CARERS_SUPPORT_WORKER, 403),
        (Role.FINANCE_OFFICER, 403),
    ):
        client = Client()
        client.force_login(UserFactory.create(role=role))
        assert client.get(url).status_code == status, role
    inspector = UserFactory.create(
        role=Role.INSPECTOR,
        access_expires_on=datetime.date.today() + datetime.timedelta(days=30),  # noqa: DTZ011
    )
    client = Client()
    client.force_login(inspector)
    assert client.get(url).status_code == 200


def test_a_bad_period_is_refused_with_a_message(client, example) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    response = client.get(reverse("insights:carers_report"), {"year": "1999"})
    assert response.status_code == 200
    assert "ds_error-summary" in response.content.decode()

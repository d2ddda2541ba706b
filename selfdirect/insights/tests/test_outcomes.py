"""The outcomes report: docs/reviews.md's worked example, counted exactly."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AccessLog
from selfdirect.insights import outcome_drill as drill
from selfdirect.insights import outcomes
from selfdirect.insights.forms import OutcomesPeriodForm

from .outcomes_example import END, START, build

YEAR = {"year": "2026"}  # the financial year 1 April 2026 to 31 March 2027


@pytest.fixture
def example(db):
    return build()


def _user(role):
    """A user of the role; an inspector's access is time-boxed."""
    if role == Role.INSPECTOR:
        return UserFactory.create(
            role=role,
            access_expires_on=datetime.date.today() + datetime.timedelta(days=30),  # noqa: DTZ011
        )
    return UserFactory.create(role=role)


def _figures(row):
    """A row as (outcomes, people) overall, then (outcomes, people, per cent) for
    met, partly met, not met and no longer relevant."""
    return (row.outcomes, row.people), [
        (c.outcomes, c.people, c.share) for c in row.cells
    ]


def _by(rows):
    return {r.label: _figures(r) for r in rows}


def test_the_worked_example_overall(example) -> None:
    report = outcomes.outcomes_report(START, END)
    assert [lv.code for lv in report.levels] == [
        "met",
        "partly_met",
        "not_met",
        "no_longer_relevant",
    ]
    assert _figures(report.overall) == (
        (6, 3),
        [(2, 2, 33), (1, 1, 17), (2, 2, 33), (1, 1, 17)],
    )


def test_the_worked_example_by_group_locality_team_option_and_domain(
    example,
) -> None:
    report = outcomes.outcomes_report(START, END)
    assert _by(report.breakdowns["service_group"]) == {
        "Elderly / frail": ((4, 2), [(2, 2, 50), (0, 0, 0), (2, 2, 50), (0, 0, 0)]),
        "Learning disability": (
            (2, 1),
            [(0, 0, 0), (1, 1, 50), (0, 0, 0), (1, 1, 50)],
        ),
    }
    assert _by(report.breakdowns["locality"]) == {
        "Clydebank": ((2, 1), [(1, 1, 50), (0, 0, 0), (1, 1, 50), (0, 0, 0)]),
        "Dumbarton": ((4, 2), [(1, 1, 25), (1, 1, 25), (1, 1, 25), (1, 1, 25)]),
    }
    assert _by(report.breakdowns["team"]) == {
        "Team A": ((3, 2), [(2, 2, 67), (0, 0, 0), (1, 1, 33), (0, 0, 0)]),
        "Team B": ((3, 2), [(0, 0, 0), (1, 1, 33), (1, 1, 33), (1, 1, 33)]),
    }
    options = _by(report.breakdowns["option"])
    assert options == {
        "Option 1: direct payment": (
            (3, 2),
            [(2, 2, 67), (0, 0, 0), (1, 1, 33), (0, 0, 0)],
        ),
        "Option 2: the person chooses, the council arranges": (
            (2, 2),
            [(0, 0, 0), (1, 1, 50), (1, 1, 50), (0, 0, 0)],
        ),
        "No option (unpaid or community support, or no support)": (
            (1, 1),
            [(0, 0, 0), (0, 0, 0), (0, 0, 0), (1, 1, 100)],
        ),
    }
    assert list(options)[-1].startswith("No option")  # "none" comes last
    assert _by(report.breakdowns["domain"]) == {
        "Having things to do": ((1, 1), [(0, 0, 0), (1, 1, 100), (0, 0, 0), (0, 0, 0)]),
        "Seeing people": ((2, 2), [(1, 1, 50), (1, 1, 50), (0, 0, 0), (0, 0, 0)]),
        "Staying as well as you can": (
            (3, 2),
            [(1, 1, 33), (0, 0, 0), (2, 2, 67), (0, 0, 0)],
        ),
        "No outcome domain coded": (
            (1, 1),
            [(0, 0, 0), (0, 0, 0), (0, 0, 0), (1, 1, 100)],
        ),
    }


def test_the_worked_example_by_quarter(example) -> None:
    report = outcomes.outcomes_report(START, END)
    assert _by(report.quarters) == {
        "2026/27 Q1": ((3, 2), [(1, 1, 33), (0, 0, 0), (2, 2, 67), (0, 0, 0)]),
        "2026/27 Q2": ((2, 1), [(0, 0, 0), (1, 1, 50), (0, 0, 0), (1, 1, 50)]),
        "2026/27 Q3": ((1, 1), [(1, 1, 100), (0, 0, 0), (0, 0, 0), (0, 0, 0)]),
    }
    assert [r.key for r in report.quarters] == [
        "2026-04-01",
        "2026-07-01",
        "2026-10-01",
    ]


def test_the_worked_example_reasons_choice_and_control_and_timeliness(
    example,
) -> None:
    report = outcomes.outcomes_report(START, END)
    assert (report.poor_outcomes, report.poor_people) == (3, 3)
    assert [(r.code, r.outcomes, r.people) for r in report.reasons] == [
        ("provider_capacity", 2, 2),
        ("circumstances_changed", 1, 1),
        ("not_delivered", 1, 1),
    ]
    assert report.supports_reviewed == 3
    answers = {
        q.code: ([(a.answer, a.supports, a.people) for a in q.answers], q.not_recorded)
        for q in report.choice_and_control
    }
    assert answers["in_control"] == (
        [("agree", 2, 2), ("partly", 1, 1), ("disagree", 0, 0), ("not_asked", 0, 0)],
        0,
    )
    assert answers["can_change"] == (
        [("agree", 0, 0), ("partly", 0, 0), ("disagree", 1, 1), ("not_asked", 0, 0)],
        2,
    )
    assert answers["information_to_choose"][1] == 2
    assert report.timeliness == outcomes.Timeliness(
        reviews=4, people=3, on_time=2, on_time_people=2, late=2, late_people=2
    )


def test_the_period_decides_which_agreed_reviews_count(example) -> None:
    before = outcomes.outcomes_report(None, datetime.date(2026, 3, 31))
    assert (before.overall.outcomes, before.overall.people) == (1, 1)  # Eve's
    everything = outcomes.outcomes_report(None, None)
    assert everything.overall.outcomes == 7  # Dan's draft never counts


def test_periods_default_and_financial_years() -> None:
    assert outcomes.default_period(datetime.date(2026, 11, 27)) == (
        datetime.date(2025, 11, 28),
        datetime.date(2026, 11, 27),
    )
    assert outcomes.quarter_label(datetime.date(2027, 1, 1)) == "2026/27 Q4"
    assert outcomes.quarter_label(datetime.date(2026, 4, 1)) == "2026/27 Q1"
    form = OutcomesPeriodForm(YEAR, today=datetime.date(2026, 11, 27))
    assert form.is_valid() and form.period() == (START, END)
    assert "1 April 2027 to 31 March 2028" not in form.as_div()
    assert not OutcomesPeriodForm(
        {"year": "1999"}, today=datetime.date(2026, 11, 27)
    ).is_valid()


def test_the_page_runs_a_bounded_number_of_queries(
    client, example, django_assert_max_num_queries
) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    url = reverse("insights:outcomes_report")
    with django_assert_max_num_queries(20) as counted:
        response = client.get(url, YEAR)
    few = len(counted)
    text = response.content.decode()
    assert "<svg" in text and "<table" in text and "Team B" in text
    build(" again")  # twice the people, groups and reviews: the same number of queries
    with django_assert_max_num_queries(few):
        client.get(url, YEAR)


def test_the_report_downloads_as_csv(client, example) -> None:
    client.force_login(_user(Role.INSPECTOR))
    response = client.get(
        reverse("insights:outcomes_report"), {**YEAR, "download": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:6] == ["section", "group", "outcomes reviewed", "people"] + [
        "met outcomes",
        "met people",
    ]
    assert rows[next(i for i, r in enumerate(rows) if r[1] == "Team A")][:7] == [
        "By team",
        "Team A",
        "3",
        "2",
        "2",
        "2",
        "67",
    ]
    assert ["Reviews agreed (reviews, people)", "Late", "2", "2"] in rows


@pytest.mark.django_db
def test_who_sees_the_report() -> None:
    from django.test import Client

    url = reverse("insights:outcomes_report")
    for role, status in (
        (Role.QUALITY_LEAD, 200),
        (Role.INSPECTOR, 200),
        (Role.TEAM_MANAGER, 200),
        (Role.PRACTITIONER, 403),
        (Role.FINANCE_OFFICER, 403),
    ):
        client = Client()
        client.force_login(_user(role))
        assert client.get(url).status_code == status, role


def _drill_url(**given) -> str:
    query = drill.Drill(**given).query({"start": "01/04/2026", "end": "31/03/2027"})
    return f"{reverse('insights:outcomes_people')}?{query}"


def test_drill_through_lists_the_people_counted_and_logs_the_access(
    client, example
) -> None:
    quality = UserFactory.create(role=Role.QUALITY_LEAD)
    client.force_login(quality)
    response = client.get(
        _drill_url(by="locality", key=str(example.cat.locality_id), level="not_met")
    )
    text = response.content.decode()
    assert "Cat Example" in text and "Bob Example" not in text
    assert "The report counts 1 person" in text
    logged = AccessLog.objects.filter(user=quality)
    assert list(logged.values_list("person", flat=True)) == [example.cat.pk]
    response = client.get(_drill_url(reason="provider_capacity"))
    text = response.content.decode()
    assert "Ann Example" in text and "Bob Example" in text and "Cat Example" not in text
    team_b = client.get(
        _drill_url(by="team", key=str(example.team_b.pk))
    ).content.decode()
    assert "Bob Example" in team_b and "Cat Example" in team_b  # Cat was in team B then
    late = client.get(_drill_url(reviews="late")).content.decode()
    assert "Bob Example" in late and "Cat Example" in late and "Ann Example" not in late
    agreed = client.get(
        _drill_url(question="in_control", answer="agree")
    ).content.decode()
    assert "Ann Example" in agreed and "Bob Example" in agreed
    none = client.get(_drill_url(by="domain", key="none")).content.decode()
    assert "Bob Example" in none and "Ann Example" not in none


def test_a_manager_sees_counts_for_all_and_names_only_in_their_teams(
    client, example
) -> None:
    client.force_login(example.manager_a)
    report = client.get(reverse("insights:outcomes_report"), YEAR).content.decode()
    assert "Team B" in report  # counts for every team
    text = client.get(_drill_url(level="partly_met")).content.decode()
    assert "The report counts 1 person" in text
    assert "Bob Example" not in text  # allocated to team B
    assert "0 of them are people whose records you can see" in text
    assert not AccessLog.objects.filter(person=example.bob).exists()


def test_the_report_links_counts_to_people_and_the_drill_counts_match(
    client, example
) -> None:
    client.force_login(_user(Role.INSPECTOR))
    page = client.get(reverse("insights:outcomes_report"), YEAR)
    tables = page.context["tables"]
    team_a = next(t for t in tables if t.name == "team").rows[0]
    met = team_a.cells[0]
    assert met.link.startswith(reverse("insights:outcomes_people"))
    drilled = client.get(met.link)
    assert drilled.context["counted"] == met.people == 2


@pytest.mark.parametrize(
    "query",
    [
        {"by": "team"},  # no row value
        {"by": "team", "key": "2026-04-01"},
        {"by": "quarter", "key": "2026-05-01"},
        {"by": "nowhere", "key": "1"},
        {"key": "1"},
        {"question": "in_control"},
        {"reviews": "soon"},
        {"start": "31/02/2026"},
    ],
)
def test_a_changed_drill_address_gets_a_clear_refusal(client, example, query) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    response = client.get(reverse("insights:outcomes_people"), query)
    assert response.status_code == 400
    assert "does not name a count" in response.content.decode()
    assert not AccessLog.objects.exists()


def test_the_outcomes_indicator_is_broken_down_by_the_person_reviewed(
    example, django_assert_max_num_queries
) -> None:
    from selfdirect.insights.indicators.outcomes import outcomes
    from selfdirect.insights.indicators.periods import Period

    year = Period(2026)
    with django_assert_max_num_queries(3 + 4):  # levels, reasons, people; 4 GROUP BYs
        found = outcomes(year, breakdowns=True)
    headline = {r["level"]: r["count"] for r in found["levels"]}
    for dimension in ("locality", "team", "service_group", "age_band"):
        rows = found["breakdowns"][dimension]
        if dimension != "service_group":  # one group a person: they add up
            assert sum(r["outcomes"] for r in rows) == found["outcomes_reviewed"]
            for level, n in headline.items():
                assert sum(r[f"level_{level}"] for r in rows) == n
    # Each locality's counts are those of its people's outcomes, counted directly.
    for row in found["breakdowns"]["locality"]:
        direct = outcomes_in(year, row["group"])
        assert row["outcomes"] == direct


def outcomes_in(year, locality: str) -> int:
    from selfdirect.insights.indicators.outcomes import reviewed

    rows = reviewed(year)
    if locality == "Not recorded":
        return rows.filter(review__person__locality__isnull=True).count()
    return rows.filter(review__person__locality__name=locality).count()


def test_the_outcomes_page_shows_a_breakdown(client, example) -> None:
    from selfdirect.accounts.roles import Role
    from selfdirect.accounts.tests.factories import UserFactory

    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    url = reverse("insights:indicators_area", args=["outcomes"])
    html = client.get(url, {"year": "2026", "breakdown": "age_band"}).content.decode()
    assert "Outcomes reviewed: age band" in html
    trend = client.get(url, {"year": "2026", "breakdown": "trend"}).content.decode()
    assert "Last 12 quarters" in trend
    # A manager sees their teams' outcomes beside the partnership's.
    client.force_login(example.manager_a)
    mine = client.get(url, {"year": "2026"}).content.decode()
    assert "Whole partnership" in mine

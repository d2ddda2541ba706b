"""Drill-through from the dashboard's tables: every count in a breakdown table
(a group's count, a quarter's, an outcome level, a timings step, the carers')
links to exactly the people it counts, for users allowed to see them, and the
list is in the access log."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from selfdirect.audit.models import AccessLog
from selfdirect.reviews.models import OutcomeAttainment

from . import carers_example, outcomes_example, timings_example, worked_example

YEAR = {"year": "2025"}
LINK = re.compile(
    r'<a href="(/insights/indicators/[a-z0-9_]+/[a-z0-9_]+/people/\?[^"]*)">(\d+)<span'
)
LISTED = re.compile(r"<caption>(\d+) people you may see</caption>")


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 5, 1))


def _links(client, area: str, **params: str) -> list[tuple[str, int]]:
    url = reverse("insights:indicators_area", args=[area])
    page = client.get(url, params).content.decode()
    return [(html.unescape(href), int(n)) for href, n in LINK.findall(page)]


def _listed(client, href: str) -> tuple[int, str]:
    page = client.get(href).content.decode()
    found = LISTED.search(page)
    assert found, href
    return int(found.group(1)), page


def _every_row_lists_its_count(client, area: str, breakdown: str) -> int:
    """Each linked count equals the number of people its list shows (for a
    quality lead, who sees everyone); returns how many links were followed."""
    links = [
        (href, n)
        for href, n in _links(client, area, breakdown=breakdown, **YEAR)
        if "by=" in href or breakdown == "trend"
    ]
    for href, n in links:
        assert _listed(client, href)[0] == n, href
    return len(links)


@pytest.mark.django_db
def test_each_groups_count_lists_exactly_its_people(client, personas) -> None:
    worked_example.build()
    client.force_login(personas.quality_lead)
    for breakdown in ("locality", "age_band", "option", "service_group", "team"):
        assert _every_row_lists_its_count(client, "options", breakdown), breakdown
    assert _every_row_lists_its_count(client, "choice", "locality")


@pytest.mark.django_db
def test_a_row_lists_its_groups_people_and_is_logged(
    client, personas, django_assert_max_num_queries
) -> None:
    example = worked_example.build()
    client.force_login(personas.quality_lead)
    url = reverse("insights:indicator_people", args=["options", "any"])
    with django_assert_max_num_queries(12):
        page = client.get(url, {**YEAR, "by": "locality", "group": "North"})
    text = page.content.decode()
    assert "Locality: North" in text
    assert "Ann" in text and "Cat" in text and "Bob" not in text
    logged = AccessLog.objects.filter(user=personas.quality_lead, page=url)
    assert set(logged.values_list("person", flat=True)) == {
        example.ann.pk,
        example.cat.pk,
    }
    # The option mix and the age band of the population.
    url = reverse("insights:indicator_people", args=["population", "people"])
    text = client.get(url, {**YEAR, "by": "option", "group": "Option 2 only"})
    assert "Bob" in text.content.decode() and "Ann" not in text.content.decode()
    text = client.get(url, {**YEAR, "by": "age_band", "group": "0-17"}).content
    assert b"Cat" in text and b"Bob" not in text


@pytest.mark.django_db
def test_a_manager_lists_only_their_teams_people(client, personas) -> None:
    worked_example.build()
    client.force_login(personas.manager_a)
    url = reverse("insights:indicator_people", args=["options", "any"])
    text = client.get(url, {**YEAR, "by": "locality", "group": "North"}).content
    assert b"Ann MacLeod" not in text  # not in their team
    assert not AccessLog.objects.filter(user=personas.manager_a).exists()


@pytest.mark.django_db
def test_timings_steps_and_groups_link_to_their_people(
    client, personas, django_assert_max_num_queries
) -> None:
    timings_example.build()
    client.force_login(personas.quality_lead)
    links = dict(_links(client, "timings", breakdown="locality", **YEAR))
    step = reverse(
        "insights:indicator_people", args=["timings", "panel_submission_to_decision"]
    )
    headline = f"{step}?year=2025&quarter="
    assert links[headline] == 8
    north = f"{headline}&by=locality&group=North"
    assert links[north] == 4
    with django_assert_max_num_queries(12):
        count, text = _listed(client, north)
    assert count == 4
    for name in ("Ann", "Bob", "Cat", "Dan"):
        assert f">{name} " in text
    assert ">Eve " not in text and ">Ivy " not in text
    assert _every_row_lists_its_count(client, "timings", "locality") >= 4
    assert _every_row_lists_its_count(client, "timings", "option") >= 2
    wait = reverse(
        "insights:indicator_people", args=["timings", "waiting_for_panel_decision"]
    )
    assert links[f"{wait}?year=2025&quarter=&by=locality&group=South"] == 1


@pytest.mark.django_db
def test_outcome_levels_link_to_the_people_reviewed_at_that_level(
    client, personas
) -> None:
    outcomes_example.build()
    client.force_login(personas.quality_lead)
    links = _links(client, "outcomes", breakdown="locality", year="2026")
    levels = [(h, n) for h, n in links if "/level_" in h]
    assert levels
    for href, _n in levels:
        code = href.split("/level_")[1].split("/")[0]
        group = re.search(r"group=([^&]*)", href)
        reviewed = OutcomeAttainment.objects.filter(
            level__code=code,
            review__held_on__gte=datetime.date(2026, 4, 1),
            review__held_on__lte=datetime.date(2027, 3, 31),
        )
        if group:
            name = html.unescape(group.group(1)).replace("+", " ")
            reviewed = reviewed.filter(review__person__locality__name=name)
        people = reviewed.values("review__person").distinct().count()
        assert _listed(client, href)[0] == people, href


@pytest.mark.django_db
def test_the_carers_counts_link_to_the_carers(client, personas) -> None:
    example = carers_example.build()
    client.force_login(personas.quality_lead)
    links = _links(client, "carers", breakdown="locality", **YEAR)
    offered = reverse("insights:indicator_people", args=["carers", "plans_offered"])
    # The headline (the page's own query) lists as many as it counts: Amy, Dee.
    headline = [(h, n) for h, n in links if h.startswith(offered) and "by=" not in h]
    assert headline and all(_listed(client, h)[0] == n == 2 for h, n in headline)
    clydebank = f"{offered}?year=2025&quarter=&by=locality&group=Clydebank"
    count, text = _listed(client, clydebank)
    assert count == dict(links)[clydebank] == 2
    assert example.amy.person.first_name in text
    assert example.ben.person.first_name not in text
    assert _every_row_lists_its_count(client, "carers", "locality") >= 3
    # The manager reaches none of these carers.
    client.force_login(personas.manager_a)
    assert _listed(client, clydebank)[0] == 0


@pytest.mark.django_db
def test_a_trend_quarter_links_to_that_quarters_list(client, personas) -> None:
    worked_example.build()
    client.force_login(personas.quality_lead)
    links = _links(client, "options", breakdown="trend", **YEAR)
    quarter = [(h, n) for h, n in links if "quarter=4" in h and "year=2025" in h]
    assert quarter
    for href, n in quarter:
        assert _listed(client, href)[0] == n


@pytest.mark.parametrize(
    "params",
    [
        {"by": "nonsense", "group": "North"},
        {"by": "locality"},
        {"by": "x" * 300, "group": "North"},
        {"by": "locality", "group": "x" * 300},
    ],
)
@pytest.mark.django_db
def test_a_bad_row_is_explained(client, personas, params) -> None:
    client.force_login(personas.quality_lead)
    url = reverse("insights:indicator_people", args=["options", "any"])
    response = client.get(url, {**YEAR, **params})
    assert response.status_code == 400
    assert b"ds_error-summary" in response.content
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_a_breakdown_the_figure_does_not_have_is_refused(client, personas) -> None:
    client.force_login(personas.quality_lead)
    url = reverse("insights:indicator_people", args=["informed_choice", "numerator"])
    response = client.get(url, {**YEAR, "by": "option", "group": "Option 1 only"})
    assert response.status_code == 400
    assert b"not broken down that way" in response.content


@pytest.mark.django_db
def test_a_manager_sees_their_teams_timings_beside_the_partnership(
    client, personas
) -> None:
    from selfdirect.people.tests.factories import PersonFactory

    example = timings_example.build()
    mine = PersonFactory.create(first_name="Tam", team=personas.team_a)
    timings_example.decided(mine, datetime.date(2025, 9, 1), datetime.date(2025, 9, 15))
    client.force_login(personas.manager_a)
    url = reverse("insights:indicators_area", args=["timings"])
    text = client.get(url, YEAR).content.decode()
    assert "Panel submission to decision: your teams and the partnership" in text
    links = dict(_links(client, "timings", **YEAR))
    row = reverse(
        "insights:indicator_people", args=["timings", "panel_submission_to_decision"]
    )
    team = f"{row}?year=2025&quarter=&by=team&group={personas.team_a.name}"
    assert links[team.replace(" ", "+")] == 1
    count, listed = _listed(client, team.replace(" ", "+"))
    assert count == 1 and ">Tam " in listed
    # The whole partnership's figure: nine decisions, no link to their people.
    assert "Whole partnership" in text
    assert example.people["Ann"].first_name not in listed

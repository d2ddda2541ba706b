import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from selfdirect.audit.models import AccessLog
from selfdirect.insights import dashboard
from selfdirect.insights.models import AdultSocialCareSpend

from . import worked_example

YEAR = {"year": "2025"}
AREAS = list(dashboard.AREAS)


@pytest.fixture
def example(personas):
    return worked_example.build()


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    # Pages offer the six financial years up to the one today falls in.
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 5, 1))


def _get(client, user, url, **params):
    client.force_login(user)
    return client.get(url, params)


@pytest.mark.parametrize("area", AREAS)
def test_each_area_page_shows_as_at_definitions_and_tables(
    client, personas, example, area
) -> None:
    url = reverse("insights:indicators_area", args=[area])
    response = _get(client, personas.quality_lead, url, **YEAR)
    assert response.status_code == 200
    text = response.content.decode()
    assert "As at" in text
    assert "<table" in text
    assert "Period 2025-26" in text


def test_the_options_page_has_the_worked_example_and_links_to_who_is_counted(
    client, personas, example
) -> None:
    url = reverse("insights:indicators_area", args=["options"])
    text = _get(client, personas.quality_lead, url, breakdown="age_band", **YEAR)
    html = text.content.decode()
    drill = reverse("insights:indicator_people", args=["options", "option_4"])
    assert drill in html
    assert "75.0" in html
    assert "Age band" in html


def test_drill_through_lists_only_people_the_user_reaches(
    client, personas, example
) -> None:
    url = reverse("insights:indicator_people", args=["options", "any"])
    html = _get(client, personas.quality_lead, url, **YEAR).content.decode()
    for name in ("Ann", "Bob", "Cat"):
        assert name in html
    assert "Dan MacLeod" not in html
    # A manager reaches only their own teams' people: none of the example's.
    html = _get(client, personas.manager_a, url, **YEAR).content.decode()
    assert "Ann MacLeod" not in html


def test_why_a_person_was_counted_is_logged(client, personas, example) -> None:
    url = reverse("insights:indicator_person", args=[example.cat.public_id])
    before = AccessLog.objects.count()
    html = _get(client, personas.quality_lead, url, **YEAR).content.decode()
    assert "More than one option (option 4)" in html
    assert AccessLog.objects.count() == before + 1


def test_a_manager_sees_their_teams_beside_the_partnership(client, personas) -> None:
    url = reverse("insights:indicators_area", args=["options"])
    html = _get(client, personas.manager_a, url, **YEAR).content.decode()
    assert "Your teams beside the partnership" in html
    assert "Whole partnership" in html


def test_downloads_csv_excel_and_publication(client, personas, example) -> None:
    url = reverse("insights:indicators_area", args=["options"])
    client.force_login(personas.quality_lead)
    csv = b"".join(client.get(url, {**YEAR, "download": "csv"}).streaming_content)
    assert b"Option 4" in csv
    published = b"".join(
        client.get(url, {**YEAR, "download": "publication"}).streaming_content
    ).decode()
    assert "*" in published
    assert "North,*" in published or "North,0" in published
    excel = client.get(url, {**YEAR, "download": "xlsx"})
    book = load_workbook(io.BytesIO(excel.content))
    assert book.active["A1"].value == "Selfdirect SDS indicators"


def test_a_bad_filter_is_explained_and_the_default_period_shown(
    client, personas
) -> None:
    url = reverse("insights:indicators_area", args=["options"])
    html = _get(client, personas.quality_lead, url, year="1900").content.decode()
    assert "ds_error-summary" in html


def test_finance_enters_a_years_spend_once(client, personas) -> None:
    client.force_login(personas.finance_officer)
    url = reverse("insights:spend_new")
    form = client.get(url).content.decode()
    token = form.split('name="submission_token" value="')[1].split('"')[0]
    data = {
        "financial_year": "2025",
        "total": "1000000",
        "source": "Ledger, May 2026",
        "submission_token": token,
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    row = AdultSocialCareSpend.objects.get()
    assert row.recorded_by == personas.finance_officer
    assert row.history.count() == 1
    bad = client.post(url, {**data, "total": "-5", "submission_token": "x"})
    assert bad.status_code == 200 and AdultSocialCareSpend.objects.count() == 1


@pytest.mark.parametrize("who", ["practitioner_a", "finance_officer", "panel_member"])
def test_the_dashboard_is_refused_to_other_roles(client, personas, who) -> None:
    url = reverse("insights:indicators_area", args=["options"])
    assert _get(client, getattr(personas, who), url).status_code == 403


def test_first_contacts_link_to_the_people_whose_contacts_were_counted(
    client, personas, example, django_assert_max_num_queries
) -> None:
    area = reverse("insights:indicators_area", args=["first-contact"])
    html = _get(client, personas.quality_lead, area, **YEAR).content.decode()
    numerator = reverse(
        "insights:indicator_people", args=["sds_discussed_first_contact", "numerator"]
    )
    assert numerator in html
    with django_assert_max_num_queries(12):
        listed = client.get(numerator, YEAR).content.decode()
    # Ann's contact and Fay's (merged into Ann) were discussed; Bob's was not.
    assert "Ann" in listed and "Bob" not in listed and "Fay" not in listed
    out_of = reverse(
        "insights:indicator_people",
        args=["sds_discussed_first_contact", "denominator"],
    )
    listed = client.get(out_of, YEAR).content.decode()
    assert "Ann" in listed and "Bob" in listed
    assert "Dan MacLeod" not in listed  # his contact was before the year
    # A manager reaches only their own teams' people: none of the example's.
    html = _get(client, personas.manager_a, out_of, **YEAR).content.decode()
    assert "Ann MacLeod" not in html


def test_who_is_waiting_now_and_whose_outcomes_were_reviewed_are_listed(
    client, personas, django_assert_max_num_queries
) -> None:
    from selfdirect.insights.tests import outcomes_example
    from selfdirect.panel.tests.factories import (
        PanelDecisionFactory,
        PanelSubmissionFactory,
    )
    from selfdirect.people.tests.factories import PersonFactory

    waiting = PanelSubmissionFactory.create(
        indicative_budget__person=PersonFactory.create(first_name="Wendy")
    )
    approved = PanelDecisionFactory.create(
        submission__indicative_budget__person=PersonFactory.create(first_name="Abe")
    )
    approved.submission.outcome = "approved"
    approved.submission.decided_on = approved.decided_on
    approved.submission.save()
    reviewed = outcomes_example.build()
    client.force_login(personas.quality_lead)
    area = reverse("insights:indicators_area", args=["timings"])
    html = client.get(area, YEAR).content.decode()
    url = reverse(
        "insights:indicator_people", args=["timings", "waiting_for_panel_decision"]
    )
    assert url in html
    with django_assert_max_num_queries(12):
        listed = client.get(url, YEAR).content.decode()
    assert waiting.person.first_name in listed and "Abe" not in listed
    url = reverse(
        "insights:indicator_people", args=["timings", "waiting_for_service_to_start"]
    )
    listed = client.get(url, YEAR).content.decode()
    assert "Abe" in listed and waiting.person.first_name not in listed
    # Outcomes: the year of the outcomes example (2026-27).
    area = reverse("insights:indicators_area", args=["outcomes"])
    html = client.get(area, {"year": "2026"}).content.decode()
    url = reverse("insights:indicator_people", args=["outcomes", "people"])
    assert url in html
    with django_assert_max_num_queries(12):
        listed = client.get(url, {"year": "2026"}).content.decode()
    for person in (reviewed.ann, reviewed.bob, reviewed.cat):
        assert person.first_name in listed
    assert reviewed.dan.first_name not in listed  # a draft review
    # No list for a figure that has none.
    missing = reverse("insights:indicator_people", args=["outcomes", "met"])
    assert client.get(missing, {"year": "2026"}).status_code == 404

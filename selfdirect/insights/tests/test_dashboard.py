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

"""The funder's report and the partnership's uptake report, counted on a hand-built
set (the personas' organisation records, dated 2026)."""

import datetime

import pytest
from django.urls import reverse

from selfdirect.independent import reports
from selfdirect.independent.models import Client, Session

pytestmark = pytest.mark.journey("independent")

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}


def _rows(sections) -> dict[str, object]:
    return {label: count for s in sections for label, count in s.rows}


def test_the_funders_counts(personas) -> None:
    client = Client.objects.get(name="Morag MacLeod")
    Session.objects.create(
        client=client,
        kind=Session.Kind.ADVOCACY,
        held_on=datetime.date(2026, 11, 1),
        minutes=30,
        recorded_by=personas.org_worker_a,
    )
    rows = _rows(reports.funder_report(personas.org_manager_a, START, END))
    assert rows["Clients supported"] == 1
    assert rows["New clients"] == 2
    assert rows["Anonymous new clients"] == 1
    assert rows["Sessions"] == 2
    assert rows["Hours with clients"] == 2.0
    assert rows["Independent advocacy"] == 2
    assert rows["Group attendance"] == 7
    assert rows["Understood their options"] == 1
    assert rows["Not invited: learned of afterwards"] == 1
    assert rows["Partly adopted"] == 1
    assert rows["Meeting with elected members"] == 5
    assert rows["Council referrals answered"] == 1
    assert rows["Average days from referral to answer"] == 3
    other = _rows(reports.funder_report(personas.org_worker_b, START, END))
    assert other["Sessions"] == 0


def test_small_counts_are_suppressed_in_the_csv(client, personas) -> None:
    client.force_login(personas.org_manager_a)
    response = client.get(reverse("independent:funder_report_csv"), PERIOD)
    text = b"".join(response.streaming_content).decode()
    assert "Sessions,1 to 4" in text
    assert "Group attendance,7" in text
    page = client.get(reverse("independent:funder_report"), PERIOD)
    assert page.status_code == 200
    assert "1 to 4" not in page.content.decode().split("Activity")[1]


def test_the_pdf_is_made(client, personas) -> None:
    client.force_login(personas.org_manager_a)
    response = client.get(reverse("independent:funder_report_pdf"), PERIOD)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("who", ["org_worker_a", "practitioner_a", "quality_lead"])
def test_only_the_organisations_manager_sees_its_report(client, personas, who) -> None:
    client.force_login(getattr(personas, who))
    assert client.get(reverse("independent:funder_report")).status_code == 403


def test_the_uptake_report_counts_without_detail(client, personas) -> None:
    rows = reports.uptake(START, END)
    assert [(r.organisation, r.made, r.waiting, r.accepted) for r in rows] == [
        ("Clydeview Advocacy", 2, 1, 1)
    ]
    client.force_login(personas.quality_lead)
    page = client.get(reverse("independent:uptake"), PERIOD).content.decode()
    assert "Clydeview Advocacy" in page
    assert "MacLeod" not in page
    csv = b"".join(
        client.get(reverse("independent:uptake_csv"), PERIOD).streaming_content
    )
    assert b"1 to 4" in csv
    client.force_login(personas.org_manager_a)
    assert client.get(reverse("independent:uptake")).status_code == 403

"""The manager chooses case studies for the funder's report from stories told with
agreement; they appear on the page, in the PDF and in the CSV."""

import datetime

import pytest
from django.urls import reverse

from selfdirect.independent import case_studies
from selfdirect.independent.models import CaseStudy, ClientOutcome, VoiceEntry

pytestmark = pytest.mark.journey("independent")

PERIOD = {"start": "01/04/2026", "end": "31/03/2027"}


def _query() -> str:
    return "?start=01%2F04%2F2026&end=31%2F03%2F2027"


def test_the_manager_chooses_and_the_report_shows_them(client, personas) -> None:
    client.force_login(personas.org_manager_a)
    url = reverse("independent:case_studies") + _query()
    page = client.get(url)
    assert page.status_code == 200
    voice, outcome = VoiceEntry.objects.get(), ClientOutcome.objects.get()
    response = client.post(
        url, {"voice": [voice.public_id], "outcomes": [outcome.public_id]}
    )
    assert response.status_code == 302
    assert CaseStudy.objects.count() == 2
    report = client.get(reverse("independent:funder_report"), PERIOD)
    assert b"Five carers told councillors" in report.content
    assert b"Knew her four options" in report.content
    csv = b"".join(
        client.get(reverse("independent:funder_report_csv"), PERIOD).streaming_content
    ).decode()
    assert "Case studies,Meeting with elected members (12/09/2026)" in csv
    pdf = client.get(reverse("independent:funder_report_pdf"), PERIOD)
    assert pdf.status_code == 200
    # Untick one: it is no longer a case study.
    client.post(url, {"voice": [voice.public_id]})
    assert list(CaseStudy.objects.values_list("voice", flat=True)) == [voice.pk]


def test_only_stories_told_with_agreement_are_offered(client, personas) -> None:
    VoiceEntry.objects.update(story_consent=False)
    client.force_login(personas.org_manager_a)
    url = reverse("independent:case_studies") + _query()
    voice = VoiceEntry.objects.get()
    assert "voice" not in client.get(url).context["form"].fields
    client.post(url, {"voice": [voice.public_id]})  # not offered: ignored
    assert not CaseStudy.objects.exists()
    # The service refuses a story without agreement even if asked directly.
    case_studies.choose(by=personas.org_manager_a, offered=[voice], picked=[voice])
    assert not CaseStudy.objects.exists()


def test_a_story_no_longer_agreed_to_stops_being_a_case_study(client, personas) -> None:
    voice = VoiceEntry.objects.get()
    case_studies.choose(by=personas.org_manager_a, offered=[voice], picked=[voice])
    assert CaseStudy.objects.count() == 1
    client.force_login(personas.org_worker_a)
    client.post(
        reverse("independent:voice_change", args=[voice.public_id]),
        {"version": 1, "kind": voice.kind, "held_on": "12/09/2026", "people": 5},
    )
    assert not CaseStudy.objects.exists()


def test_workers_and_the_council_cannot_choose(client, personas) -> None:
    for who in ("org_worker_a", "practitioner_a", "quality_lead"):
        client.force_login(getattr(personas, who))
        assert client.get(reverse("independent:case_studies")).status_code == 403


def test_another_organisations_manager_sees_none_of_them(personas) -> None:
    voice = VoiceEntry.objects.get()
    case_studies.choose(by=personas.org_manager_a, offered=[voice], picked=[voice])
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert not case_studies.chosen(personas.org_worker_b, start, end).exists()
    assert not case_studies.voice_stories(personas.org_worker_b, start, end).exists()

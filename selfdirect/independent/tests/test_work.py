"""The organisation's other work: uploads refused by type and size, engagement
rules, client voice stories only with consent."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from selfdirect.independent import work_services
from selfdirect.independent.models import (
    EngagementEntry,
    InfluenceEntry,
    InfluenceEvidence,
    VoiceEntry,
)

pytestmark = pytest.mark.journey("independent")


def _entry() -> InfluenceEntry:
    return InfluenceEntry.objects.get()


def _add(personas, name: str, content: bytes) -> InfluenceEvidence:
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return work_services.add_evidence(
        entry=_entry(), by=personas.org_worker_a, title="Minutes", upload=upload
    )


def test_a_pdf_is_kept_in_private_storage(personas, settings) -> None:
    evidence = _add(personas, "minutes.pdf", b"%PDF-1.7 minutes")
    assert str(settings.PRIVATE_FILES_ROOT) in evidence.file.path
    assert evidence.file.storage.location == str(settings.PRIVATE_FILES_ROOT)  # type: ignore[attr-defined]
    assert evidence.file.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.exe", b"MZ\x90\x00"),
        ("page.html", b"<html>"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf"),
        ("no-ending", b"%PDF"),
    ],
)
def test_uploads_of_other_types_are_refused(personas, name, content) -> None:
    with pytest.raises(ValidationError) as refused:
        _add(personas, name, content)
    assert "file" in refused.value.message_dict
    assert InfluenceEvidence.objects.count() == 1


@override_settings(INDEPENDENT_EVIDENCE_MAX_BYTES=1024 * 1024)
def test_uploads_too_large_are_refused(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    url = reverse("independent:evidence_new", args=[_entry().public_id])
    page = client.get(url)
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (1024 * 1024 + 1))
    response = client.post(
        url,
        {
            "title": "Big",
            "file": big,
            "submission_token": page.context["request"].submission_token,
        },
    )
    assert response.status_code == 200
    assert "smaller than 1 MB" in response.content.decode()
    assert InfluenceEvidence.objects.count() == 1


def test_evidence_downloads_only_for_its_organisation(client, personas) -> None:
    evidence = _add(personas, "minutes.pdf", b"%PDF-1.7 minutes")
    url = reverse("independent:evidence_file", args=[evidence.public_id])
    client.force_login(personas.org_worker_b)
    assert client.get(url).status_code == 404
    client.force_login(personas.practitioner_a)
    assert client.get(url).status_code == 403
    client.force_login(personas.org_worker_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_meeting_not_attended_says_why(personas) -> None:
    entry = EngagementEntry(
        meeting="Commissioning forum",
        kind=EngagementEntry.Kind.INFORMAL,
        held_on=datetime.date(2026, 11, 1),
        invitation=EngagementEntry.Invitation.INVITED,
        attended=False,
    )
    with pytest.raises(ValidationError):
        work_services.record_engagement(by=personas.org_worker_a, entry=entry)
    entry.not_attended_reason = EngagementEntry.Reason.NO_CAPACITY
    saved = work_services.record_engagement(by=personas.org_worker_a, entry=entry)
    assert saved.organization == personas.org_worker_a.organization


def test_a_story_needs_the_peoples_agreement(personas) -> None:
    entry = VoiceEntry(
        kind=VoiceEntry.Kind.BOARD,
        held_on=datetime.date(2026, 11, 1),
        people=1,
        story="Jean joined the integration joint board.",
    )
    with pytest.raises(ValidationError):
        work_services.record_voice(by=personas.org_worker_a, entry=entry)


def test_an_engagement_entry_for_a_meeting_not_invited_to(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    url = reverse("independent:engagement_new")
    page = client.get(url)
    response = client.post(
        url,
        {
            "meeting": "Day services redesign group",
            "kind": "working_group",
            "held_on": "2026-11-02",
            "invitation": "not_invited",
            "attended": "no",
            "not_attended_reason": "not_invited",
            "topics": "Day services for young adults",
            "contribution": "",
            "submission_token": page.context["request"].submission_token,
        },
    )
    assert response.status_code == 302
    listing = client.get(reverse("independent:engagement")).content.decode()
    assert "Day services redesign group" in listing
    assert "Not invited: we learned of it afterwards" in listing

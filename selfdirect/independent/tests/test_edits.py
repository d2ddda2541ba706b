"""Changing each kind of record: version-checked, kept in history, audited, and bad
answers change nothing; a client's record closes and reopens."""

import datetime
from typing import Any

import pytest
from django.urls import reverse

from selfdirect.audit.models import AuditEvent
from selfdirect.independent.models import (
    Client,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    Session,
    VoiceEntry,
)

pytestmark = pytest.mark.journey("independent")


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _morag() -> Client:
    return Client.objects.get(name="Morag MacLeod")


def _client_answers(version: int, **changes: Any) -> dict[str, Any]:
    return {
        "version": version,
        "name": "Morag Rae",
        "age_band": Client.AgeBand.FROM_65,
        "heard_via": Client.HeardVia.COUNCIL,
        "first_contact_on": _d(datetime.date(2026, 10, 8)),
        **changes,
    }


def test_a_worker_changes_a_client_with_history_and_audit(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    morag = _morag()
    url = reverse("independent:client_change", args=[morag.public_id])
    assert b"Morag MacLeod" in client.get(url).content
    response = client.post(url, _client_answers(1))
    assert response.status_code == 302
    morag.refresh_from_db()
    assert (morag.name, morag.version) == ("Morag Rae", 2)
    assert morag.history.first().history_user == personas.org_worker_a
    assert AuditEvent.objects.filter(action="independent_client.changed").exists()


def test_a_client_can_be_made_anonymous(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    morag = _morag()
    url = reverse("independent:client_change", args=[morag.public_id])
    client.post(url, _client_answers(1, name=""))
    morag.refresh_from_db()
    assert morag.anonymous


def test_two_people_editing_never_overwrite(client, personas) -> None:
    morag = _morag()
    url = reverse("independent:client_change", args=[morag.public_id])
    client.force_login(personas.org_manager_a)
    client.post(url, _client_answers(1, name="Morag Ross"))
    client.force_login(personas.org_worker_a)
    response = client.post(url, _client_answers(1))
    assert response.status_code == 200
    assert response.context["conflict"] is not None
    morag.refresh_from_db()
    assert (morag.name, morag.version) == ("Morag Ross", 2)


def test_a_bad_answer_changes_nothing(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    session = Session.objects.get()
    url = reverse("independent:session_change", args=[session.public_id])
    response = client.post(
        url,
        {"version": 1, "kind": "advocacy", "held_on": "31/02/2026", "minutes": "-5"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"held_on", "minutes"}
    session.refresh_from_db()
    assert (session.version, session.minutes) == (1, 90)
    assert session.history.count() == 1


def test_sessions_outcomes_and_group_work_are_changed(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    session = Session.objects.get()
    client.post(
        reverse("independent:session_change", args=[session.public_id]),
        {
            "version": 1,
            "kind": Session.Kind.APPEAL,
            "held_on": _d(session.held_on),
            "minutes": 45,
            "notes": "An appeal, not the assessment.",
        },
    )
    session.refresh_from_db()
    assert (session.kind, session.minutes) == (Session.Kind.APPEAL, 45)
    group = GroupSession.objects.get()
    client.post(
        reverse("independent:group_change", args=[group.public_id]),
        {
            "version": 1,
            "kind": group.kind,
            "title": group.title,
            "held_on": _d(group.held_on),
            "attendance": 9,
            "minutes": 120,
        },
    )
    group.refresh_from_db()
    assert (group.attendance, group.version) == (9, 2)


def _engagement(version: int, **changes: Any) -> dict[str, Any]:
    return {
        "version": version,
        "meeting": "SDS implementation group",
        "kind": EngagementEntry.Kind.WORKING_GROUP,
        "held_on": _d(datetime.date(2026, 10, 1)),
        "invitation": EngagementEntry.Invitation.INVITED,
        "attended": "yes",
        "not_attended_reason": EngagementEntry.Reason.NOT_INVITED,
        **changes,
    }


def test_an_engagement_entry_keeps_its_rules_when_changed(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    entry = EngagementEntry.objects.get()
    url = reverse("independent:engagement_change", args=[entry.public_id])
    assert 'value="no" checked' in client.get(url).content.decode()
    refused = client.post(url, _engagement(1, attended="no", not_attended_reason=""))
    assert "not_attended_reason" in refused.context["form"].errors
    entry.refresh_from_db()
    assert entry.version == 1
    client.post(url, _engagement(1))
    entry.refresh_from_db()
    assert (entry.attended, entry.not_attended_reason, entry.version) == (True, "", 2)


def test_influence_and_its_evidence_are_changed(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    entry = InfluenceEntry.objects.get()
    client.post(
        reverse("independent:influence_change", args=[entry.public_id]),
        {
            "version": 1,
            "change_sought": entry.change_sought,
            "level": entry.level,
            "action_taken": entry.action_taken,
            "started_on": _d(entry.started_on),
            "result": InfluenceEntry.Result.ADOPTED,
            "result_note": "The new form is in use.",
        },
    )
    entry.refresh_from_db()
    assert entry.result == InfluenceEntry.Result.ADOPTED
    evidence = InfluenceEvidence.objects.get()
    url = reverse("independent:evidence_change", args=[evidence.public_id])
    client.post(url, {"version": 1, "title": "Clients' comments, May"})
    evidence.refresh_from_db()
    assert (evidence.title, bool(evidence.file)) == ("Clients' comments, May", True)
    link = InfluenceEvidence.objects.create(
        entry=entry,
        title="Minutes",
        link="https://example.org/m",
        recorded_by=evidence.recorded_by,
    )
    url = reverse("independent:evidence_change", args=[link.public_id])
    refused = client.post(url, {"version": 1, "title": "Minutes", "link": ""})
    assert "link" in refused.context["form"].errors


def test_a_story_needs_agreement_when_changed_too(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    entry = VoiceEntry.objects.get()
    url = reverse("independent:voice_change", args=[entry.public_id])
    answers = {
        "version": 1,
        "kind": entry.kind,
        "held_on": _d(entry.held_on),
        "people": 6,
        "story": "A new story.",
    }
    refused = client.post(url, answers)
    assert "story_consent" in refused.context["form"].errors
    entry.refresh_from_db()
    assert entry.people == 5
    client.post(url, {**answers, "story_consent": "on"})
    entry.refresh_from_db()
    assert (entry.people, entry.story) == (6, "A new story.")


def test_a_clients_record_closes_and_reopens(client, personas) -> None:
    client.force_login(personas.org_worker_a)
    morag = _morag()
    url = reverse("independent:client_close", args=[morag.public_id])
    early = client.post(url, {"version": 1, "closed_on": "01/09/2026"})
    assert "closed_on" in early.context["form"].errors
    client.post(url, {"version": 1, "closed_on": "20/11/2026"})
    morag.refresh_from_db()
    assert morag.closed_on == datetime.date(2026, 11, 20)
    assert b"Reopen" in client.get(url).content
    client.post(url, {"version": 2, "confirm": "on"})
    morag.refresh_from_db()
    assert (morag.closed_on, morag.version) == (None, 3)
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"independent_client.closed", "independent_client.reopened"} <= actions

"""Strict separation, both ways, through the one chokepoint: no council role reaches
an organisation's records, no organisation reaches another's, and organisation staff
reach no council record."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from selfdirect.accounts.roles import Purpose
from selfdirect.audit.models import OrganisationAccessLog
from selfdirect.independent.models import (
    Client,
    Consent,
    EngagementEntry,
    InfluenceEvidence,
    Referral,
    Session,
)
from selfdirect.independent.permissions import access_client
from selfdirect.people.access import access_person
from selfdirect.people.models import Person

pytestmark = pytest.mark.journey("independent")

COUNCIL = [
    "practitioner_a",
    "manager_a",
    "quality_lead",
    "inspector",
    "dpo",
    "finance_officer",
    "panel_member",
    "administrator",
]
ORGANISATION_MODELS: list[Any] = [Client, Session, EngagementEntry, InfluenceEvidence]


def _morag() -> Client:
    return Client.objects.get(name="Morag MacLeod")


@pytest.mark.parametrize("who", COUNCIL)
def test_no_council_role_sees_any_organisation_record(personas, who) -> None:
    user = getattr(personas, who)
    for model in ORGANISATION_MODELS:
        assert not model.objects.visible_to(user, Purpose.INDEPENDENT).exists()
    with pytest.raises(PermissionDenied):
        access_client(user, _morag().public_id)


@pytest.mark.parametrize("who", COUNCIL)
def test_no_council_role_opens_a_client_page(client, personas, who) -> None:
    client.force_login(getattr(personas, who))
    url = reverse("independent:client", args=[_morag().public_id])
    assert client.get(url).status_code == 403
    assert client.get(reverse("independent:clients")).status_code == 403


def test_another_organisation_gets_404_and_nothing_in_its_lists(
    client, personas
) -> None:
    other = personas.org_worker_b
    for model in ORGANISATION_MODELS:
        assert not model.objects.visible_to(other, Purpose.INDEPENDENT).exists()
    with pytest.raises(Http404):
        access_client(other, _morag().public_id)
    client.force_login(other)
    assert b"MacLeod" not in client.get(reverse("independent:clients")).content
    assert b"MacLeod" not in client.get(reverse("independent:inbox")).content
    assert not OrganisationAccessLog.objects.exists()


def test_own_staff_read_is_logged_in_the_organisation_log(personas) -> None:
    found = access_client(personas.org_worker_a, _morag().public_id, page="test")
    log = OrganisationAccessLog.objects.get()
    assert (log.user, log.record_id, log.action) == (
        personas.org_worker_a,
        found.public_id,
        "view",
    )
    assert OrganisationAccessLog.objects.visible_to(
        personas.org_manager_a, Purpose.INDEPENDENT
    ).exists()
    assert not OrganisationAccessLog.objects.visible_to(
        personas.org_worker_b, Purpose.INDEPENDENT
    ).exists()


@pytest.mark.parametrize("who", ["org_worker_a", "org_manager_a"])
def test_organisation_staff_reach_no_council_record(client, personas, who) -> None:
    user = getattr(personas, who)
    for purpose in set(Purpose) - {Purpose.INDEPENDENT}:
        assert not Person.objects.visible_to(user, purpose).exists()
    with pytest.raises(PermissionDenied):
        access_person(user, personas.person.public_id)
    client.force_login(user)
    url = reverse("people:detail", args=[personas.person.public_id])
    assert client.get(url).status_code == 403


def test_a_worker_cannot_export_only_the_manager_can(client, personas) -> None:
    url = reverse("independent:client_export", args=[_morag().public_id])
    client.force_login(personas.org_worker_a)
    assert client.get(url).status_code == 403
    client.force_login(personas.dpo)
    assert client.get(url).status_code == 403
    client.force_login(personas.org_manager_a)
    response = client.get(url)
    assert response.status_code == 200
    data = response.json()
    titles = {s["title"]: s["records"] for s in data["sections"]}
    assert titles["Client"][0]["values"]["name"] == "Morag MacLeod"
    assert titles["Sessions"][0]["values"]["minutes"] == 90
    assert titles["Consent to share with the council"][0]["history"]
    assert titles["Outcomes"][0]["values"]["story"].startswith("Knew her")


def test_the_council_sees_the_consent_but_not_the_client(personas) -> None:
    mine = Consent.objects.visible_to(personas.practitioner_a, Purpose.PRACTICE)
    assert mine.exists()
    assert not Client.objects.visible_to(personas.practitioner_a, Purpose.PRACTICE)
    assert not Referral.objects.visible_to(personas.practitioner_b, Purpose.PRACTICE)

"""Teams within an organisation, through the one chokepoint: a worker reaches the
clients of their own teams (and of no team), never another team's; the manager
reaches all; an organisation without teams is all one team."""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from selfdirect.accounts.roles import Action, Purpose, Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.independent import team_services
from selfdirect.independent.forms import ClientForm
from selfdirect.independent.models import (
    Client,
    ClientOutcome,
    Consent,
    Referral,
    Session,
    Team,
    TeamMember,
)
from selfdirect.independent.permissions import (
    access_client,
    access_consent,
    access_referral,
    access_session,
    access_team,
)
from selfdirect.independent.selectors import incoming_referrals
from selfdirect.independent.team_services import TeamDetails

pytestmark = pytest.mark.journey("independent")
INDEPENDENT = Purpose.INDEPENDENT


def _morag() -> Client:
    return Client.objects.get(name="Morag MacLeod")


@pytest.fixture
def south(personas: Any) -> Any:
    """A second team in the first organisation, with its own worker, given Morag
    (and so her consent, referral, session and outcome)."""
    org = personas.org_worker_a.organization
    worker = UserFactory.create(
        username="south_worker", role=Role.INDEPENDENT_SUPPORT_WORKER, organization=org
    )
    team = Team.objects.create(
        organization=org, name="South", recorded_by=personas.org_manager_a
    )
    TeamMember.objects.create(team=team, user=worker, recorded_by=worker)
    Client.objects.filter(pk=_morag().pk).update(team=team)
    return worker


def test_clients_of_no_team_are_seen_by_every_worker(personas) -> None:
    worker = personas.org_worker_a
    assert Client.objects.visible_to(worker, INDEPENDENT).count() == 2
    access_client(worker, _morag().public_id)


def test_a_worker_does_not_reach_another_teams_clients(personas, south) -> None:
    worker = personas.org_worker_a
    morag = _morag()
    for model in (Client, Session, ClientOutcome, Consent, Referral):
        rows = model.objects.visible_to(worker, INDEPENDENT)
        assert not rows.filter(pk__in=_of(model, morag)).exists(), model
    with pytest.raises(Http404):
        access_client(worker, morag.public_id)
    with pytest.raises(Http404):
        access_session(worker, morag.sessions.get().public_id)
    with pytest.raises(Http404):
        access_consent(worker, morag.consents.get().public_id)
    with pytest.raises(Http404):
        access_referral(worker, morag.referrals.get().public_id)
    # The referral waiting for Morag's person reaches only her team's inbox.
    assert not incoming_referrals(worker).exists()
    assert incoming_referrals(south).exists()
    # The anonymous client belongs to no team: both workers see them.
    assert Client.objects.visible_to(worker, INDEPENDENT).get().anonymous


def _of(model: Any, client: Client) -> list[int]:
    if model is Client:
        return [client.pk]
    return list(model.objects.filter(client=client).values_list("pk", flat=True))


def test_the_teams_worker_and_the_manager_reach_the_client(personas, south) -> None:
    morag = _morag()
    for user in (south, personas.org_manager_a):
        assert access_client(user, morag.public_id) == morag
        assert Session.objects.visible_to(user, INDEPENDENT).count() == 1


def test_the_pages_answer_another_teams_worker_as_for_a_missing_client(
    client, personas, south
) -> None:
    client.force_login(personas.org_worker_a)
    morag = _morag()
    for name in ("independent:client", "independent:client_change"):
        assert client.get(reverse(name, args=[morag.public_id])).status_code == 404
    page = client.get(reverse("independent:clients")).content
    assert b"MacLeod" not in page
    client.force_login(south)
    assert b"MacLeod" in client.get(reverse("independent:clients")).content


def test_another_organisation_never_reaches_a_team(personas, south) -> None:
    team = Team.objects.get(name="South")
    with pytest.raises(Http404):
        access_team(personas.org_worker_b, team.public_id, action=Action.VIEW)
    assert not Team.objects.visible_to(personas.org_worker_b, INDEPENDENT).exists()


def test_only_the_manager_manages_teams(client, personas) -> None:
    team = team_services.add_team(
        by=personas.org_manager_a, details=TeamDetails("North", ())
    )
    with pytest.raises(PermissionDenied):
        access_team(personas.org_worker_a, team.public_id)
    client.force_login(personas.org_worker_a)
    assert client.get(reverse("independent:teams")).status_code == 403
    client.force_login(personas.practitioner_a)
    assert client.get(reverse("independent:teams")).status_code == 403


def test_the_manager_adds_and_changes_a_team(client, personas) -> None:
    manager = personas.org_manager_a
    client.force_login(manager)
    response = client.post(
        reverse("independent:team_new"),
        {"name": "North", "members": [personas.org_worker_a.pk]},
    )
    assert response.status_code == 302
    team = Team.objects.get(name="North")
    assert [m.user for m in team.members.all()] == [personas.org_worker_a]
    url = reverse("independent:team_change", args=[team.public_id])
    response = client.post(url, {"name": "North and West", "version": 1})
    assert response.status_code == 302
    team.refresh_from_db()
    assert (team.name, team.version, team.members.count()) == ("North and West", 2, 0)
    # A change made on an old version is shown as a conflict and saves nothing.
    response = client.post(url, {"name": "Stale", "version": 1})
    assert response.status_code == 200
    assert response.context["conflict"] is not None
    team.refresh_from_db()
    assert team.name == "North and West"
    assert team.history.count() == 2


def test_a_team_name_is_used_once_and_members_are_own_staff(personas) -> None:
    manager = personas.org_manager_a
    team_services.add_team(by=manager, details=TeamDetails("North", ()))
    with pytest.raises(Exception, match="already has a team"):
        team_services.add_team(by=manager, details=TeamDetails("North", ()))
    with pytest.raises(Exception, match="own staff"):
        team_services.add_team(
            by=manager, details=TeamDetails("East", (personas.org_worker_b,))
        )
    assert list(Team.objects.values_list("name", flat=True)) == ["Advocacy", "North"]


def test_a_worker_gives_a_client_only_to_their_own_teams(personas, south) -> None:
    north = Team.objects.create(
        organization=personas.org_worker_a.organization,
        name="North",
        recorded_by=personas.org_manager_a,
    )
    TeamMember.objects.create(
        team=north, user=personas.org_worker_a, recorded_by=personas.org_manager_a
    )
    mine = ClientForm(user=personas.org_worker_a).fields["team"].queryset  # type: ignore[attr-defined]
    assert [t.name for t in mine] == ["Advocacy", "North"]
    everyone = ClientForm(user=personas.org_manager_a).fields["team"].queryset  # type: ignore[attr-defined]
    assert [t.name for t in everyone] == ["Advocacy", "North", "South"]
    # An organisation without teams is not asked.
    assert "team" not in ClientForm(user=personas.org_worker_b).fields


def test_a_new_client_given_to_a_team(client, personas, south) -> None:
    client.force_login(south)
    team = Team.objects.get(name="South")
    response = client.post(
        reverse("independent:client_new"),
        {
            "name": "Ewan Rae",
            "age_band": Client.AgeBand.FROM_25,
            "heard_via": Client.HeardVia.FAMILY,
            "first_contact_on": datetime.date(2026, 11, 2).strftime("%d/%m/%Y"),
            "team": team.pk,
        },
    )
    assert response.status_code == 302
    ewan = Client.objects.get(name="Ewan Rae")
    assert ewan.team == team
    assert not Client.objects.visible_to(personas.org_worker_a, INDEPENDENT).filter(
        pk=ewan.pk
    )

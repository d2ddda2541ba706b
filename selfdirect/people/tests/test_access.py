"""The chokepoint for every app: purposes reach the right people, records are found
through their person, refusals are not logged."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from selfdirect.accounts.roles import Action, Purpose
from selfdirect.audit.models import AccessLog
from selfdirect.conversations.models import Conversation
from selfdirect.panel.models import PanelSubmission
from selfdirect.people.access import access_person, access_person_record
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import PersonFactory


def test_finance_officers_reach_everyone_but_merged_records(personas) -> None:
    officer = personas.finance_officer
    assert list(Person.objects.visible_to(officer, Purpose.FINANCE)) == [
        personas.person
    ]
    assert not Person.objects.visible_to(officer, Purpose.PRACTICE).exists()
    Person.objects.update(status=Person.Status.MERGED)
    assert not Person.objects.visible_to(officer, Purpose.FINANCE).exists()
    assert Person.objects.visible_to(personas.inspector, Purpose.FINANCE).exists()


@pytest.mark.journey("panel")
def test_the_panel_sees_no_drafts_but_the_team_does(personas) -> None:
    PanelSubmission.objects.update(state=PanelSubmission.State.DRAFT)
    panel = PanelSubmission.objects.visible_to(personas.panel_member, Purpose.PANEL)
    team = PanelSubmission.objects.visible_to(personas.practitioner_a, Purpose.PRACTICE)
    assert not panel.exists()
    assert team.exists()


def test_data_protection_reaches_the_managers_teams_and_everyone_for_the_dpo(
    personas,
) -> None:
    for user in (personas.manager_a, personas.dpo):
        assert Person.objects.visible_to(user, Purpose.DATA_PROTECTION).exists()
    other = personas.practitioner_b
    other.role = "team_manager"
    other.save()
    for user in (other, personas.practitioner_a):
        assert not Person.objects.visible_to(user, Purpose.DATA_PROTECTION).exists()


@pytest.mark.journey("conversations")
def test_a_record_is_found_only_through_its_own_person(personas) -> None:
    someone_else = PersonFactory.create(team=personas.team_a)
    conversation = personas.person.conversations.get()
    found = access_person_record(
        personas.practitioner_a,
        personas.person.public_id,
        Conversation.objects.all(),
        conversation.public_id,
    )
    assert found == conversation
    with pytest.raises(Http404):
        access_person_record(
            personas.practitioner_a,
            someone_else.public_id,
            Conversation.objects.all(),
            conversation.public_id,
        )


def test_a_refused_role_leaves_no_trace_in_the_access_log(personas) -> None:
    with pytest.raises(PermissionDenied):
        access_person(personas.finance_officer, personas.person.public_id)
    with pytest.raises(PermissionDenied):
        access_person(
            personas.practitioner_a,
            personas.person.public_id,
            purpose=Purpose.PORTAL,
        )
    assert not AccessLog.objects.exists()


def test_recording_finance_is_logged_as_a_change(personas) -> None:
    access_person(
        personas.finance_officer,
        personas.person.public_id,
        purpose=Purpose.FINANCE,
        action=Action.RECORD_FINANCE,
        page="t",
    )
    assert AccessLog.objects.get().action == "change"

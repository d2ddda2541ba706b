import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from selfdirect.accounts.roles import Action, Purpose
from selfdirect.audit.models import AccessLog
from selfdirect.people.access import access_person
from selfdirect.people.models import Person


def test_a_practitioner_sees_only_people_allocated_to_their_team(personas) -> None:
    assert list(
        Person.objects.visible_to(personas.practitioner_a, Purpose.PRACTICE)
    ) == [personas.person]
    assert not Person.objects.visible_to(
        personas.practitioner_b, Purpose.PRACTICE
    ).exists()


def test_readers_see_everyone_and_roles_with_no_business_see_no_one(personas) -> None:
    for reader in (personas.quality_lead, personas.inspector, personas.dpo):
        assert Person.objects.visible_to(reader, Purpose.PRACTICE).count() == 1
    for outsider in (
        personas.finance_officer,
        personas.administrator,
        personas.expired_inspector,
    ):
        assert not Person.objects.visible_to(outsider, Purpose.PRACTICE).exists()


def test_an_ended_allocation_no_longer_gives_access(personas) -> None:
    personas.person.allocations.update(ended_on="2025-01-01")
    assert not Person.objects.visible_to(
        personas.practitioner_a, Purpose.PRACTICE
    ).exists()


def test_it_answers_404_for_another_teams_person_exactly_as_for_a_missing_one(
    personas,
) -> None:
    with pytest.raises(Http404) as other_team:
        access_person(personas.practitioner_b, personas.person.public_id)
    with pytest.raises(Http404) as missing:
        access_person(personas.practitioner_b, uuid.uuid4())
    assert str(other_team.value) == str(missing.value)


def test_it_refuses_a_change_by_a_read_only_role(personas) -> None:
    access_person(personas.quality_lead, personas.person.public_id)
    with pytest.raises(PermissionDenied):
        access_person(
            personas.quality_lead, personas.person.public_id, action=Action.CHANGE
        )


def test_it_refuses_an_inspector_whose_access_has_expired(personas) -> None:
    with pytest.raises(PermissionDenied):
        access_person(personas.expired_inspector, personas.person.public_id)


def test_every_access_writes_the_access_log(personas) -> None:
    access_person(
        personas.practitioner_a, personas.person.public_id, page="people:detail"
    )
    row = AccessLog.objects.get()
    assert (row.user, row.person, row.page, row.action) == (
        personas.practitioner_a,
        personas.person,
        "people:detail",
        "view",
    )

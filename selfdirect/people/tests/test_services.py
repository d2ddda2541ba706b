import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from selfdirect.accounts.roles import Purpose
from selfdirect.audit.models import AuditEvent
from selfdirect.people import services
from selfdirect.people.models import Person, Relationship
from selfdirect.people.tests.factories import (
    AllocationFactory,
    FirstContactFactory,
    PersonFactory,
    valid_chi,
)


def test_merging_moves_every_related_record_and_keeps_both_histories(personas) -> None:
    keep = personas.person
    chi = valid_chi(keep.date_of_birth, 40)
    duplicate = PersonFactory.create(
        first_name="Morag",
        last_name="Macleod",
        chi_number=chi,
        phone="0141 1",
        team=personas.team_a,
    )
    FirstContactFactory.create(person=duplicate, team=personas.team_a)
    Relationship.objects.create(person=duplicate, kind="unpaid_carer", name="Jean")
    services.merge_people(keep=keep, duplicate=duplicate, by=personas.manager_a)
    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert keep.first_contacts.count() == 2
    assert keep.relationships.get().name == "Jean"
    assert keep.allocations.count() == 2
    assert keep.allocations.filter(ended_on__isnull=True).count() == 1
    assert (keep.chi_number, keep.phone) == (chi, "0141 1")
    assert (duplicate.status, duplicate.merged_into) == (Person.Status.MERGED, keep)
    assert duplicate.history.count() >= 2 and keep.history.count() >= 2
    assert AuditEvent.objects.filter(action="person.merged", person=keep).exists()


def test_a_record_cannot_be_merged_into_itself(personas) -> None:
    with pytest.raises(ValidationError):
        services.merge_people(
            keep=personas.person, duplicate=personas.person, by=personas.manager_a
        )


def test_allocating_ends_the_current_allocation(personas) -> None:
    person = personas.person
    services.allocate_person(
        person=person,
        by=personas.manager_a,
        team=personas.team_b,
        worker=personas.practitioner_b,
        started_on=datetime.date(2026, 11, 1),
    )
    ended = person.allocations.get(team=personas.team_a)
    assert ended.ended_on == datetime.date(2026, 10, 31)
    assert (
        Person.objects.visible_to(personas.practitioner_b, Purpose.PRACTICE).get()
        == person
    )


def test_the_database_holds_one_open_allocation_per_person(personas) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        AllocationFactory.create(person=personas.person, team=personas.team_b)
    assert personas.person.allocations.filter(ended_on__isnull=True).count() == 1


def test_a_worker_must_belong_to_the_team_they_are_allocated_from(personas) -> None:
    with pytest.raises(ValidationError):
        services.allocate_person(
            person=personas.person,
            by=personas.manager_a,
            team=personas.team_b,
            worker=personas.practitioner_a,
            started_on=datetime.date(2026, 11, 1),
        )


def test_a_carer_in_the_system_shows_on_both_records(client, personas) -> None:
    carer = PersonFactory.create(
        first_name="Jean",
        last_name="MacLeod",
        chi_number=valid_chi(datetime.date(1975, 6, 1), 1),
        team=personas.team_a,
    )
    client.force_login(personas.practitioner_a)
    client.post(
        f"/people/{personas.person.public_id}/relationships/new/",
        {
            "kind": "unpaid_carer",
            "carer_chi": carer.chi_number,
            "description": "daughter",
        },
    )
    assert personas.person.relationships.get().related_person == carer
    page = client.get(f"/people/{carer.public_id}/").content.decode()
    assert "Unpaid carer for" in page and "Morag MacLeod" in page


def test_merge_through_the_page_needs_confirmation(client, personas) -> None:
    duplicate = PersonFactory.create(
        first_name="Morag", last_name="Macleod", team=personas.team_a
    )
    client.force_login(personas.manager_a)
    url = f"/people/{personas.person.public_id}/merge/"
    assert "Macleod" in client.get(url).content.decode()
    refused = client.post(url, {"duplicate": duplicate.public_id})
    assert "Confirm you have checked" in refused.content.decode()
    assert (
        client.post(
            url, {"duplicate": duplicate.public_id, "confirm": "on"}
        ).status_code
        == 302
    )
    duplicate.refresh_from_db()
    assert duplicate.status == Person.Status.MERGED


def test_a_team_manager_sees_history_and_access_log(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    client.get(f"/people/{personas.person.public_id}/")
    client.force_login(personas.manager_a)
    history = client.get(
        f"/people/{personas.person.public_id}/history/"
    ).content.decode()
    log = client.get(
        f"/people/{personas.person.public_id}/access-log/"
    ).content.decode()
    assert "Created" in history
    assert "people:detail" in log and str(personas.practitioner_a) in log

"""Who sees a carer's plan, through the one access chokepoint: the carer's team,
read-only roles; the cared-for person's worker sees the summary only, unless the
carer's consent to share the whole plan is recorded."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from selfdirect.accounts.roles import Action, Role
from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.audit import subject_access
from selfdirect.audit.models import AccessLog
from selfdirect.carers import selectors, services
from selfdirect.carers.details import SharingDetails
from selfdirect.carers.models import CarerPlan
from selfdirect.carers.permissions import access_carer, access_plan
from selfdirect.people.tests.factories import AllocationFactory

pytestmark = pytest.mark.journey("carers")


def _plan(personas):
    return personas.person.carer_records.get().plans.get()


def _donald(personas):
    return personas.person.carer_records.get().cared_for


def test_the_carers_team_reads_and_changes_and_the_read_is_logged(personas) -> None:
    plan = _plan(personas)
    seen = access_plan(personas.practitioner_a, plan.public_id, page="/x")
    assert seen == plan
    access_plan(personas.practitioner_a, plan.public_id, action=Action.CHANGE)
    assert AccessLog.objects.filter(
        user=personas.practitioner_a, person=personas.person
    ).exists()


def test_a_carers_support_worker_sees_carers_allocated_to_their_team(personas) -> None:
    carers_team = TeamFactory.create(name="Clydeview Carers' Team")
    worker = UserFactory.create(role=Role.CARERS_SUPPORT_WORKER, teams=[carers_team])
    plan = _plan(personas)
    with pytest.raises(Http404):
        access_plan(worker, plan.public_id)
    personas.person.allocations.update(ended_on=datetime.date(2026, 1, 1))
    AllocationFactory.create(
        person=personas.person, team=carers_team, started_on=datetime.date(2026, 1, 2)
    )
    assert access_plan(worker, plan.public_id) == plan
    assert list(selectors.not_yet_offered_list(worker)) == []
    assert [o.carer.person for o in selectors.waiting_list(worker)] == [personas.person]


def test_the_cared_for_persons_worker_sees_only_the_summary(personas) -> None:
    plan = _plan(personas)
    with pytest.raises(Http404):
        access_plan(personas.practitioner_b, plan.public_id)
    [row] = selectors.summaries_for(_donald(personas), personas.practitioner_b)
    assert row["plan_state"] == CarerPlan.State.DRAFT
    assert row["plan_kind"] == CarerPlan.Kind.ACSP
    assert row["open"] is False
    assert "circumstances" not in row and "needs" not in row


def test_what_the_carer_agreed_to_share_is_in_the_summary(personas) -> None:
    carer = personas.person.carer_records.get()
    services.record_sharing(
        carer=carer,
        by=personas.practitioner_a,
        version=carer.version,
        details=SharingDetails("I need Tuesdays off", False, None),
    )
    [row] = selectors.summaries_for(_donald(personas), personas.practitioner_b)
    assert row["shared_summary"] == "I need Tuesdays off"
    with pytest.raises(Http404):
        access_plan(personas.practitioner_b, _plan(personas).public_id)


def test_with_consent_the_cared_for_persons_worker_reads_the_whole_plan(
    personas,
) -> None:
    carer = personas.person.carer_records.get()
    services.record_sharing(
        carer=carer,
        by=personas.practitioner_a,
        version=carer.version,
        details=SharingDetails("", True, datetime.date(2026, 2, 1)),
    )
    plan = _plan(personas)
    assert access_plan(personas.practitioner_b, plan.public_id) == plan
    assert access_carer(personas.practitioner_b, carer.public_id) == carer
    with pytest.raises(Http404):  # reading, never changing
        access_plan(personas.practitioner_b, plan.public_id, action=Action.CHANGE)
    [row] = selectors.summaries_for(_donald(personas), personas.practitioner_b)
    assert row["open"] is True
    # Someone with neither the carer nor the cared-for person sees nothing.
    stranger = UserFactory.create(teams=[TeamFactory.create(name="Elsewhere")])
    with pytest.raises(Http404):
        access_plan(stranger, plan.public_id)


def test_consent_needs_the_date_it_was_given(personas) -> None:
    carer = personas.person.carer_records.get()
    with pytest.raises(Exception, match="date"):
        services.record_sharing(
            carer=carer,
            by=personas.practitioner_a,
            version=carer.version,
            details=SharingDetails("", True, None),
        )


def test_read_only_roles_read_and_change_nothing(personas) -> None:
    plan = _plan(personas)
    for reader in (personas.inspector, personas.quality_lead, personas.dpo):
        assert access_plan(reader, plan.public_id) == plan
        with pytest.raises(PermissionDenied):
            access_plan(reader, plan.public_id, action=Action.CHANGE)
    with pytest.raises(PermissionDenied):  # as everywhere: access has ended
        access_plan(personas.expired_inspector, plan.public_id)


def test_roles_with_no_business_are_refused(personas) -> None:
    plan = _plan(personas)
    for user in (
        personas.finance_officer,
        personas.panel_member,
        personas.administrator,
    ):
        with pytest.raises(PermissionDenied):
            access_plan(user, plan.public_id)


def test_the_subject_access_export_holds_the_carers_own_records(personas) -> None:
    mine = subject_access.export_person(personas.person)
    titles = {s["title"]: s["records"] for s in mine["sections"]}
    assert titles["Carer support plans and statements"]
    assert titles["Breaks from caring"]
    assert titles["Hospital discharge notices"]
    theirs = subject_access.export_person(_donald(personas))
    held = {s["title"] for s in theirs["sections"] if s["records"]}
    assert "Carer support plans and statements" not in held

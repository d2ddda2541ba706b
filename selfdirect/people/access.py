"""The one chokepoint for reaching people's records, in every app.

It answers two questions for every person-linked record.

Whose records may this user see, for this purpose? Lists ask `visible_to(user,
purpose)`, on `Person.objects` and on the default manager of every model that points
at a person, directly or through its parent (`PersonRecordQuerySet`). Whose records
each role reaches for each `Purpose` is one table, `accounts.roles.REACH`.

May this user take this action on this record? `access_person()`,
`access_person_record()` and `access_record()`, in this order:

1. the role must hold what the action needs for the purpose (`accounts.roles.NEEDS`),
   or the answer is 403, naming who could;
2. the record is looked for through the person's visibility for the purpose: a record
   the user may not see answers 404, exactly as a missing one does;
3. the read is written to the access log.

Each app's `permissions.py` holds thin `access_<noun>()` wrappers over these.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar, cast

from django.db import models
from django.db.models import F
from django.http import Http404

from selfdirect.accounts.access import require, require_action
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.audit.services import log_access, log_organisation_access

from .access_requests import person_id_in
from .models import Person, PersonRecordQuerySet
from .models.organisation import organisation_reached

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

R = TypeVar("R", bound=models.Model)


def access_person(
    user: User,
    person_id: uuid.UUID | str,
    *,
    purpose: Purpose = Purpose.PRACTICE,
    action: Action = Action.VIEW,
    page: str = "",
) -> Person:
    """Fetch a person for this purpose and action: 403 for a role with no business,
    404 for a person out of reach or missing; the access is logged."""
    require_action(user, purpose, action)
    person = (
        Person.objects.visible_to(user, purpose).filter(public_id=person_id).first()
    )
    if person is None:
        raise Http404("No such person")
    log_access(user=user, person_id=person.pk, page=page, action=action.logged_as)
    return person


def access_person_record(
    user: User,
    person_id: uuid.UUID | str,
    records: PersonRecordQuerySet[R],
    record_id: uuid.UUID | str,
    *,
    purpose: Purpose = Purpose.PRACTICE,
    action: Action = Action.VIEW,
    page: str = "",
) -> R:
    """Fetch one of a person's records (from `records`, by its public id) through
    `access_person()`: 404 when either is out of reach or missing."""
    person = access_person(user, person_id, purpose=purpose, action=action, page=page)
    return record_of(person, records, record_id)


def record_of(
    person: Person, records: PersonRecordQuerySet[R], record_id: uuid.UUID | str
) -> R:
    """One of the person's records, by its public id: 404 when it is not theirs or
    not there. It checks nothing else: call it only with a person from
    `access_person()`."""
    record = records.of_person(person).filter(public_id=record_id).first()
    if record is None:
        raise Http404("No such record")
    if records.person_path == "person":
        record.person = person  # type: ignore[attr-defined]  # as person.<related> would
    return record


def access_record(
    user: User,
    records: PersonRecordQuerySet[R],
    record_id: uuid.UUID | str,
    *,
    purpose: Purpose,
    action: Action = Action.VIEW,
    page: str = "",
) -> R:
    """Fetch a record addressed by its own public id, not its person's (the panel's
    pages): 403 for a role with no business, 404 when out of reach or missing; the
    access is logged against its person."""
    require_action(user, purpose, action)
    found = (
        records.visible_to(user, purpose)
        .filter(public_id=record_id)
        .annotate(accessed_person_pk=F(records.person_path))
        .first()
    )
    if found is None:
        raise Http404("No such record")
    person_pk = found.accessed_person_pk  # type: ignore[attr-defined]
    log_access(user=user, person_id=person_pk, page=page, action=action.logged_as)
    return cast("R", found)


def access_organisation_record(
    user: User,
    records: models.QuerySet[R],
    record_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> R:
    """Fetch an independent organisation's record by its public id, for its own
    staff only (`Purpose.INDEPENDENT`): 403 for every council role and for a worker
    asking a manager's action, 404 for another organisation's record or a missing
    one; the access is written to the organisation's access log, and to the
    person's too when the record is the council's (a referral received)."""
    require_action(user, Purpose.INDEPENDENT, action)
    organisation_id = organisation_reached(user, Purpose.INDEPENDENT)
    visible = records.visible_to(user, Purpose.INDEPENDENT)  # type: ignore[attr-defined]
    found = visible.filter(public_id=record_id).first()
    if found is None or organisation_id is None:
        raise Http404("No such record")
    log_organisation_access(
        user=user,
        organization_id=organisation_id,
        record_type=found._meta.label,
        record_id=found.public_id,
        page=page,
        action=action.logged_as,
    )
    if getattr(records, "council_record", False):
        log_access(
            user=user, person_id=found.person_id, page=page, action=action.logged_as
        )
    return cast("R", found)


def access_person_by_reference(user: User, reference: str) -> Person:
    """The person a duplicate check found for this user, by the reference it
    signed for them (`access_requests.reference_for`), to ask for access to or
    open in an emergency: 403 for a role that may not ask, 404 for a reference
    that is not theirs, has expired or names nobody. Nothing is logged here: the
    request or the emergency opening is."""
    require(user, Capability.ASK_ACCESS)
    person_id = person_id_in(reference, user=user)
    person = Person.objects.filter(public_id=person_id).first() if person_id else None
    if person is None:
        raise Http404("No such person")
    return person

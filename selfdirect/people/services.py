"""Practitioner actions on people's records. Each is one transaction with history."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.accounts.models import Locality, Team, User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new_or_refuse, save_versioned
from selfdirect.core.details import field_values

from . import rules
from .models import Allocation, FirstContact, Person, Relationship, ServiceGroup
from .selectors import chi_holder


@dataclass(frozen=True)
class PersonDetails:
    """Who the person is, how to reach them and communicate with them, and whether
    they agreed to share their information."""

    first_name: str
    last_name: str
    date_of_birth: datetime.date
    preferred_name: str = ""
    chi_number: str | None = None
    address: str = ""
    postcode: str = ""
    locality: Locality | None = None
    phone: str = ""
    communication_needs: str = ""
    preferred_language: str = ""
    consent_to_share: str = Person.Consent.NOT_ASKED
    consent_recorded_on: datetime.date | None = None


@dataclass(frozen=True)
class RelationshipDetails:
    """Someone in the person's life: who they are to the person and how to reach
    them, linked to their own record if they have one."""

    kind: str
    name: str = ""
    description: str = ""
    contact: str = ""
    lives_with_person: bool = False
    related_person: Person | None = None


@dataclass(frozen=True)
class FirstContactDetails:
    """A first contact: who got in touch and why, what matters to the person,
    whether SDS was discussed, the outcome and when to follow up."""

    contact_date: datetime.date
    made_by: str
    reason: str
    sds_discussed: bool
    outcome: str
    made_by_name: str = ""
    what_matters: str = ""
    sds_not_discussed_reason: str = ""
    follow_up_due: datetime.date | None = None


def _with_keys(person: Person) -> list[str]:
    person.postcode = rules.normalise_postcode(person.postcode)
    person.last_name_key = rules.name_key(person.last_name)
    person.first_name_key = rules.name_key(person.first_name)
    person.preferred_name_key = rules.name_key(person.preferred_name)
    return ["postcode", "last_name_key", "first_name_key", "preferred_name_key"]


def _check_chi_free(chi: str | None, *, exclude_pk: int | None = None) -> None:
    """A CHI number is held once. The refusal says only that a record exists,
    never who holds it (that could tell which services know the person)."""
    if chi and chi_holder(chi, exclude_pk=exclude_pk) is not None:
        raise ValidationError(
            {
                "chi_number": _(
                    "A record with this CHI number already exists in the "
                    "partnership. Ask for access to it instead of adding the "
                    "person again."
                )
            }
        )


@transaction.atomic
def add_person(
    *,
    by: User,
    team: Team,
    details: PersonDetails,
    service_groups: list[ServiceGroup],
    allocated_on: datetime.date | None = None,
) -> Person:
    """Add a person and allocate them to the adding worker's team, from today or
    from `allocated_on` (a carer identified earlier is the team's from then)."""
    _check_chi_free(details.chi_number)
    person = Person(**field_values(details))
    _with_keys(person)
    person._history_user = by  # type: ignore[attr-defined]
    person.save()
    person.service_groups.set(service_groups)
    allocation = Allocation(
        person=person,
        team=team,
        worker=by,
        started_on=allocated_on or timezone.localdate(),
    )
    allocation._history_user = by  # type: ignore[attr-defined]
    allocation.save()
    record_event(actor=by, action="person.added", person_id=person.pk)
    return person


@transaction.atomic
def update_person(
    *,
    person: Person,
    by: User,
    version: int,
    details: PersonDetails,
    status: str,
    service_groups: list[ServiceGroup],
) -> Person:
    """Change a person's details and whether the record is open, refusing if
    someone saved since `version`."""
    _check_chi_free(details.chi_number, exclude_pk=person.pk)
    values = {**field_values(details), "status": status}
    for name, value in values.items():
        setattr(person, name, value)
    key_fields = _with_keys(person)
    person._history_user = by  # type: ignore[attr-defined]
    save_versioned(person, expected_version=version, fields=[*values, *key_fields])
    if set(person.service_groups.all()) != set(service_groups):
        person.service_groups.set(service_groups)
    return person


@transaction.atomic
def allocate_person(
    *,
    person: Person,
    by: User,
    team: Team,
    worker: User | None,
    started_on: datetime.date,
) -> Allocation:
    """Allocate a person to a team (and worker), ending their open allocations."""
    if worker is not None and not worker.teams.filter(pk=team.pk).exists():
        raise ValidationError(
            {
                "worker": _("%(worker)s is not a member of %(team)s.")
                % {"worker": worker, "team": team}
            }
        )
    for current in person.allocations.filter(ended_on__isnull=True):
        current.ended_on = max(
            started_on - datetime.timedelta(days=1), current.started_on
        )
        current._history_user = by  # type: ignore[attr-defined]
        save_versioned(current, expected_version=current.version, fields=["ended_on"])
    allocation = Allocation(
        person=person, team=team, worker=worker, started_on=started_on
    )
    return save_new_or_refuse(
        allocation,
        by,
        refusal=_(
            "Someone else changed this person's allocation at the same time. "
            "Check who they are allocated to now, then try again."
        ),
    )


@transaction.atomic
def add_relationship(
    *, person: Person, by: User, details: RelationshipDetails
) -> Relationship:
    """Record someone in the person's life, such as an unpaid carer."""
    relationship = Relationship(person=person, **field_values(details))
    if relationship.related_person_id == person.pk:
        raise ValidationError(
            {"related_person": _("A person cannot be related to themself.")}
        )
    relationship._history_user = by  # type: ignore[attr-defined]
    relationship.save()
    return relationship


@transaction.atomic
def record_first_contact(
    *,
    person: Person,
    by: User,
    team: Team,
    details: FirstContactDetails,
    signposted_to: list[str],
    services: Sequence[Any] = (),
) -> FirstContact:
    """Record a first contact and the community supports the person was signposted
    to: directory services (linked) and others named in free text."""
    contact = FirstContact(
        person=person, team=team, recorded_by=by, **field_values(details)
    )
    contact._history_user = by  # type: ignore[attr-defined]
    contact.save()
    supports = [(s, s.name[:200]) for s in services]
    supports += [(None, name) for name in signposted_to]
    for service, name in supports:
        signposting = contact.signpostings.model(
            first_contact=contact, service=service, support_name=name
        )
        signposting._history_user = by  # type: ignore[attr-defined]
        signposting.save()
    return contact


@transaction.atomic
def record_follow_up(
    *,
    contact: FirstContact,
    by: User,
    version: int,
    followed_up_on: datetime.date,
    result: str,
    notes: str,
    used: dict[int, bool | None],
    met: dict[int, bool | None] | None = None,
) -> FirstContact:
    """Record what came of signposting, refusing if someone saved since `version`."""
    contact.followed_up_on = followed_up_on
    contact.follow_up_result = result
    contact.follow_up_notes = notes
    contact._history_user = by  # type: ignore[attr-defined]
    save_versioned(
        contact,
        expected_version=version,
        fields=["followed_up_on", "follow_up_result", "follow_up_notes"],
    )
    met = met or {}
    for signposting in contact.signpostings.filter(pk__in=[*used, *met]):
        signposting.used_it = used.get(signposting.pk, signposting.used_it)
        signposting.need_met = met.get(signposting.pk, signposting.need_met)
        signposting._history_user = by  # type: ignore[attr-defined]
        signposting.save(update_fields=["used_it", "need_met", "updated_at"])
    return contact


_MERGE_FILLS = [
    "preferred_name",
    "chi_number",
    "address",
    "postcode",
    "locality",
    "phone",
    "communication_needs",
]


def _end_open_allocations(duplicate: Person, keep: Person, by: User) -> None:
    """A person has one open allocation: the kept record's stays open, and the
    duplicate's ends the day before the merge (or the day it started)."""
    if not keep.allocations.filter(ended_on__isnull=True).exists():
        return
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for open_one in duplicate.allocations.filter(ended_on__isnull=True):
        open_one.ended_on = max(yesterday, open_one.started_on)
        open_one._history_user = by  # type: ignore[attr-defined]
        save_versioned(open_one, expected_version=open_one.version, fields=["ended_on"])


def _move(row: Any, field: str) -> None:
    """Save a record moved to the kept person; refuse the merge if the kept person
    may have only one of it (a database "only one" constraint)."""
    try:
        with transaction.atomic():
            row.save(update_fields=[field])
    except IntegrityError as error:
        raise ValidationError(
            _(
                "These records cannot be merged: both have an active %(record)s, "
                "and a person can have only one. End one of them, then merge."
            )
            % {"record": type(row)._meta.verbose_name}
        ) from error


@transaction.atomic
def merge_people(*, keep: Person, duplicate: Person, by: User) -> Person:
    """Merge a duplicate record into `keep`: every related record moves across,
    blanks in `keep` are filled from the duplicate, and the duplicate stays (marked
    merged) so the history of both is kept."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different records to merge."))
    if Person.Status.MERGED in (keep.status, duplicate.status):
        raise ValidationError(_("One of these records has already been merged."))
    _end_open_allocations(duplicate, keep, by)
    moved = {}
    for relation in Person._meta.related_objects:
        if (
            not relation.one_to_many
            or relation.related_model._meta.app_label == "audit"
        ):
            continue
        field = relation.field.name
        rows = list(
            relation.related_model._default_manager.filter(**{field: duplicate})
        )
        for row in rows:
            setattr(row, field, keep)
            row._history_user = by  # type: ignore[attr-defined]
            _move(row, field)
        moved[relation.related_model._meta.verbose_name_plural] = len(rows)
    filled = [f for f in _MERGE_FILLS if not getattr(keep, f) and getattr(duplicate, f)]
    values = {f: getattr(duplicate, f) for f in filled}
    duplicate.status = Person.Status.MERGED
    duplicate.merged_into = keep
    duplicate.chi_number = None if "chi_number" in filled else duplicate.chi_number
    duplicate._history_user = by  # type: ignore[attr-defined]
    save_versioned(
        duplicate,
        expected_version=duplicate.version,
        fields=["status", "merged_into", "chi_number"],
    )
    for name, value in values.items():
        setattr(keep, name, value)
    keep._history_user = by  # type: ignore[attr-defined]
    save_versioned(keep, expected_version=keep.version, fields=filled)
    keep.service_groups.add(*duplicate.service_groups.all())
    counts = {str(k): v for k, v in moved.items() if v}
    record_event(
        actor=by,
        action="person.merged",
        person_id=keep.pk,
        merged=str(duplicate.public_id),
        moved=counts,
        filled=filled,
    )
    record_event(
        actor=by,
        action="person.merged_away",
        person_id=duplicate.pk,
        into=str(keep.public_id),
    )
    return keep

"""Saving demo people in bulk (with creation history) and removing them."""

import datetime
from collections import Counter
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

from selfdirect.accounts.models import Locality, Partnership, Team, User
from selfdirect.audit.models import AccessLog, AccessRefusal, AuditEvent
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert
from selfdirect.demo.people import data
from selfdirect.demo.stages import STAGES
from selfdirect.people.models import (
    Allocation,
    FirstContact,
    Person,
    Relationship,
    Signposting,
)

from .drafts import Draft, World
from .makers import BATCH_SIZE


def save_batch(
    drafts: list[Draft], world: World, now: datetime.datetime
) -> Counter[str]:
    """Bulk-insert a batch of drafts and a creation ('+') history row for each row."""
    people = [draft.person for draft in drafts]
    contacts = [c for d in drafts for c in d.contacts]
    rows: Counter[str] = Counter()
    tables: list[tuple[str, type[models.Model], list[Any]]] = [
        ("people", Person, people),
        ("allocations", Allocation, [a for d in drafts for a in d.allocations]),
        ("relationships", Relationship, [r for d in drafts for r in d.relationships]),
        ("first contacts", FirstContact, contacts),
        ("signpostings", Signposting, [s for d in drafts for s in d.signpostings]),
    ]
    for label, model, objs in tables:
        insert(model, objs)
        rows[label] += len(objs)
        rows["history rows"] += copy_to_history(model, [obj.pk for obj in objs], now)
        if model is Person:
            _save_service_groups(drafts, world)
    rows["follow-ups to do"] += sum(c.follow_up_outstanding for c in contacts)
    return rows


def _save_service_groups(drafts: list[Draft], world: World) -> None:
    """Person-service group links, also recorded on each person's creation history."""
    through = Person.service_groups.through
    insert(
        through,
        [
            through(person_id=draft.person.pk, servicegroup_id=world.groups[code])
            for draft in drafts
            for code in draft.groups
        ],
    )
    copy_m2m_to_history(Person, "service_groups", [d.person.pk for d in drafts])


def delete_demo_data() -> None:
    """Delete the demo partnership, everything about its people, and demo staff."""
    partnership = Partnership.objects.filter(code=data.PARTNERSHIP_CODE).first()
    if partnership is not None:
        in_partnership = Q(locality__partnership=partnership) | Q(
            allocations__team__locality__partnership=partnership
        )
        ids = list(
            Person.objects.filter(in_partnership)
            .values_list("pk", flat=True)
            .distinct()
        )
        for start in range(0, len(ids), BATCH_SIZE):
            _delete_people(ids[start : start + BATCH_SIZE])
    staff = User.objects.filter(email__endswith=f"@{data.DEMO_EMAIL_DOMAIN}")
    # What demo staff did outside people's records (signing in, refusals) goes too.
    AuditEvent.objects.filter(actor__in=staff).delete()
    AccessRefusal.objects.filter(user__in=staff).delete()
    staff.delete()
    if partnership is not None:
        Team.objects.filter(locality__partnership=partnership).delete()
        Locality.objects.filter(partnership=partnership).delete()
        partnership.delete()


def _delete_people(ids: list[int]) -> None:
    for stage in STAGES:
        stage.delete(ids)
    # Raw deletes: the ORM's delete() would load every row and write a '-' history
    # row for each, which is slow and pointless for demo data. Children go first;
    # foreign keys are checked at commit, so the order within a chunk is safe.
    contacts = FirstContact.objects.filter(person_id__in=ids).values("pk")
    related = Q(person_id__in=ids) | Q(related_person_id__in=ids)
    link_history = apps.get_model("people", "HistoricalPerson_service_groups")
    for queryset in (
        Signposting.history.filter(first_contact_id__in=contacts),
        Signposting.objects.filter(first_contact__person_id__in=ids),
        FirstContact.history.filter(person_id__in=ids),
        FirstContact.objects.filter(person_id__in=ids),
        Relationship.history.filter(related),
        Relationship.objects.filter(related),
        Allocation.history.filter(person_id__in=ids),
        Allocation.objects.filter(person_id__in=ids),
        AccessLog.objects.filter(person_id__in=ids),
        AuditEvent.objects.filter(person_id__in=ids),
        link_history.objects.filter(person_id__in=ids),
        Person.service_groups.through.objects.filter(person_id__in=ids),
        Person.history.filter(id__in=ids),
        Person.objects.filter(pk__in=ids),
    ):
        queryset._raw_delete(queryset.db)

"""The one chokepoint for reaching people's records.

Lists go through `Person.objects.visible_to(user)`; single records through
`access_person()` and friends, which also write the access log. A record the
user may not see answers 404, exactly as a missing one does.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from selfdirect.accounts.roles import PARTNERSHIP_READERS, TEAM_SCOPED, Capability
from selfdirect.audit.services import log_access

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

    from .models import FirstContact, Person


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User) -> PersonQuerySet:
        """People this user may see: their teams' allocations, or all for readers."""
        if not user.is_authenticated or not user.can(Capability.VIEW_PEOPLE):
            return self.none()
        if user.role in PARTNERSHIP_READERS:
            return self
        if user.role in TEAM_SCOPED:
            return self.filter(Exists(current_team_allocations(user.team_ids())))
        return self.none()

    def active(self) -> PersonQuerySet:
        return self.exclude(status="merged")


def current_team_allocations(team_ids: list[int]) -> models.QuerySet:  # type: ignore[type-arg]
    """Allocations of the outer person to any of these teams that are open today."""
    from .models import Allocation

    today = timezone.localdate()
    return Allocation.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today),
        person=OuterRef("pk"),
        team_id__in=team_ids,
        started_on__lte=today,
    )


def require(user: User, capability: Capability) -> None:
    """Refuse (403) a user whose role has no business with this capability."""
    if not user.can(capability):
        raise PermissionDenied(capability)


def access_person(
    user: User, public_id: uuid.UUID | str, *, action: str = "view", page: str = ""
) -> Person:
    """Fetch a person the user may see (404 otherwise) and log the access."""
    from .models import Person

    require(user, Capability.VIEW_PEOPLE)
    person = Person.objects.visible_to(user).filter(public_id=public_id).first()
    if person is None:
        raise Http404("No such person")
    if action == "change":
        require(user, Capability.CHANGE_PEOPLE)
    log_access(user=user, person_id=person.pk, page=page, action=action)
    return person


def access_person_record(
    user: User,
    person_id: uuid.UUID | str,
    related: str,
    record_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> Any:
    """Fetch one of a person's records (by the person's related name and its public
    id) through the person's access check: 404 when either is not there."""
    person = access_person(user, person_id, action=action, page=page)
    record = getattr(person, related).filter(public_id=record_id).first()
    if record is None:
        raise Http404("No such record")
    return record


def access_first_contact(
    user: User,
    person_id: uuid.UUID | str,
    contact_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> FirstContact:
    """Fetch a first contact through its person's access check."""
    contact: FirstContact = access_person_record(
        user, person_id, "first_contacts", contact_id, action=action, page=page
    )
    return contact

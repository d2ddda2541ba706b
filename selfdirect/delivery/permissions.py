"""Who may reach a person's delivery and finance records.

- Finance officers (SEE_FINANCE, partnership-wide): every person in the partnership,
  but only through these pages: they hold no VIEW_PEOPLE, so the person page and the
  conversation pages stay closed (403) to them.
- Team managers and quality leads (SEE_FINANCE too): the people they may already
  see (`Person.objects.visible_to`), so finance adds no one to what they see.
- Anyone who may see people's records (VIEW_PEOPLE: practitioners for their teams;
  inspectors, quality leads and data protection officers partnership-wide) may read
  them, as part of the person's record.
- Team-scoped practitioners (PLAN_SUPPORT) set up agreements, funds and arranged
  services for their own teams' people.
- Payments, monitoring returns and surplus recovery need RECORD_FINANCE.

A person outside what the user may see answers 404, exactly like a missing one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from selfdirect.accounts.roles import Capability, Role
from selfdirect.audit.services import log_access
from selfdirect.people.models import Person

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

# Roles that see the delivery records of everyone in the partnership.
PARTNERSHIP_FINANCE = frozenset({Role.FINANCE_OFFICER})

# What each action on a person's delivery records needs (any one of).
NEEDS: dict[str, tuple[Capability, ...]] = {
    "view": (Capability.SEE_FINANCE, Capability.VIEW_PEOPLE),
    "set_up": (Capability.PLAN_SUPPORT, Capability.RECORD_FINANCE),
    "record": (Capability.RECORD_FINANCE,),
}


def may(user: User, action: str) -> bool:
    """Whether the user's role may take this action on someone's delivery records."""
    return any(user.can(capability) for capability in NEEDS[action])


def finance_people(user: User) -> QuerySet[Person]:
    """The people whose delivery records this user may see."""
    if not may(user, "view"):
        return Person.objects.none()
    if user.role in PARTNERSHIP_FINANCE:
        return Person.objects.active()
    return Person.objects.visible_to(user)


def access_person_finance(
    user: User, person_id: uuid.UUID | str, *, action: str = "view", page: str = ""
) -> Person:
    """Fetch a person for their delivery pages: 403 for a role with no business,
    404 for a person out of reach; the read is written to the access log."""
    if not may(user, action):
        raise PermissionDenied(NEEDS[action][0])
    person = finance_people(user).filter(public_id=person_id).first()
    if person is None:
        raise Http404("No such person")
    log_access(
        user=user,
        person_id=person.pk,
        page=page,
        action="view" if action == "view" else "change",
    )
    return person


def access_finance_record(
    user: User,
    person_id: uuid.UUID | str,
    queryset: Any,
    record_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> tuple[Person, Any]:
    """Fetch one of a person's delivery records through the person's check; the
    queryset says where to look and its `person` lookup is applied here."""
    person = access_person_finance(user, person_id, action=action, page=page)
    record = queryset(person).filter(public_id=record_id).first()
    if record is None:
        raise Http404("No such record")
    return person, record

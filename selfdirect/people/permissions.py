"""Access to first contacts and requests for access goes through the chokepoint."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Action, Purpose

from .access import access_person_record, access_record
from .models import AccessRequest, FirstContact, Person

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_first_contact(
    user: User,
    person_id: uuid.UUID | str,
    contact_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> FirstContact:
    """Fetch a first contact through its person's access check."""
    return access_person_record(
        user,
        person_id,
        FirstContact.objects.all(),
        contact_id,
        action=action,
        page=page,
    )


def access_request_to_decide(
    user: User, request_id: uuid.UUID | str, *, page: str = ""
) -> AccessRequest:
    """A request for access to one of the user's teams' people, for its manager to
    decide: 403 for anyone but a team manager, 404 for a request about a person
    their teams do not hold."""
    asked_of_my_teams = AccessRequest.objects.filter(
        kind=AccessRequest.Kind.ASKED,
        person__in=Person.objects.allocated_to(user.team_ids()),
    ).select_related("person", "requested_by", "decided_by")
    return access_record(
        user,
        asked_of_my_teams,
        request_id,
        purpose=Purpose.PRACTICE,
        action=Action.DECIDE,
        page=page,
    )


def access_break_glass(
    user: User, request_id: uuid.UUID | str, *, page: str = ""
) -> AccessRequest:
    """An emergency opening of a record, for the data protection officer to review."""
    openings = AccessRequest.objects.filter(
        kind=AccessRequest.Kind.BREAK_GLASS
    ).select_related("person", "requested_by", "reviewed_by")
    return access_record(
        user,
        openings,
        request_id,
        purpose=Purpose.DATA_PROTECTION,
        action=Action.DECIDE,
        page=page,
    )

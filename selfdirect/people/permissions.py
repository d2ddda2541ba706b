"""Access to first contacts goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Action

from .access import access_person_record
from .models import FirstContact

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

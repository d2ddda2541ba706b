"""Access to conversation records goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Action
from selfdirect.people.access import access_person_record

from .models import Conversation

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_conversation(
    user: User,
    person_id: uuid.UUID | str,
    conversation_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> Conversation:
    """Fetch a conversation record the user may see (404 otherwise), logging the read."""
    return access_person_record(
        user,
        person_id,
        Conversation.objects.select_related(
            "person", "eligibility_level", "team", "recorded_by"
        ),
        conversation_id,
        action=action,
        page=page,
    )

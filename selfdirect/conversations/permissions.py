"""Access to conversation records goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from selfdirect.people.permissions import access_person

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

    from .models import Conversation


def access_conversation(
    user: User,
    person_id: uuid.UUID | str,
    conversation_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> Conversation:
    """Fetch a conversation record the user may see (404 otherwise), logging the read."""
    person = access_person(user, person_id, action=action, page=page)
    conversation = (
        person.conversations.filter(public_id=conversation_id)
        .select_related("person", "eligibility_level", "team", "recorded_by")
        .first()
    )
    if conversation is None:
        raise Http404("No such conversation")
    return conversation

"""Access to choice records goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Action
from selfdirect.people.access import access_person_record

from .models import DirectPaymentCheck, IndependentSupport, SupportChoice

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_independent_support(
    user: User,
    person_id: uuid.UUID | str,
    support_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> IndependentSupport:
    """Fetch an independent support record the user may see (404 otherwise)."""
    return access_person_record(
        user,
        person_id,
        IndependentSupport.objects.all(),
        support_id,
        action=action,
        page=page,
    )


def access_choice(
    user: User,
    person_id: uuid.UUID | str,
    choice_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> SupportChoice:
    """Fetch a choice the user may see (404 otherwise), logging the read."""
    return access_person_record(
        user,
        person_id,
        SupportChoice.objects.all(),
        choice_id,
        action=action,
        page=page,
    )


def access_direct_payment_check(
    user: User,
    person_id: uuid.UUID | str,
    check_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> DirectPaymentCheck:
    """Fetch an Option 1 check the user may see (404 otherwise), logging the read."""
    return access_person_record(
        user,
        person_id,
        DirectPaymentCheck.objects.all(),
        check_id,
        action=action,
        page=page,
    )

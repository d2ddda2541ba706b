"""Access to choice records goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.people.permissions import access_person_record

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

    from .models import DirectPaymentCheck, IndependentSupport, SupportChoice


def access_independent_support(
    user: User, person_id: uuid.UUID | str, support_id: uuid.UUID | str, **kwargs: str
) -> IndependentSupport:
    """Fetch an independent support record the user may see (404 otherwise)."""
    record: IndependentSupport = access_person_record(
        user, person_id, "independent_support", support_id, **kwargs
    )
    return record


def access_choice(
    user: User, person_id: uuid.UUID | str, choice_id: uuid.UUID | str, **kwargs: str
) -> SupportChoice:
    """Fetch a choice the user may see (404 otherwise), logging the read."""
    record: SupportChoice = access_person_record(
        user, person_id, "support_choices", choice_id, **kwargs
    )
    return record


def access_direct_payment_check(
    user: User, person_id: uuid.UUID | str, check_id: uuid.UUID | str, **kwargs: str
) -> DirectPaymentCheck:
    """Fetch an Option 1 check the user may see (404 otherwise), logging the read."""
    record: DirectPaymentCheck = access_person_record(
        user, person_id, "direct_payment_checks", check_id, **kwargs
    )
    return record

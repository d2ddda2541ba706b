"""Access to choice records goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from selfdirect.people.permissions import access_person

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

    from .models import DirectPaymentCheck, IndependentSupport, SupportChoice


def access_independent_support(
    user: User,
    person_id: uuid.UUID | str,
    support_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> IndependentSupport:
    """Fetch an independent support record the user may see (404 otherwise)."""
    person = access_person(user, person_id, action=action, page=page)
    support = person.independent_support.filter(public_id=support_id).first()
    if support is None:
        raise Http404("No such record")
    return support


def access_choice(
    user: User,
    person_id: uuid.UUID | str,
    choice_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> SupportChoice:
    """Fetch a choice the user may see (404 otherwise), logging the read."""
    person = access_person(user, person_id, action=action, page=page)
    choice = person.support_choices.filter(public_id=choice_id).first()
    if choice is None:
        raise Http404("No such choice")
    return choice


def access_direct_payment_check(
    user: User,
    person_id: uuid.UUID | str,
    check_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> DirectPaymentCheck:
    """Fetch an Option 1 check the user may see (404 otherwise), logging the read."""
    person = access_person(user, person_id, action=action, page=page)
    check = person.direct_payment_checks.filter(public_id=check_id).first()
    if check is None:
        raise Http404("No such record")
    return check

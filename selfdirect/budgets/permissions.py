"""Access to budgets goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.people.access import access_person, access_person_record

from .models import IndicativeBudget

if TYPE_CHECKING:
    from selfdirect.accounts.models import User
    from selfdirect.people.models import Person


def access_budget(
    user: User,
    person_id: uuid.UUID | str,
    budget_id: uuid.UUID | str,
    *,
    page: str = "",
) -> IndicativeBudget:
    """Fetch a person's budget the user may see (404 otherwise), logging the read."""
    return access_person_record(
        user, person_id, IndicativeBudget.objects.all(), budget_id, page=page
    )


def access_person_to_set_budget(
    user: User, person_id: uuid.UUID | str, *, page: str = ""
) -> Person:
    """Fetch a person to work out a budget for: the user needs SET_BUDGET (403)
    and the person on their team's caseload (404)."""
    require(user, Capability.SET_BUDGET)
    return access_person(user, person_id, action=Action.CHANGE, page=page)

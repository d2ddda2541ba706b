"""Access to support plans goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.people.access import access_person_record

from .models import PlanOutcome, Support, SupportPlan

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_plan(
    user: User,
    person_id: uuid.UUID | str,
    plan_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> SupportPlan:
    """Fetch a support plan the user may see (404 otherwise), logging the read;
    changing it also needs the right to write support plans (403 otherwise)."""
    plan = access_person_record(
        user, person_id, SupportPlan.objects.all(), plan_id, action=action, page=page
    )
    if action == Action.CHANGE:
        require(user, Capability.PLAN_SUPPORT)
    return plan


def access_plan_outcome(
    user: User,
    person_id: uuid.UUID | str,
    plan_id: uuid.UUID | str,
    outcome_id: int,
    *,
    page: str = "",
) -> PlanOutcome:
    """Fetch an outcome of a plan the user may change (404 when either is missing)."""
    plan = access_plan(user, person_id, plan_id, action=Action.CHANGE, page=page)
    outcome = plan.outcomes.filter(pk=outcome_id).first()
    if outcome is None:
        raise Http404("No such outcome")
    outcome.plan = plan
    return outcome


def access_support(
    user: User,
    person_id: uuid.UUID | str,
    plan_id: uuid.UUID | str,
    support_id: int,
    *,
    page: str = "",
) -> Support:
    """Fetch a support of a plan the user may change (404 when either is missing)."""
    plan = access_plan(user, person_id, plan_id, action=Action.CHANGE, page=page)
    support = plan.supports.filter(pk=support_id).first()
    if support is None:
        raise Http404("No such support")
    support.plan = plan
    return support

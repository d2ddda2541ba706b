"""Reads for (i) support through the options and (j) signposting on a carer's
plan, and the list of signposting follow-ups due."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from selfdirect.accounts.roles import Purpose
from selfdirect.budgets.models import BudgetMethod
from selfdirect.budgets.selectors import current_methods
from selfdirect.core.dates import add_days
from selfdirect.people.models import Person

from . import support_rules
from .models import CarerPlan, CarerSignposting

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

FOLLOW_UP_AHEAD_DAYS = 14  # as the first-contact follow-ups list


def carers_method(on: datetime.date) -> BudgetMethod | None:
    """The budget method kept for carers in use on a day (points-based first)."""
    methods = current_methods(on, for_carers=True)
    return methods.get(BudgetMethod.Kind.RAS) or methods.get(
        BudgetMethod.Kind.EQUIVALENCE
    )


def support_detail(plan: CarerPlan) -> dict[str, Any]:
    """(i) and (j) for the plan page and the carer's copy."""
    supports = list(plan.supports.all())
    budget = plan.budget
    amounts = [s.yearly_amount for s in supports]
    return {
        "budget": budget,
        "supports": supports,
        "overall_option": support_rules.plan_option(s.option for s in supports),
        "support_total": sum((a for a in amounts if a is not None), Decimal(0)),
        "over_budget": support_rules.over_budget(
            amounts, budget.amount if budget else None
        ),
        "signpostings": list(plan.signpostings.select_related("service")),
    }


def may_open_budget(user: User, plan: CarerPlan) -> bool:
    """Whether the user reaches the carer's own record (where the budget's
    workings are): not the cared-for person's worker reading by consent."""
    return (
        Person.objects.visible_to(user, Purpose.PRACTICE)
        .filter(pk=plan.carer.person_id)
        .exists()
    )


def signposting_follow_ups_due(
    user: User, *, on: datetime.date | None = None
) -> QuerySet[CarerSignposting]:
    """Carers' signposting not yet followed up, due within 14 days or past, for
    carers the user reaches, oldest first."""
    day = on or timezone.localdate()
    return (
        CarerSignposting.objects.visible_to(user, Purpose.CARERS)
        .filter(followed_up_on__isnull=True)
        .filter(follow_up_due__lte=add_days(day, FOLLOW_UP_AHEAD_DAYS))
        .select_related("plan__carer__person")
        .order_by("follow_up_due", "id")
    )

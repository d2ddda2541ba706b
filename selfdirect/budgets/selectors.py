"""Reads of budget methods, delegated limits and budgets."""

import datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from selfdirect.people.models import Person

from .models import BudgetMethod, DelegatedLimit, IndicativeBudget


def methods_in_use(
    on: datetime.date, *, for_carers: bool = False
) -> QuerySet[BudgetMethod]:
    """The active methods valid on a date, newest first (not yet evaluated): for a
    person's own support, or (`for_carers`) those kept for carers' plans."""
    return BudgetMethod.objects.filter(
        active=True, valid_from__lte=on, for_carers=for_carers
    ).order_by("-valid_from", "-version")


def current_methods(
    on: datetime.date | None,
    methods: QuerySet[BudgetMethod] | None = None,
    *,
    for_carers: bool = False,
) -> dict[str, BudgetMethod]:
    """The method in use on a date for each kind that has one, in one query (none
    when given ``methods_in_use`` already read): for a person's own support, or
    (`for_carers`) those kept for carers' plans."""
    found: dict[str, BudgetMethod] = {}
    if methods is None:
        methods = methods_in_use(on or timezone.localdate(), for_carers=for_carers)
    for method in methods:
        found.setdefault(method.kind, method)
    return found


def current_method(
    kind: str, on: datetime.date, *, for_carers: bool = False
) -> BudgetMethod | None:
    """The newest active version of a kind of method in use on a date (for a
    person's own support, or `for_carers`)."""
    return (
        BudgetMethod.objects.filter(
            kind=kind, active=True, valid_from__lte=on, for_carers=for_carers
        )
        .order_by("-valid_from", "-version")
        .first()
    )


def delegated_limit(role: str, on: datetime.date) -> Decimal | None:
    """The yearly limit a role may set on its own authority on a date (None: no
    delegated authority, so every budget goes to panel)."""
    return (
        DelegatedLimit.objects.filter(role=role, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("yearly_amount", flat=True)
        .first()
    )


def limits_in_force(on: datetime.date) -> list[DelegatedLimit]:
    """The delegated limit of each role on a date."""
    rows = DelegatedLimit.objects.filter(valid_from__lte=on).order_by(
        "role", "-valid_from"
    )
    seen: dict[str, DelegatedLimit] = {}
    for row in rows:
        seen.setdefault(row.role, row)
    return list(seen.values())


def budgets_of(person: Person) -> QuerySet[IndicativeBudget]:
    """A person's budgets for their own support, newest first, with the method
    and who set them (a carer's budgets belong to their carer's plan)."""
    return person.indicative_budgets.own_support().select_related(
        "method", "recorded_by", "service_group"
    )

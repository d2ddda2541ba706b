"""Money at review: the plan's budget and cost set beside what the delivery records
show, for the time the plan has run (from its agreement to the review).

Everything is summed in the database: one query for the plan (budget and cost by
option, with conditional sums) and one for the person's delivery records (scalar
subqueries: direct payment agreements, payments and monitoring returns for
Option 1, individual service funds for Option 2, arranged services for Option 3).
The arithmetic on those few totals and the flags are in `money_flags`, a pure
function unit-tested on its own."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
    MonitoringReturn,
    Payment,
)
from selfdirect.people.models import Person
from selfdirect.plans.models import Support, SupportPlan

from .models import Review

ZERO = Decimal("0.00")
PENNY = Decimal("0.01")
MONEY = DecimalField(max_digits=12, decimal_places=2)
DAYS_IN_YEAR = Decimal(365)
# Differences under this share of the plan's figure are not flagged (setting
# REVIEW_MONEY_TOLERANCE_PERCENT; a partnership's own threshold is not verified).
TOLERANCE_PERCENT = 5


def tolerance_percent() -> Decimal:
    return Decimal(
        str(getattr(settings, "REVIEW_MONEY_TOLERANCE_PERCENT", TOLERANCE_PERCENT))
    )


def _pounds(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(PENNY)


@dataclass(frozen=True)
class OptionMoney:
    """One option: the plan's yearly cost beside the yearly amount the delivery
    records arrange (a direct payment, a fund, a service)."""

    option: int
    label: str
    planned: Decimal
    arranged: Decimal
    flagged: bool = False

    @property
    def difference(self) -> Decimal:
        return self.arranged - self.planned


@dataclass(frozen=True)
class MoneyAtReview:
    period_from: datetime.date
    period_to: datetime.date
    budget: Decimal | None
    planned_total: Decimal
    options: list[OptionMoney]
    paid: Decimal  # direct payments paid in the period
    expected_paid: Decimal  # the plan's Option 1 cost for the period
    surplus_reported: Decimal  # monitoring returns received in the period
    surplus_recovered: Decimal
    surplus_outstanding: Decimal  # to recover, not yet recovered, not kept
    flags: list[str] = field(default_factory=list)

    @property
    def budget_left(self) -> Decimal | None:
        """Budget not committed by the plan (negative: the plan costs more)."""
        return None if self.budget is None else self.budget - self.planned_total

    @property
    def any_delivery(self) -> bool:
        return bool(
            self.paid or self.surplus_reported or any(o.arranged for o in self.options)
        )


def _differs(planned: Decimal, actual: Decimal, tolerance: Decimal) -> bool:
    """More than `tolerance` percent apart (any difference when nothing was
    planned)."""
    allowed = abs(planned) * tolerance / 100
    return abs(actual - planned) > allowed


def money_flags(money: MoneyAtReview, tolerance: Decimal) -> list[str]:
    """The differences to talk about at the review, in plain English."""
    flags = []
    left = money.budget_left
    if left is not None and left < 0:
        flags.append(
            _("The plan costs £%(over)s a year more than the budget.") % {"over": -left}
        )
    flags.extend(
        _(
            "%(label)s: the plan says £%(planned)s a year; the delivery "
            "records arrange £%(arranged)s a year."
        )
        % {"label": row.label, "planned": row.planned, "arranged": row.arranged}
        for row in money.options
        if row.flagged
    )
    if (money.paid or money.expected_paid) and _differs(
        money.expected_paid, money.paid, tolerance
    ):
        flags.append(
            _(
                "Direct payments of £%(paid)s were paid since the plan was agreed; "
                "the plan's Option 1 cost for that time is £%(expected)s."
            )
            % {"paid": money.paid, "expected": money.expected_paid}
        )
    if money.surplus_outstanding > 0:
        flags.append(
            _(
                "Monitoring returns show a surplus of £%(surplus)s still to be "
                "recovered."
            )
            % {"surplus": money.surplus_outstanding}
        )
    return flags


def _sum(rows: QuerySet[Any], person_path: str, amount: str) -> Coalesce:
    """The sum of `amount` over the rows of the outer person (a scalar subquery)."""
    summed = (
        rows.filter(**{person_path: OuterRef("pk")})
        .order_by()
        .values(person_path)
        .annotate(total=Sum(amount))
        .values("total")
    )
    return Coalesce(Subquery(summed, output_field=MONEY), ZERO, output_field=MONEY)


def _overlapping(start: datetime.date, end: datetime.date, ends: str) -> Q:
    return Q(starts_on__lte=end) & (
        Q(**{f"{ends}__isnull": True}) | Q(**{f"{ends}__gte": start})
    )


def _delivery_totals(
    person_id: int, start: datetime.date, end: datetime.date
) -> Mapping[str, Any]:
    returns = MonitoringReturn.objects.filter(received_on__range=(start, end))
    outstanding = MonitoringReturn.objects.filter(
        surplus__gt=0, recovered_on__isnull=True
    ).exclude(surplus_decision=MonitoringReturn.SurplusDecision.RETAIN)
    return (
        Person.objects.filter(pk=person_id)
        .annotate(
            dp=_sum(
                DirectPaymentAgreement.objects.filter(
                    _overlapping(start, end, "ended_on")
                ),
                "person",
                "yearly_amount",
            ),
            isf=_sum(
                IndividualServiceFund.objects.filter(
                    _overlapping(start, end, "ends_on")
                ),
                "person",
                "yearly_amount",
            ),
            arranged=_sum(
                ArrangedService.objects.filter(_overlapping(start, end, "ends_on")),
                "person",
                "yearly_cost",
            ),
            paid=_sum(
                Payment.objects.filter(paid_on__range=(start, end)),
                "agreement__person",
                "amount",
            ),
            surplus=_sum(returns, "agreement__person", "surplus"),
            recovered=_sum(returns, "agreement__person", "recovered_amount"),
            outstanding=_sum(outstanding, "agreement__person", "surplus"),
        )
        .values("dp", "isf", "arranged", "paid", "surplus", "recovered", "outstanding")
        .get()
    )


def _plan_totals(plan_id: int) -> Mapping[str, Any]:
    def cost(option: int | None) -> Coalesce:
        condition = (
            Q(supports__option__isnull=True)
            if option is None
            else Q(supports__option=option)
        )
        return Coalesce(
            Sum("supports__yearly_cost", filter=condition), ZERO, output_field=MONEY
        )

    return (
        SupportPlan.objects.filter(pk=plan_id)
        .values("pk")
        .annotate(
            budget_amount=F("budget__amount"),
            o1=cost(1),
            o2=cost(2),
            o3=cost(3),
            total=Coalesce(Sum("supports__yearly_cost"), ZERO, output_field=MONEY),
        )
        .get()
    )


def money_at_review(review: Review) -> MoneyAtReview:
    """The plan's budget and cost beside what the delivery records show paid and
    arranged from the plan's agreement to the review, with differences flagged
    (two queries)."""
    plan = review.plan
    end = review.held_on or review.started_on
    start = min(plan.agreed_on or plan.started_on, end)
    planned = _plan_totals(plan.pk)
    delivered = _delivery_totals(review.person_id, start, end)
    tolerance = tolerance_percent()
    labels = dict(Support.Option.choices)
    options = [
        OptionMoney(n, str(labels[n]), _pounds(planned[key]), _pounds(delivered[got]))
        for n, key, got in ((1, "o1", "dp"), (2, "o2", "isf"), (3, "o3", "arranged"))
    ]
    options = [
        OptionMoney(
            o.option,
            o.label,
            o.planned,
            o.arranged,
            _differs(o.planned, o.arranged, tolerance),
        )
        for o in options
        if o.planned or o.arranged
    ]
    days = Decimal((end - start).days)
    money = MoneyAtReview(
        period_from=start,
        period_to=end,
        budget=None
        if planned["budget_amount"] is None
        else _pounds(planned["budget_amount"]),
        planned_total=_pounds(planned["total"]),
        options=options,
        paid=_pounds(delivered["paid"]),
        expected_paid=_pounds(_pounds(planned["o1"]) * days / DAYS_IN_YEAR),
        surplus_reported=_pounds(delivered["surplus"]),
        surplus_recovered=_pounds(delivered["recovered"]),
        surplus_outstanding=_pounds(delivered["outstanding"]),
    )
    return replace(money, flags=money_flags(money, tolerance))

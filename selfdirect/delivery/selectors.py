"""Reads of delivery and finance records, aggregated in the database."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    F,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Coalesce

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Purpose
from selfdirect.people.models import Person

from . import rules
from .models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
    MonitoringReturn,
    Payment,
)

ZERO = Decimal("0.00")


def _pounds(amount: Decimal | None) -> Decimal:
    """A database sum as pounds and pence (SQLite returns extra places; NULL is £0)."""
    return (amount or ZERO).quantize(rules.PENCE)


# --- One person's records ---------------------------------------------------


@dataclass(frozen=True)
class PersonDelivery:
    agreements: list[DirectPaymentAgreement]
    funds: list[IndividualServiceFund]
    arranged: list[ArrangedService]
    committed: Decimal
    paid: Decimal

    @property
    def any(self) -> bool:
        return bool(self.agreements or self.funds or self.arranged)


def delivery_reads(person: Person) -> dict[str, QuerySet[Any]]:
    """A person's delivery records, not yet evaluated (the person page batches
    them with its other sections')."""
    return {
        "agreements": person.direct_payment_agreements.annotate(  # type: ignore[attr-defined]
            paid=Coalesce(Sum("payments__amount"), ZERO)
        ),
        "funds": person.service_funds.select_related("provider"),  # type: ignore[attr-defined]
        "arranged": person.arranged_services.select_related("provider"),  # type: ignore[attr-defined]
    }


def person_delivery(
    person: Person,
    today: datetime.date,
    reads: dict[str, QuerySet[Any]] | None = None,
) -> PersonDelivery:
    """A person's delivery records, with what is committed a year and paid so far."""
    reads = reads or delivery_reads(person)
    agreements: list[DirectPaymentAgreement] = list(reads["agreements"])
    funds = list(reads["funds"])
    arranged = list(reads["arranged"])
    committed = sum(
        (a.yearly_amount for a in agreements if _agreement_active(a, today)), ZERO
    )
    committed += sum(
        (
            f.yearly_amount
            for f in funds
            if rules.is_active(f.starts_on, f.ends_on, today)
        ),
        ZERO,
    )
    committed += sum(
        (
            s.yearly_cost
            for s in arranged
            if rules.is_active(s.starts_on, s.ends_on, today)
        ),
        ZERO,
    )
    paid = _pounds(sum((a.paid for a in agreements), ZERO))  # type: ignore[attr-defined]
    return PersonDelivery(agreements, funds, arranged, committed, paid)


def _agreement_active(agreement: DirectPaymentAgreement, today: datetime.date) -> bool:
    ends = agreement.ended_on if agreement.status == "ended" else None
    return rules.is_active(agreement.starts_on, ends, today)


# --- Spend (finance dashboard) ---------------------------------------------


def _active(on: datetime.date, ends: str = "ends_on") -> Q:
    return Q(starts_on__lte=on) & (
        Q(**{f"{ends}__isnull": True}) | Q(**{f"{ends}__gte": on})
    )


def committed_sources(
    user: User, on: datetime.date
) -> dict[int, tuple[QuerySet[Any], str]]:
    """Per option, the active delivery records the user may see and their yearly
    amount field."""
    agreements = DirectPaymentAgreement.objects.filter(
        Q(starts_on__lte=on) & (Q(status="active") | Q(ended_on__gte=on))
    )
    return {
        1: (agreements.visible_to(user, Purpose.FINANCE), "yearly_amount"),
        2: (
            IndividualServiceFund.objects.filter(_active(on)).visible_to(
                user, Purpose.FINANCE
            ),
            "yearly_amount",
        ),
        3: (
            ArrangedService.objects.filter(_active(on)).visible_to(
                user, Purpose.FINANCE
            ),
            "yearly_cost",
        ),
    }


DIMENSIONS = {
    "locality": "person__locality__name",
    "service_group": "person__service_groups__name",
}
# The dimension in which each record falls in exactly one row.
BY_ONE = "locality"


@dataclass
class SpendRow:
    label: str
    by_option: dict[int, Decimal] = field(
        default_factory=lambda: {1: ZERO, 2: ZERO, 3: ZERO}
    )
    paid: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return sum(self.by_option.values(), ZERO)

    @property
    def option_1(self) -> Decimal:
        return self.by_option[1]

    @property
    def option_2(self) -> Decimal:
        return self.by_option[2]

    @property
    def option_3(self) -> Decimal:
        return self.by_option[3]


@dataclass(frozen=True)
class Spend:
    by_option: dict[int, Decimal]
    total: Decimal
    paid: Decimal
    self_directed_share: Decimal | None
    rows: dict[str, list[SpendRow]]
    financial_year_from: datetime.date


def spend(user: User, on: datetime.date, not_recorded: str) -> Spend:
    """Yearly committed spend by option, by locality and by service group, and DP
    payments made this financial year: one aggregate query per option and view.

    Every record has one locality (or none, counted as not recorded), so the
    partnership's totals are the sums of the locality rows; they are not
    aggregated again. (A person may be in several service groups: those rows
    overlap and are never summed.)"""
    sources = committed_sources(user, on)
    year_from = rules.financial_year_start(on)
    payments = Payment.objects.filter(
        paid_on__gte=year_from, paid_on__lte=on
    ).visible_to(user, Purpose.FINANCE)
    rows = {
        name: _spend_rows(sources, payments, path, not_recorded)
        for name, path in DIMENSIONS.items()
    }
    by_option = {
        option: sum((row.by_option[option] for row in rows[BY_ONE]), ZERO)
        for option in sources
    }
    total = sum(by_option.values(), ZERO)
    return Spend(
        by_option=by_option,
        total=total,
        paid=sum((row.paid for row in rows[BY_ONE]), ZERO),
        self_directed_share=rules.self_directed_share(
            by_option[1], by_option[2], total
        ),
        rows=rows,
        financial_year_from=year_from,
    )


def _spend_rows(
    sources: dict[int, tuple[QuerySet[Any], str]],
    payments: QuerySet[Payment],
    path: str,
    not_recorded: str,
) -> list[SpendRow]:
    rows: dict[str, SpendRow] = {}
    for option, (qs, amount) in sources.items():
        for item in qs.values(key=F(path)).annotate(total=Sum(amount)).order_by():
            label = item["key"] or not_recorded
            row = rows.setdefault(label, SpendRow(label))
            row.by_option[option] += _pounds(item["total"])
    paid = payments.values(key=F(f"agreement__{path}")).annotate(total=Sum("amount"))
    for item in paid.order_by():
        label = item["key"] or not_recorded
        rows.setdefault(label, SpendRow(label)).paid += _pounds(item["total"])
    return sorted(rows.values(), key=lambda r: (r.label == not_recorded, r.label))


# --- Monitoring and surplus lists ------------------------------------------


def returns_due(
    user: User, *, today: datetime.date, within_days: int
) -> QuerySet[MonitoringReturn]:
    """Monitoring returns not received whose due date has passed or falls within
    the next `within_days` days, oldest due first."""
    returns = MonitoringReturn.objects.filter(
        received_on__isnull=True,
        due_on__lte=today + datetime.timedelta(days=within_days),
    )
    return (
        returns.visible_to(user, Purpose.FINANCE)
        .select_related("agreement__person")
        .order_by("due_on", "id")
    )


def surplus_to_recover(user: User) -> QuerySet[MonitoringReturn]:
    """Received returns showing a surplus that has been neither recovered nor agreed
    to be kept, longest waiting first."""
    returns = MonitoringReturn.objects.filter(
        surplus__gt=0, recovered_on__isnull=True
    ).exclude(surplus_decision=MonitoringReturn.SurplusDecision.RETAIN)
    return (
        returns.visible_to(user, Purpose.FINANCE)
        .select_related("agreement__person")
        .order_by("received_on", "id")
    )


def surplus_outstanding(returns: QuerySet[MonitoringReturn]) -> Decimal:
    """The total surplus not yet recovered on these returns."""
    return _pounds(returns.aggregate(total=Sum("surplus"))["total"])


def person_returns(person: Person) -> QuerySet[MonitoringReturn]:
    """The monitoring returns of all a person's direct payments."""
    return MonitoringReturn.objects.filter(agreement__person=person).select_related(
        "agreement"
    )


# --- For the resource panel -------------------------------------------------


def services_starting(person: Any, since: Any) -> list[QuerySet[Any]]:
    """The start dates (`starts_on`) of a person's direct payments, service funds
    and arranged services starting on or after a day; `person` and `since` may be
    OuterRefs. Registered with the panel, whose waiting list it ends."""
    return [
        model.objects.filter(person=person, starts_on__gte=since).values("starts_on")
        for model in (DirectPaymentAgreement, IndividualServiceFund, ArrangedService)
    ]

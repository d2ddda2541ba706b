"""Spend on options 1 and 2 as a share of total adult social care spend, and LGBF
SW2 (the same spend on adults aged 18 or over).

What counts as a year's spend (docs/indicators.md, "Spend in a year"):
- option 1 is what was paid in direct payments in the year: the payments recorded,
  by the day paid (cash, as finance books it);
- option 2 is each individual service fund's yearly amount for the days it is in
  effect in the year: amount × days in effect in the year ÷ days in the year (365,
  or 366 when the year holds 29 February), so a fund in effect all year counts its
  whole yearly amount and one starting or ending mid-year only its share;
- option 3 (for the share of spend held in the system) is each arranged service's
  yearly cost, pro-rated the same way.
The days are counted in SQL: one SUM(amount × days) per option. The total comes
from finance (`AdultSocialCareSpend`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import (
    DateField,
    DecimalField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least

from selfdirect.delivery.models import Payment

from ..models import AdultSocialCareSpend
from . import cohorts
from .periods import Period, within, years_before

ZERO = Decimal("0")
PENCE = Decimal("0.01")
ADULT = 18  # LGBF SW2: adults aged 18 or over (national-data.md §3)


class DaysBetween(Func):
    """end − start in whole days, in SQL (`DaysBetween(end, start)`)."""

    arity = 2
    output_field = IntegerField()
    # PostgreSQL: date - date is an integer number of days.
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )


def days_in_effect(period: Period, starts: str, ends: str) -> Any:
    """The days of the period a record is in effect, both ends counted (a record
    in effect in the period counts at least 1)."""
    first = Greatest(F(starts), Value(period.start, output_field=DateField()))
    last = Least(
        Coalesce(F(ends), Value(period.end, output_field=DateField())),
        Value(period.end, output_field=DateField()),
    )
    return DaysBetween(last, first) + 1


def days_in(period: Period) -> int:
    return (period.end - period.start).days + 1


def _money(total: Any) -> Decimal:
    return Decimal(str(total or ZERO)).quantize(PENCE)


def _sum(rows: Any, field: str) -> Decimal:
    return _money(rows.aggregate(total=Sum(field))["total"])


def pro_rated(rows: QuerySet[Any], period: Period, amount: str) -> Decimal:
    """Σ yearly amount × days in effect in the period ÷ days in the period, to the
    penny: one SUM in the database."""
    product = ExpressionWrapper(
        F(amount) * days_in_effect(period, "starts_on", "ends_on"),
        output_field=DecimalField(max_digits=20, decimal_places=2),
    )
    total = rows.aggregate(total=Sum(product))["total"]
    return _money(Decimal(str(total or ZERO)) / days_in(period))


def adult(period: Period, person: str) -> Q:
    """Aged 18 or over on the financial year's last day (31 March), from the date
    of birth: the same day every age band in the indicators is taken on."""
    return Q(**{f"{person}date_of_birth__lte": years_before(period.end, ADULT)})


def option_spend(period: Period, *, adults_only: bool = False) -> tuple[Decimal, ...]:
    """(option 1, option 2, option 3) spend in the year, as the module says."""
    paid = Payment.objects.filter(within(period, "paid_on")).exclude(
        agreement__person__status="merged"
    )
    funds = cohorts.service_funds_in_effect(period)
    arranged = cohorts.arranged_in_effect(period)
    if adults_only:
        paid = paid.filter(adult(period, "agreement__person__"))
        funds = funds.filter(adult(period, "person__"))
        arranged = arranged.filter(adult(period, "person__"))
    return (
        _sum(paid, "amount"),
        pro_rated(funds, period, "yearly_amount"),
        pro_rated(arranged, period, "yearly_cost"),
    )


def _rate(numerator: Decimal, total: Decimal | None) -> float | None:
    return float(round(100 * numerator / total, 2)) if total else None


def lgbf_sw2(period: Period, adults_total: Decimal | None) -> dict[str, Any]:
    """LGBF SW2: option 1 + option 2 spend on people aged 18+ ÷ total social work
    spend on adults 18+ (finance's `adults_only_total`) × 100."""
    option_1, option_2, _ = option_spend(period, adults_only=True)
    numerator = option_1 + option_2
    return {
        "adults_aged_on": period.end.isoformat(),
        "option_1_spend": str(option_1),
        "option_2_spend": str(option_2),
        "numerator": str(numerator),
        "denominator": str(adults_total) if adults_total is not None else None,
        "rate": _rate(numerator, adults_total),
    }


def year_figures(year: int) -> dict[str, Any]:
    period = Period(year)
    option_1, option_2, option_3 = option_spend(period)
    entered = (
        AdultSocialCareSpend.objects.filter(financial_year=year)
        .values("total", "adults_only_total")
        .first()
    ) or {"total": None, "adults_only_total": None}
    total = entered["total"]
    return {
        "year": period.label,
        "days_in_year": days_in(period),
        "option_1_spend": str(option_1),
        "option_2_spend": str(option_2),
        "option_3_spend": str(option_3),
        "total_spend": str(total) if total is not None else None,
        "numerator": str(option_1 + option_2),
        "denominator": str(total) if total is not None else None,
        "rate": _rate(option_1 + option_2, total),
        "share_held_in_system": _rate(option_1 + option_2 + option_3, total),
        "lgbf_sw2": lgbf_sw2(period, entered["adults_only_total"]),
    }


def spend_options_1_2(period: Period) -> dict[str, Any]:
    """The financial year's figures (a quarter reports its year), and the trend
    over every year finance has entered a total for."""
    found = year_figures(period.year)
    years = AdultSocialCareSpend.objects.order_by("financial_year").values_list(
        "financial_year", flat=True
    )
    found["trend"] = [
        {"year": f["year"], "rate": f["rate"]} for f in map(year_figures, years)
    ]
    if found["total_spend"] is None:
        found["note"] = "Finance has not entered the year's total spend yet."
    return found

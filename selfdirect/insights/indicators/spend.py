"""Spend on options 1 and 2 as a share of total adult social care spend.

Option 1 is what was paid in direct payments in the year (the payments recorded);
option 2 is the yearly amount of each individual service fund in effect in the
year (a full-year figure: funds are not yet pro-rated for part years); option 3,
for the share of spend held in the system, the yearly cost of each arranged
service in effect. The total comes from finance (`AdultSocialCareSpend`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Sum

from selfdirect.delivery.models import Payment

from ..models import AdultSocialCareSpend
from . import cohorts
from .periods import Period, within

ZERO = Decimal("0")
PENCE = Decimal("0.01")


def _sum(rows: Any, field: str) -> Decimal:
    total = rows.aggregate(total=Sum(field))["total"] or ZERO
    return Decimal(total).quantize(PENCE)


def year_figures(year: int) -> dict[str, Any]:
    period = Period(year)
    option_1 = _sum(
        Payment.objects.filter(within(period, "paid_on")).exclude(
            agreement__person__status="merged"
        ),
        "amount",
    )
    option_2 = _sum(cohorts.service_funds_in_effect(period), "yearly_amount")
    option_3 = _sum(cohorts.arranged_in_effect(period), "yearly_cost")
    total = (
        AdultSocialCareSpend.objects.filter(financial_year=year)
        .values_list("total", flat=True)
        .first()
    )
    share = round(100 * (option_1 + option_2) / total, 2) if total else None
    held = round(100 * (option_1 + option_2 + option_3) / total, 2) if total else None
    return {
        "year": period.label,
        "option_1_spend": str(option_1),
        "option_2_spend": str(option_2),
        "option_3_spend": str(option_3),
        "total_spend": str(total) if total is not None else None,
        "numerator": str(option_1 + option_2),
        "denominator": str(total) if total is not None else None,
        "rate": float(share) if share is not None else None,
        "share_held_in_system": float(held) if held is not None else None,
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

"""Reads of support plans used by the plan pages and by later stages."""

from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import Coalesce

from .models import SupportPlan

ZERO = Decimal("0.00")


def plan_total_cost(plan: SupportPlan) -> Decimal:
    """The yearly cost of all the plan's supports, in pounds (summed in the database)."""
    total = plan.supports.aggregate(total=Coalesce(Sum("yearly_cost"), ZERO))["total"]
    return Decimal(total).quantize(Decimal("0.01"))

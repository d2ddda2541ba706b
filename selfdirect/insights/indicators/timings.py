"""How long the journey takes: days between its steps, as the median and the 90th
percentile (nearest rank) for steps completed in the period, and who is waiting
now. Each percentile is one ordered query with an offset, on both databases."""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.db.models import (
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.models import Conversation
from selfdirect.panel.models import APPROVALS, PanelSubmission

from .periods import Period, within

WAITING_FOR_PANEL = (
    PanelSubmission.State.SUBMITTED,
    PanelSubmission.State.LISTED,
    PanelSubmission.State.DEFERRED,
)


def _days(later: str, earlier: Any) -> ExpressionWrapper:
    first = F(earlier) if isinstance(earlier, str) else earlier
    return ExpressionWrapper(F(later) - first, output_field=DurationField())


def percentile(rows: QuerySet[Any], field: str, share: float, count: int) -> int | None:
    """The nearest-rank percentile of an annotated duration, in whole days."""
    if not count:
        return None
    rank = max(1, math.ceil(share * count))
    value = rows.order_by(field).values_list(field, flat=True)[rank - 1]
    return value.days if isinstance(value, datetime.timedelta) else int(value)


def _summary(rows: QuerySet[Any]) -> dict[str, Any]:
    rows = rows.filter(days__isnull=False)
    count = rows.count()
    return {
        "count": count,
        "median_days": percentile(rows, "days", 0.5, count),
        "p90_days": percentile(rows, "days", 0.9, count),
    }


def _budget_after(conversation: str) -> Subquery:
    return Subquery(
        IndicativeBudget.objects.own_support()
        .filter(person=OuterRef("person"), worked_out_on__gte=OuterRef(conversation))
        .order_by("worked_out_on", "id")
        .values("worked_out_on")[:1]
    )


def steps(period: Period) -> dict[str, QuerySet[Any]]:
    """Each step's rows, with `days` annotated, for steps finished in the period."""
    return {
        "first_contact_to_agreed_conversation": Conversation.objects.filter(
            within(period, "agreed_on"), first_contact__isnull=False
        )
        .exclude(person__status="merged")
        .annotate(days=_days("agreed_on", "first_contact__contact_date")),
        "conversation_to_budget": Conversation.objects.filter(
            within(period, "agreed_on")
        )
        .exclude(person__status="merged")
        .annotate(budget_on=_budget_after("conversation_date"))
        .filter(budget_on__isnull=False)
        .annotate(days=_days("budget_on", "conversation_date")),
        "panel_submission_to_decision": PanelSubmission.objects.filter(
            within(period, "decided_on"), submitted_on__isnull=False
        ).annotate(days=_days("decided_on", "submitted_on")),
        "decision_to_first_delivery": PanelSubmission.objects.filter(
            within(period, "service_started_on"),
            decided_on__isnull=False,
            outcome__in=APPROVALS,
        ).annotate(days=_days("service_started_on", "decided_on")),
    }


def waiting_now(today: datetime.date) -> dict[str, QuerySet[Any]]:
    """Who is waiting today: submitted to the panel with no decision; decided with
    no service started."""
    now = Value(today, output_field=DateField())
    return {
        "waiting_for_panel_decision": PanelSubmission.objects.filter(
            state__in=WAITING_FOR_PANEL, submitted_on__isnull=False
        ).annotate(days=_days_from(now, "submitted_on")),
        "waiting_for_service_to_start": PanelSubmission.objects.filter(
            outcome__in=APPROVALS,
            decided_on__isnull=False,
            service_started_on__isnull=True,
        ).annotate(days=_days_from(now, "decided_on")),
    }


def _days_from(now: Any, earlier: str) -> ExpressionWrapper:
    return ExpressionWrapper(now - F(earlier), output_field=DurationField())


def timings(period: Period, today: datetime.date | None = None) -> dict[str, Any]:
    """Median and 90th percentile days for each step finished in the period, and
    how many wait now and for how long."""
    found: dict[str, Any] = {
        name: _summary(rows) for name, rows in steps(period).items()
    }
    found["waiting_now"] = {
        name: _summary(rows)
        for name, rows in waiting_now(today or timezone.localdate()).items()
    }
    return found

"""How long the journey takes: days between its steps, as the median and the 90th
percentile (nearest rank) for steps completed in the period, and who is waiting
now. Each headline percentile is one ordered query with an offset; each
breakdown is one statement per step, ranking the rows within each group with
window functions (ROW_NUMBER() and COUNT() OVER (PARTITION BY the group)) and
keeping the nearest-rank rows, on both databases (no `percentile_disc`)."""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.db.models import (
    Count,
    DateField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.models import Conversation
from selfdirect.panel.models import APPROVALS, PanelSubmission

from . import cohorts
from .breakdowns import DIMENSIONS, OPTION_LABELS, keyed
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


def ranks(count: int) -> tuple[int, int]:
    """The nearest ranks of the median and the 90th percentile among `count`
    values (1-based): ceil(count / 2) and ceil(9 × count / 10), in whole numbers,
    as the database works them out."""
    return (count + 1) // 2, (9 * count + 9) // 10


def keyed_rows(rows: QuerySet[Any], dimension: str, period: Period) -> QuerySet[Any]:
    """A step's (or a wait's) rows with `group` annotated: the breakdown's label
    of each row's person (option: the exclusive option mix in the period)."""
    if dimension == "option":
        rows = cohorts.with_options(rows, period, "person")
    return keyed(rows, dimension, period, "person")


def by_group(
    rows: QuerySet[Any], dimension: str, period: Period
) -> list[dict[str, Any]]:
    """Per group, how many rows and their median and 90th percentile days
    (nearest rank), in one statement: each row numbered within its group in
    order of days, with its group's size beside it, and only the rows at the two
    ranks kept (at most two rows a group leave the database)."""
    ranked = (
        keyed_rows(rows.filter(days__isnull=False), dimension, period)
        .values("pk", "group", "days")  # only these leave the inner statement
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("group")],
                order_by=[F("days").asc(), F("pk").asc()],
            ),
            size=Window(Count("pk"), partition_by=[F("group")]),
        )
        .filter(Q(position=(F("size") + 1) / 2) | Q(position=(F("size") * 9 + 9) / 10))
        .values_list("group", "position", "size", "days")
    )
    found: dict[Any, dict[str, Any]] = {}
    for group, position, size, days in ranked:
        item = found.setdefault(
            group,
            {"group": group, "count": size, "median_days": None, "p90_days": None},
        )
        median, p90 = ranks(size)
        if position == median:
            item["median_days"] = _whole_days(days)
        if position == p90:
            item["p90_days"] = _whole_days(days)
    items = sorted(found.values(), key=lambda i: (i["group"] is None, i["group"]))
    if dimension == "option":
        for item in items:
            item["group"] = OPTION_LABELS[item["group"]]
    return items


def _whole_days(value: Any) -> int:
    return value.days if isinstance(value, datetime.timedelta) else int(value)


def timings(
    period: Period,
    today: datetime.date | None = None,
    *,
    breakdowns: bool | tuple[str, ...] = False,
) -> dict[str, Any]:
    """Median and 90th percentile days for each step finished in the period, and
    how many wait now and for how long; `breakdowns` gives the same per group,
    `{dimension: {step or wait: [{"group", "count", "median_days", "p90_days"}]}}`."""
    done = steps(period)
    waits = waiting_now(today or timezone.localdate())
    found: dict[str, Any] = {name: _summary(rows) for name, rows in done.items()}
    found["waiting_now"] = {name: _summary(rows) for name, rows in waits.items()}
    dims = DIMENSIONS if breakdowns is True else tuple(breakdowns or ())
    dims = tuple(d for d in dims if d in DIMENSIONS)
    if dims:
        found["breakdowns"] = {
            dim: {
                name: by_group(rows, dim, period)
                for name, rows in {**done, **waits}.items()
            }
            for dim in dims
        }
    return found

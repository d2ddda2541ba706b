"""Outcomes reviewed in the period: met, partly met, not met (the review scale's
levels, kept as data), with the top reasons an outcome was not fully met."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from selfdirect.reviews.models import OutcomeAttainment

from .breakdowns import breakdown
from .periods import Period, within

# Outcomes are broken down by the person reviewed; there is no option breakdown.
DIMENSIONS = ("locality", "team", "service_group", "age_band")


def reviewed(period: Period) -> Any:
    """Attainments recorded at reviews held in the period."""
    return OutcomeAttainment.objects.filter(
        within(period, "review__held_on"), level__isnull=False
    ).exclude(review__person__status="merged")


def outcomes(
    period: Period, *, breakdowns: bool | tuple[str, ...] = False, top: int = 5
) -> dict[str, Any]:
    """Outcomes reviewed in the period by attainment level, the people reviewed and
    the top reasons not fully met; `breakdowns` adds, per group of the person
    reviewed, the outcomes and each level's count (one GROUP BY each)."""
    rows = reviewed(period)
    levels = [
        {"level": r["level__code"], "name": r["level__name"], "count": r["n"]}
        for r in rows.values("level__code", "level__name", "level__order")
        .annotate(n=Count("pk"))
        .order_by("level__order", "level__code")
    ]
    reasons = [
        {"reason": r["reasons__code"], "name": r["reasons__name"], "count": r["n"]}
        for r in rows.filter(reasons__isnull=False)
        .values("reasons__code", "reasons__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "reasons__code")[:top]
    ]
    found: dict[str, Any] = {
        "outcomes_reviewed": sum(item["count"] for item in levels),
        "people": rows.values("review__person").distinct().count(),
        "levels": levels,
        "top_reasons": reasons,
    }
    dimensions = DIMENSIONS if breakdowns is True else tuple(breakdowns or ())
    dimensions = tuple(d for d in dimensions if d in DIMENSIONS)
    if dimensions:
        counts: dict[str, Q | None] = {"outcomes": None} | {
            f"level_{item['level']}": Q(level__code=item["level"]) for item in levels
        }
        found["breakdowns"] = breakdown(
            rows, counts, period, person="review__person", dimensions=dimensions
        )
    return found

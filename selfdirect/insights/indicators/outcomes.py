"""Outcomes reviewed in the period: met, partly met, not met (the review scale's
levels, kept as data), with the top reasons an outcome was not fully met."""

from __future__ import annotations

from typing import Any

from django.db.models import Count

from selfdirect.reviews.models import OutcomeAttainment

from .periods import Period, within


def reviewed(period: Period) -> Any:
    """Attainments recorded at reviews held in the period."""
    return OutcomeAttainment.objects.filter(
        within(period, "review__held_on"), level__isnull=False
    ).exclude(review__person__status="merged")


def outcomes(period: Period, *, top: int = 5) -> dict[str, Any]:
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
    return {
        "outcomes_reviewed": sum(item["count"] for item in levels),
        "people": rows.values("review__person").distinct().count(),
        "levels": levels,
        "top_reasons": reasons,
    }

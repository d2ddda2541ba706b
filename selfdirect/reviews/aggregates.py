"""Reviews read in bulk, for reports across the journey (the insights outcomes
report). Each function returns a QuerySet the reader aggregates in the database;
none of them loads rows into Python.

What is counted (docs/reviews.md, "The outcomes report"): only **agreed** reviews,
by the date they were agreed; of their outcomes, only those with a point on the
attainment scale."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import (
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from selfdirect.people.models import Allocation
from selfdirect.plans.models import Support

from .models import OutcomeAttainment, Review, SupportReview

# The option of a support, by its number; choice-and-control answers, in order.
OPTION_LABELS: dict[int, str] = {o.value: str(o.label) for o in Support.Option}
FEEDBACK_ANSWERS: list[tuple[str, Any]] = [
    (a.value, a.label) for a in SupportReview.Answer
]

# The lookups, from a reviewed outcome (OutcomeAttainment), of each way the report
# is broken down: (key, label). An outcome is counted once under each value it has
# (a person in two service groups, an outcome served by supports under two options
# or coded to two domains); "team" is an annotation (`with_team`).
OUTCOME_DIMENSIONS: dict[str, tuple[str, str]] = {
    "service_group": (
        "review__person__service_groups",
        "review__person__service_groups__name",
    ),
    "locality": ("review__person__locality", "review__person__locality__name"),
    "team": ("review_team", "review_team_name"),
    "option": ("plan_outcome__supports__option", "plan_outcome__supports__option"),
    "domain": (
        "plan_outcome__personal_outcome__domains",
        "plan_outcome__personal_outcome__domains__name",
    ),
}


def _agreed_between(
    start: datetime.date | None, end: datetime.date | None, prefix: str = ""
) -> Q:
    q = Q(**{f"{prefix}state": Review.State.AGREED})
    if start is not None:
        q &= Q(**{f"{prefix}agreed_on__gte": start})
    if end is not None:
        q &= Q(**{f"{prefix}agreed_on__lte": end})
    return q


def agreed_reviews(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Review]:
    """Reviews agreed in the period (both ends included; None leaves it open)."""
    return Review.objects.filter(_agreed_between(start, end))


def reviewed_outcomes(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[OutcomeAttainment]:
    """The outcomes of reviews agreed in the period that have a point on the
    attainment scale: the report's unit of outcomes."""
    return OutcomeAttainment.objects.filter(
        _agreed_between(start, end, "review__"), level__isnull=False
    )


def reviewed_supports(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[SupportReview]:
    """The supports looked at in reviews agreed in the period (choice and control)."""
    return SupportReview.objects.filter(_agreed_between(start, end, "review__"))


def on_time() -> Q:
    """rules.was_on_time in the database: agreed on or before the due date kept at
    the start, or with no due date kept. Relative to a Review."""
    return Q(due_on__isnull=True) | Q(agreed_on__lte=F("due_on"))


def with_team(outcomes: QuerySet[OutcomeAttainment]) -> QuerySet[Any]:
    """Each reviewed outcome with the team the person was allocated to on the day
    the review was agreed (the latest allocation started by then and not ended
    before it), as `review_team` and `review_team_name`."""
    allocations = (
        Allocation.objects.filter(
            person=OuterRef("review__person"),
            started_on__lte=OuterRef("review__agreed_on"),
        )
        .filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=OuterRef("review__agreed_on"))
        )
        .order_by("-started_on", "-id")
    )
    return outcomes.annotate(
        review_team=Subquery(allocations.values("team")[:1]),
        review_team_name=Subquery(allocations.values("team__name")[:1]),
    )

"""Reading reviews: the reviews due list, a review's parts, and the plan's open
review. Lists come only through `visible_to`."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from selfdirect.accounts.roles import Purpose
from selfdirect.people.models import Allocation
from selfdirect.plans.models import SupportPlan

from . import rules, services
from .models import (
    AttainmentLevel,
    FeedbackQuestion,
    PoorOutcomeReason,
    Review,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def reviews_due(
    user: User,
    *,
    today: datetime.date,
    mine: bool = False,
    band: str = "",
) -> QuerySet[SupportPlan]:
    """Agreed plans the user reaches whose review is overdue or due within
    rules.DUE_SOON_DAYS, oldest due first, with any review already started.
    `mine`: only people allocated to the user; `band`: how overdue (rules)."""
    plans = SupportPlan.objects.visible_to(user, Purpose.PRACTICE).filter(
        state=SupportPlan.State.AGREED,
        review_on__lte=today + datetime.timedelta(days=rules.DUE_SOON_DAYS),
    )
    if mine:
        allocated = Allocation.objects.current(today).filter(
            person=OuterRef("person_id"), worker=user
        )
        plans = plans.filter(Exists(allocated))
    for code, _label, low, high in rules.OVERDUE_BANDS:
        if band == code:
            plans = plans.filter(review_on__lte=today - datetime.timedelta(days=low))
            if high is not None:
                plans = plans.filter(
                    review_on__gte=today - datetime.timedelta(days=high)
                )
    open_reviews = Review.objects.filter(plan=OuterRef("pk")).filter(
        ~Q(state=Review.State.AGREED)
    )
    return (
        plans.select_related("person")
        .annotate(open_review=Subquery(open_reviews.values("public_id")[:1]))
        .order_by("review_on", "id")
    )


def reviews_due_count(user: User, today: datetime.date) -> int:
    """How many plans the user reaches are overdue for review or due soon."""
    return reviews_due(user, today=today).order_by().count()


def review_detail(review: Review) -> dict[str, Any]:
    """A review with its parts, for the review page."""
    return {
        "review": review,
        "person": review.person,
        "plan": review.plan,
        "attainments": list(
            review.attainments.select_related("plan_outcome", "level").prefetch_related(
                "reasons"
            )
        ),
        "support_reviews": list(review.support_reviews.select_related("support")),
        "risk_reviews": list(review.risk_reviews.select_related("risk")),
        "carried": services.carried_attainment(review),
        "on_time": rules.was_on_time(due_on=review.due_on, agreed_on=review.agreed_on)
        if review.agreed_on
        else None,
    }


def levels() -> QuerySet[AttainmentLevel]:
    return AttainmentLevel.objects.filter(active=True)


def reasons() -> QuerySet[PoorOutcomeReason]:
    return PoorOutcomeReason.objects.filter(active=True)


def questions() -> QuerySet[FeedbackQuestion]:
    return FeedbackQuestion.objects.filter(active=True)


def open_review_of(plan: SupportPlan) -> Review | None:
    """The plan's review not yet agreed, if one has started."""
    return Review.objects.filter(plan=plan).filter(~Q(state="agreed")).first()


def person_reviews(person: Any) -> list[Review]:
    """The person's reviews, latest first (the person page's section)."""
    return list(Review.objects.of_person(person).order_by("-started_on", "-id")[:10])

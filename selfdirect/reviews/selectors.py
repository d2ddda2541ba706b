"""Reading reviews: the reviews due list, a review's parts, and the plan's open
review. Lists come only through `visible_to`."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from selfdirect.accounts.models import Locality
from selfdirect.accounts.roles import Purpose
from selfdirect.conversations.models import Conversation, RiskEnablement
from selfdirect.people.models import Allocation, Person, ServiceGroup
from selfdirect.plans.models import Support, SupportPlan

from . import rules, services
from .models import (
    AttainmentLevel,
    FeedbackQuestion,
    PoorOutcomeReason,
    Review,
    RiskReview,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def _with_option(option: int) -> Q | Exists:
    """Plans with a support under this option (1-3), or under more than one (4);
    each an EXISTS on the supports' plan index."""
    uses = {
        n: Exists(Support.objects.filter(plan=OuterRef("pk"), option=n))
        for n in (1, 2, 3)
    }
    if option in uses:
        return uses[option]
    return (uses[1] & uses[2]) | (uses[1] & uses[3]) | (uses[2] & uses[3])


def reviews_due(
    user: User,
    *,
    today: datetime.date,
    mine: bool = False,
    band: str = "",
    locality: Locality | None = None,
    service_group: ServiceGroup | None = None,
    option: int | None = None,
) -> QuerySet[SupportPlan]:
    """Agreed plans the user reaches whose review is overdue or due within
    rules.DUE_SOON_DAYS, oldest due first, with any review already started.
    `mine`: only people allocated to the user; `band`: how overdue (rules);
    `locality`, `service_group`: the person's; `option`: the plan's supports'."""
    plans = SupportPlan.objects.visible_to(user, Purpose.PRACTICE).filter(
        state=SupportPlan.State.AGREED,
        review_on__lte=today + datetime.timedelta(days=rules.DUE_SOON_DAYS),
    )
    if locality is not None:
        plans = plans.filter(person__locality=locality)
    if service_group is not None:
        in_group = Person.service_groups.through.objects.filter(
            person_id=OuterRef("person_id"), servicegroup=service_group
        )
        plans = plans.filter(Exists(in_group))
    if option is not None:
        plans = plans.filter(_with_option(option))
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
        "corrections": list(review.corrections.select_related("recorded_by")),
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


def person_reviews_read(person: Any) -> QuerySet[Review]:
    """The person's ten latest reviews, not yet evaluated."""
    return Review.objects.of_person(person).order_by("-started_on", "-id")[:10]


def person_reviews(person: Any) -> list[Review]:
    """The person's reviews, latest first (the person page's section)."""
    return list(person_reviews_read(person))


def risk_agreements_due(user: User, today: datetime.date) -> QuerySet[RiskEnablement]:
    """Risk-enablement agreements of agreed conversations the user reaches (so per
    team) whose review is overdue or due within rules.DUE_SOON_DAYS, oldest first.
    The date due is the next review set at the latest agreed review of the risk,
    otherwise the agreement's own review date."""
    reviewed_to = (
        RiskReview.objects.filter(
            risk=OuterRef("pk"),
            review__state=Review.State.AGREED,
            next_review_on__isnull=False,
        )
        .order_by("-review__agreed_on", "-id")
        .values("next_review_on")[:1]
    )
    return (
        RiskEnablement.objects.visible_to(user, Purpose.PRACTICE)
        .filter(conversation__state=Conversation.State.AGREED)
        .annotate(due_by=Coalesce(Subquery(reviewed_to), F("review_on")))
        .filter(due_by__lte=today + datetime.timedelta(days=rules.DUE_SOON_DAYS))
        .select_related("conversation__person")
        .order_by("due_by", "id")
    )

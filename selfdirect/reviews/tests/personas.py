"""The persona's person gets a draft review of their support plan, with a line for
its outcome (partly met, with a reason), its support and a risk agreement.

Made directly (not through start_review, which reviews only agreed plans) so the
persona's plan stays the draft the plans tests expect."""

import datetime
from typing import Any

from selfdirect.conversations.models import RiskEnablement
from selfdirect.reviews.models import (
    AttainmentLevel,
    OutcomeAttainment,
    PoorOutcomeReason,
    Review,
    RiskReview,
    SupportReview,
)

BUILDS_ON = ("plans",)


def add_records(personas: Any) -> None:
    plan = personas.person.support_plans.get()
    review = Review.objects.create(
        person=personas.person,
        plan=plan,
        kind=Review.Kind.PLANNED,
        started_on=datetime.date(2027, 2, 1),
        due_on=datetime.date(2027, 2, 10),
        recorded_by=personas.practitioner_a,
    )
    attainment = OutcomeAttainment.objects.create(
        review=review,
        plan_outcome=plan.outcomes.get(),
        level=AttainmentLevel.objects.get(code="partly_met"),
        persons_words="I went twice, then the bus stopped running",
        reason_narrative="The community bus route was cut in December.",
    )
    attainment.reasons.set(PoorOutcomeReason.objects.filter(code="other"))
    SupportReview.objects.create(review=review, support=plan.supports.get())
    risk = RiskEnablement.objects.create(
        conversation=plan.conversation,
        risk="Swimming on her own",
        gain="Being part of the group again",
        persons_view="I know the pool well",
        agreed_actions="The lifeguard knows her",
        agreed_by="Morag",
        review_on=datetime.date(2027, 1, 31),
    )
    RiskReview.objects.create(review=review, risk=risk)

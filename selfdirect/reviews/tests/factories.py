import datetime

from selfdirect.conversations.models import RiskEnablement
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.tests.factories import (
    PlanOutcomeFactory,
    SupportFactory,
    SupportPlanFactory,
)


def agreed_plan(
    *, outcomes: int = 2, review_on: datetime.date = datetime.date(2027, 2, 10)
) -> SupportPlan:
    """An agreed plan with outcomes, a support and a risk agreement due in March."""
    plan = SupportPlanFactory.create(
        state="agreed",
        agreed_on=datetime.date(2026, 11, 10),
        agreed_by="Morag MacLeod",
        agreed_how="in_person",
        agreed_by_role="person",
        review_on=review_on,
    )
    made = [
        PlanOutcomeFactory.create(plan=plan, words=f"Outcome {n}")
        for n in range(outcomes)
    ]
    SupportFactory.create(plan=plan, outcomes=made)
    RiskEnablement.objects.create(
        conversation=plan.conversation,
        risk="Swimming on her own",
        gain="Being part of the group again",
        persons_view="I know the pool well",
        agreed_actions="The lifeguard knows her; her daughter phones after",
        agreed_by="Morag and her daughter",
        review_on=datetime.date(2027, 1, 31),
    )
    return plan

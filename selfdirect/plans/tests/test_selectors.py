from decimal import Decimal

from selfdirect.plans import selectors
from selfdirect.plans.tests.factories import SupportFactory, SupportPlanFactory


def test_the_total_cost_is_the_sum_of_the_supports_in_pounds_and_pence(db) -> None:
    plan = SupportPlanFactory.create()
    SupportFactory.create(plan=plan, yearly_cost=Decimal("2730.10"))
    SupportFactory.create(plan=plan, yearly_cost=Decimal("1200.05"), option=3)
    assert selectors.plan_total_cost(plan) == Decimal("3930.15")


def test_a_plan_with_no_supports_costs_nothing(db) -> None:
    assert selectors.plan_total_cost(SupportPlanFactory.create()) == Decimal("0.00")

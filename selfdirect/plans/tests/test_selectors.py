import datetime
from decimal import Decimal

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.plans import selectors
from selfdirect.plans.tests.factories import (
    PlanOutcomeFactory,
    SupportFactory,
    SupportPlanFactory,
)


def _budget(plan, amount: str) -> None:
    plan.budget = IndicativeBudget.objects.create(
        person=plan.person,
        worked_out_on=datetime.date(2026, 11, 1),
        amount=Decimal(amount),
        recorded_by=UserFactory.create(),
    )
    plan.save()


def test_the_total_cost_is_the_sum_of_the_supports_in_pounds_and_pence(db) -> None:
    plan = SupportPlanFactory.create()
    SupportFactory.create(plan=plan, yearly_cost=Decimal("2730.10"))
    SupportFactory.create(plan=plan, yearly_cost=Decimal("1200.05"), option=3)
    assert selectors.plan_total_cost(plan) == Decimal("3930.15")


def test_a_plan_with_no_supports_costs_nothing(db) -> None:
    assert selectors.plan_total_cost(SupportPlanFactory.create()) == Decimal("0.00")


def test_supports_on_options_1_and_3_make_the_plan_option_4(db) -> None:
    plan = SupportPlanFactory.create()
    SupportFactory.create(plan=plan, option=1, yearly_cost=Decimal("3000"))
    SupportFactory.create(plan=plan, option=3, yearly_cost=Decimal("7000"))
    SupportFactory.create(
        plan=plan, option=None, provided_by="family", yearly_cost=Decimal("0")
    )
    money = selectors.budget_check(plan)
    assert money.option == 4
    assert [(r.option, r.total) for r in money.by_option] == [
        (1, Decimal("3000.00")),
        (3, Decimal("7000.00")),
        (None, Decimal("0.00")),
    ]


def test_one_option_only_stays_that_option(db) -> None:
    plan = SupportPlanFactory.create()
    SupportFactory.create(plan=plan, option=2)
    SupportFactory.create(
        plan=plan, option=None, provided_by="community", yearly_cost=0
    )
    assert selectors.budget_check(plan).option == 2


def test_a_plan_under_budget_shows_what_is_left(db) -> None:
    plan = SupportPlanFactory.create()
    _budget(plan, "10000.00")
    SupportFactory.create(plan=plan, yearly_cost=Decimal("9999.99"))
    money = selectors.budget_check(plan)
    assert not money.over
    assert money.difference == Decimal("0.01")


def test_a_plan_over_budget_shows_by_how_much(db) -> None:
    plan = SupportPlanFactory.create()
    _budget(plan, "5000.00")
    SupportFactory.create(plan=plan, yearly_cost=Decimal("5000.50"))
    money = selectors.budget_check(plan)
    assert money.over
    assert money.overspend == Decimal("0.50")


def test_exactly_on_budget_is_not_over(db) -> None:
    plan = SupportPlanFactory.create()
    _budget(plan, "5000.00")
    SupportFactory.create(plan=plan, yearly_cost=Decimal("5000.00"))
    assert not selectors.budget_check(plan).over


def test_without_a_budget_the_check_says_so(db) -> None:
    plan = SupportPlanFactory.create()
    SupportFactory.create(plan=plan)
    money = selectors.budget_check(plan)
    assert money.budget is None and money.difference is None and not money.over


def test_the_plan_page_reads_take_the_same_queries_however_big_the_plan(
    db, django_assert_max_num_queries
) -> None:
    plan = SupportPlanFactory.create()
    for _ in range(12):
        outcome = PlanOutcomeFactory.create(plan=plan)
        SupportFactory.create(plan=plan, outcomes=[outcome])
    with django_assert_max_num_queries(11):
        detail = selectors.plan_detail(plan)
        assert all(v.supports for v in detail["outcomes"])


def test_the_person_summary_counts_smart_outcomes(db) -> None:
    plan = SupportPlanFactory.create(if_unwell="Ring the GP")
    PlanOutcomeFactory.create(plan=plan)
    PlanOutcomeFactory.create(plan=plan, how_we_will_know="Feels better")
    summary = selectors.plan_summary(plan.person)
    assert summary.plan == plan
    assert (summary.smart_count, summary.outcome_count) == (1, 2)
    assert summary.has_contingency

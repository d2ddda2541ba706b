"""Money at review on a hand-built set: the plan's budget and cost by option beside
the delivery records, summed in the database in two queries."""

import datetime
from decimal import Decimal

import pytest

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.budgets.tests.factories import IndicativeBudgetFactory
from selfdirect.delivery.tests.factories import (
    AgreementFactory,
    ArrangedFactory,
    FundFactory,
    PaymentFactory,
    ReturnFactory,
)
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.tests.factories import SupportFactory
from selfdirect.reviews import services
from selfdirect.reviews.models import Review
from selfdirect.reviews.money import MoneyAtReview, money_at_review, money_flags

from .factories import agreed_plan

D = Decimal
START = datetime.date(2027, 3, 1)  # the plan was agreed on 10 November 2026


@pytest.fixture
def review(db) -> Review:
    plan = agreed_plan()  # one Option 1 support, £2,730 a year
    person = plan.person
    SupportFactory.create(plan=plan, option=2, yearly_cost=D("12000.00"))
    SupportFactory.create(plan=plan, option=3, yearly_cost=D("9000.00"))
    SupportFactory.create(plan=plan, option=None, yearly_cost=D("0.00"))
    budget = IndicativeBudgetFactory.create(person=person, amount=D("20000.00"))
    SupportPlan.objects.filter(pk=plan.pk).update(budget=budget)
    agreement = AgreementFactory.create(
        person=person,
        starts_on=datetime.date(2026, 11, 10),
        yearly_amount=D("2730.00"),
    )
    for paid_on in (datetime.date(2026, 12, 1), datetime.date(2027, 1, 5)):
        PaymentFactory.create(agreement=agreement, paid_on=paid_on, amount=D("400"))
    # Paid after the review, and another person's payment: neither counts.
    PaymentFactory.create(
        agreement=agreement, paid_on=datetime.date(2027, 4, 1), amount=D("400")
    )
    PaymentFactory.create(paid_on=datetime.date(2027, 1, 5), amount=D("999"))
    ReturnFactory.create(
        agreement=agreement,
        received_on=datetime.date(2027, 2, 1),
        surplus=D("150.00"),
    )
    ReturnFactory.create(
        agreement=agreement,
        received_on=datetime.date(2027, 1, 10),
        surplus=D("50.00"),
        surplus_decision="recover",
        recovered_amount=D("50.00"),
        recovered_on=datetime.date(2027, 1, 20),
    )
    FundFactory.create(
        person=person, yearly_amount=D("12000.00"), starts_on=plan.agreed_on
    )
    FundFactory.create(  # ended before the plan: not counted
        person=person,
        yearly_amount=D("5000.00"),
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 6, 1),
    )
    ArrangedFactory.create(person=person, yearly_cost=D("10000.00"))
    started = services.start_review(
        plan=plan, by=UserFactory.create(), kind="planned", started_on=START
    )
    return Review.objects.select_related("plan").get(pk=started.pk)


def test_budget_and_spend_side_by_side_in_two_queries(
    review, django_assert_num_queries
) -> None:
    with django_assert_num_queries(2):
        money = money_at_review(review)
    assert (money.period_from, money.period_to) == (datetime.date(2026, 11, 10), START)
    assert money.budget == D("20000.00")
    assert money.planned_total == D("23730.00")
    assert money.budget_left == D("-3730.00")
    rows = {o.option: (o.planned, o.arranged, o.flagged) for o in money.options}
    assert rows == {
        1: (D("2730.00"), D("2730.00"), False),
        2: (D("12000.00"), D("12000.00"), False),
        3: (D("9000.00"), D("10000.00"), True),  # £1,000 apart: over 5%
    }
    assert money.paid == D("800.00")
    # 111 days of £2,730 a year
    assert money.expected_paid == D("830.22")
    assert money.surplus_reported == D("200.00")
    assert money.surplus_recovered == D("50.00")
    assert money.surplus_outstanding == D("150.00")
    assert len(money.flags) == 3  # over budget; Option 3 differs; surplus to recover
    assert "£3730.00 a year more than the budget" in money.flags[0]
    assert "Option 3" in money.flags[1]
    assert "£150.00" in money.flags[2]


def test_the_tolerance_is_a_setting(review, settings) -> None:
    settings.REVIEW_MONEY_TOLERANCE_PERCENT = 1
    flags = money_at_review(review).flags
    assert any("Direct payments of £800.00" in flag for flag in flags)


def test_no_delivery_records_and_no_budget_flag_nothing_but_the_plan(db) -> None:
    plan = agreed_plan()
    started = services.start_review(
        plan=plan, by=UserFactory.create(), kind="planned", started_on=START
    )
    money = money_at_review(started)
    assert money.budget is None and money.budget_left is None
    assert money.paid == D("0.00") and not money.any_delivery
    assert [o.option for o in money.options] == [1]
    assert money.options[0].flagged  # planned, nothing arranged
    assert len(money.flags) == 2  # Option 1 arranged nothing; nothing paid


def test_flags_on_their_own() -> None:
    money = MoneyAtReview(
        period_from=datetime.date(2026, 1, 1),
        period_to=datetime.date(2027, 1, 1),
        budget=D("100.00"),
        planned_total=D("90.00"),
        options=[],
        paid=D("0.00"),
        expected_paid=D("0.00"),
        surplus_reported=D("0.00"),
        surplus_recovered=D("0.00"),
        surplus_outstanding=D("0.00"),
    )
    assert money_flags(money, D("5")) == []
    assert money.budget_left == D("10.00")

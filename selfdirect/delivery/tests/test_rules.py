import datetime
from decimal import Decimal
from typing import Any

import pytest

from selfdirect.delivery import rules

D = datetime.date
ALL_NEEDED = list(rules.REQUIRED_RESPONSIBILITIES)


@pytest.mark.parametrize(
    ("amount", "frequency", "yearly"),
    [
        ("100.00", "weekly", "5200.00"),
        ("200.00", "fortnightly", "5200.00"),
        ("812.50", "four_weekly", "10562.50"),
        ("1000.00", "monthly", "12000.00"),
        ("3000.00", "quarterly", "12000.00"),
        ("33.33", "weekly", "1733.16"),
    ],
)
def test_yearly_equivalent_multiplies_by_payments_a_year(amount, frequency, yearly):
    assert rules.yearly_equivalent(Decimal(amount), frequency) == Decimal(yearly)


def test_weekly_equivalent_is_a_52nd_rounded_to_pence():
    assert rules.weekly_equivalent(Decimal("10000.00")) == Decimal("192.31")


def test_an_agreement_needs_amount_spend_and_the_core_responsibilities():
    problems = rules.agreement_problems(
        amount=Decimal("0"),
        spend_on=[],
        responsibilities=[],
        payee_name="",
        payee_requested_by_person=False,
    )
    assert set(problems) == {"amount", "spend_on", "responsibilities"}


def test_employing_pas_needs_employer_duties_and_insurance_too():
    kwargs: Any = {
        "amount": Decimal("10"),
        "spend_on": ["employ_pas"],
        "payee_name": "",
        "payee_requested_by_person": False,
    }
    assert "responsibilities" in rules.agreement_problems(
        responsibilities=ALL_NEEDED, **kwargs
    )
    assert not rules.agreement_problems(
        responsibilities=[*ALL_NEEDED, "employer_duties", "insurance"], **kwargs
    )


def test_a_third_party_payee_only_at_the_persons_request():
    kwargs: Any = {
        "amount": Decimal("10"),
        "spend_on": ["agency"],
        "responsibilities": ALL_NEEDED,
        "payee_name": "Fiona Campbell",
    }
    assert "payee_requested_by_person" in rules.agreement_problems(
        payee_requested_by_person=False, **kwargs
    )
    assert not rules.agreement_problems(payee_requested_by_person=True, **kwargs)


def test_the_council_ending_a_payment_must_give_notice_that_has_run_out():
    base: Any = {"starts_on": D(2026, 1, 1), "ground": "other_purposes"}
    assert "notice_given_on" in rules.ending_problems(
        ended_on=D(2026, 6, 1), notice_given_on=None, notice_days=None, **base
    )
    assert "ended_on" in rules.ending_problems(
        ended_on=D(2026, 6, 1), notice_given_on=D(2026, 5, 20), notice_days=28, **base
    )
    assert not rules.ending_problems(
        ended_on=D(2026, 6, 17), notice_given_on=D(2026, 5, 20), notice_days=28, **base
    )


def test_the_persons_own_choice_to_end_needs_no_notice_but_a_ground_and_order():
    assert not rules.ending_problems(
        starts_on=D(2026, 1, 1),
        ended_on=D(2026, 2, 1),
        ground="person_chose",
        notice_given_on=None,
        notice_days=None,
    )
    problems = rules.ending_problems(
        starts_on=D(2026, 3, 1),
        ended_on=D(2026, 2, 1),
        ground="",
        notice_given_on=None,
        notice_days=None,
    )
    assert set(problems) == {"ended_on", "end_ground"}


def test_monitoring_periods_follow_on_and_returns_fall_due_after_grace():
    assert rules.next_return_period(D(2026, 3, 31), 3) == (
        D(2026, 4, 1),
        D(2026, 6, 30),
    )
    assert rules.next_return_period(D(2026, 1, 30), 1) == (
        D(2026, 1, 31),
        D(2026, 2, 27),
    )
    assert rules.return_due_on(D(2026, 6, 30), 28) == D(2026, 7, 28)


@pytest.mark.parametrize(
    ("due_on", "received_on", "overdue", "due_soon"),
    [
        (D(2026, 5, 1), None, True, False),
        (D(2026, 5, 10), None, False, True),
        (D(2026, 5, 24), None, False, True),
        (D(2026, 5, 25), None, False, False),
    ],
)
def test_due_for_monitoring(due_on, received_on, overdue, due_soon):
    status = rules.monitoring_status(
        due_on=due_on, received_on=received_on, today=D(2026, 5, 10), within_days=14
    )
    assert status is not None
    assert (status.overdue, status.due_soon) == (overdue, due_soon)


def test_a_received_return_is_not_due():
    assert (
        rules.monitoring_status(
            due_on=D(2026, 1, 1),
            received_on=D(2026, 1, 2),
            today=D(2026, 5, 1),
            within_days=14,
        )
        is None
    )


def test_surplus_is_the_balance_beyond_the_weeks_allowed_never_negative():
    yearly = Decimal("10400.00")  # £200 a week
    assert rules.surplus(
        balance_held=Decimal("2000"), yearly_amount=yearly, weeks_allowed=8
    ) == Decimal("400.00")
    assert rules.surplus(
        balance_held=Decimal("900"), yearly_amount=yearly, weeks_allowed=8
    ) == Decimal("0.00")


def test_a_received_return_needs_evidence_and_balance_and_surplus_within_it():
    problems = rules.return_problems(
        period_from=D(2026, 1, 1),
        period_to=D(2026, 3, 31),
        received_on=D(2026, 4, 20),
        balance_held=Decimal("100"),
        surplus_amount=Decimal("200"),
        evidence=[],
    )
    assert set(problems) == {"evidence", "surplus"}
    assert not rules.return_problems(
        period_from=D(2026, 1, 1),
        period_to=D(2026, 3, 31),
        received_on=None,
        balance_held=None,
        surplus_amount=None,
        evidence=[],
    )


def test_recovery_is_no_more_than_the_surplus_and_dated():
    assert "surplus_decision" in rules.recovery_problems(
        surplus_amount=None,
        decision="recover",
        recovered_amount=None,
        recovered_on=None,
    )
    assert "recovered_amount" in rules.recovery_problems(
        surplus_amount=Decimal("50"),
        decision="recover",
        recovered_amount=Decimal("60"),
        recovered_on=D(2026, 5, 1),
    )
    assert "recovered_on" in rules.recovery_problems(
        surplus_amount=Decimal("50"),
        decision="recover",
        recovered_amount=Decimal("50"),
        recovered_on=None,
    )
    assert not rules.recovery_problems(
        surplus_amount=Decimal("50"),
        decision="retain",
        recovered_amount=None,
        recovered_on=None,
    )


def test_active_from_start_to_end_inclusive():
    assert rules.is_active(D(2026, 1, 1), None, D(2026, 1, 1))
    assert rules.is_active(D(2026, 1, 1), D(2026, 2, 1), D(2026, 2, 1))
    assert not rules.is_active(D(2026, 1, 1), D(2026, 2, 1), D(2026, 2, 2))
    assert not rules.is_active(D(2026, 3, 1), None, D(2026, 2, 2))


def test_options_1_and_2_share_of_spend():
    assert rules.self_directed_share(
        Decimal("10"), Decimal("5"), Decimal("100")
    ) == Decimal("15.0")
    assert rules.self_directed_share(Decimal("0"), Decimal("0"), Decimal("0")) is None


def test_financial_year_starts_on_1_april():
    assert rules.financial_year_start(D(2026, 3, 31)) == D(2025, 4, 1)
    assert rules.financial_year_start(D(2026, 4, 1)) == D(2026, 4, 1)


@pytest.mark.parametrize(
    "period_to", [datetime.date.min, datetime.date(1, 1, 1), datetime.date.max]
)
def test_the_return_schedule_never_overflows_at_the_ends_of_the_calendar(
    period_to: datetime.date,
) -> None:
    start, end = rules.next_return_period(period_to, 12)
    assert start <= end or start == datetime.date.max
    assert rules.return_due_on(end, 28) >= end
    assert rules.next_return_period(datetime.date(1, 1, 1), 3)[0] == datetime.date(
        1, 1, 2
    )

"""The resource panel's rules (no database)."""

import datetime
from decimal import Decimal
from typing import Any

import pytest

from selfdirect.panel import rules

D = datetime.date


@pytest.mark.parametrize(
    ("action", "state", "allowed"),
    [
        ("submit", "draft", True),
        ("submit", "deferred", True),
        ("submit", "submitted", False),
        ("submit", "decided", False),
        ("list", "submitted", True),
        ("list", "listed", True),
        ("list", "draft", False),
        ("list", "decided", False),
        ("decide", "listed", True),
        ("decide", "submitted", False),
        ("decide", "decided", False),
        ("decide", "deferred", False),
    ],
)
def test_transitions_start_only_from_allowed_states(action, state, allowed) -> None:
    assert rules.can_move(action, state) is allowed


def test_a_deferral_goes_back_to_be_resubmitted() -> None:
    assert rules.state_after_decision("deferred") == "deferred"
    assert rules.state_after_decision("approved") == "decided"
    assert rules.state_after_decision("declined") == "decided"


def _problems(**overrides):  # type: ignore[no-untyped-def]
    values: dict[str, Any] = {
        "outcome": "approved",
        "reasons": "Meets the outcomes",
        "conditions": "",
        "approved_amount": Decimal("15000"),
        "amount_requested": Decimal("15000"),
        "present": "Chair",
    }
    values.update(overrides)
    return rules.decision_problems(**values)


def test_a_decision_needs_reasons_and_who_was_present() -> None:
    assert _problems() == {}
    assert set(_problems(reasons=" ", present="")) == {"reasons", "present"}


def test_an_approval_needs_an_amount_and_a_plain_approval_is_what_was_asked() -> None:
    assert "approved_amount" in _problems(approved_amount=None)
    assert "approved_amount" in _problems(approved_amount=Decimal("14000"))


def test_an_approval_with_changes_must_change_something() -> None:
    same = _problems(outcome="approved_with_changes")
    assert "conditions" in same
    assert (
        _problems(outcome="approved_with_changes", conditions="Review in 3 months")
        == {}
    )
    assert (
        _problems(outcome="approved_with_changes", approved_amount=Decimal("13000"))
        == {}
    )


def test_deferrals_and_refusals_have_no_amount() -> None:
    assert _problems(outcome="deferred", approved_amount=None) == {}
    assert "approved_amount" in _problems(outcome="declined")


def test_the_person_is_told_on_or_after_the_decision_and_how() -> None:
    decided = D(2026, 11, 12)
    assert (
        rules.telling_problems(told_on=decided, told_how="letter", decided_on=decided)
        == {}
    )
    assert set(
        rules.telling_problems(told_on=None, told_how="", decided_on=decided)
    ) == {
        "told_on",
        "told_how",
    }
    early = rules.telling_problems(
        told_on=D(2026, 11, 11), told_how="phone", decided_on=decided
    )
    assert "told_on" in early


def test_a_service_start_needs_an_approval_and_comes_after_it() -> None:
    decided = D(2026, 11, 12)
    assert (
        rules.service_start_problems(
            approved=True, started_on=decided, decided_on=decided
        )
        == {}
    )
    assert rules.service_start_problems(
        approved=False, started_on=decided, decided_on=decided
    )
    assert rules.service_start_problems(
        approved=True, started_on=D(2026, 11, 1), decided_on=decided
    )


@pytest.mark.parametrize(
    ("cost", "limit", "approved", "needs"),
    [
        ("11000", "12000", None, False),
        ("12000", "12000", None, False),
        ("13000", "12000", None, True),
        ("13000", "12000", "13000", False),
        ("13000", "12000", "12500", True),
        ("100", None, None, True),
    ],
)
def test_a_plan_over_the_limit_needs_an_approval_of_its_cost(
    cost, limit, approved, needs
) -> None:
    assert (
        rules.needs_panel_approval(
            cost=Decimal(cost),
            limit=Decimal(limit) if limit else None,
            approved_amount=Decimal(approved) if approved else None,
        )
        is needs
    )


def _decision(**changes: Any) -> dict[str, str]:
    details: dict[str, Any] = {
        "outcome": "approved",
        "reasons": "Meets the outcomes",
        "conditions": "",
        "approved_amount": Decimal("100.00"),
        "amount_requested": Decimal("100.00"),
        "present": "Chair",
        "decided_on": D(2026, 3, 5),
        "meets_on": D(2026, 3, 5),
    }
    return rules.decision_problems(**{**details, **changes})


def test_a_decision_is_on_or_after_its_meeting() -> None:
    assert _decision() == {}
    assert _decision(decided_on=D(2026, 3, 12)) == {}
    assert _decision(decided_on=D(2026, 3, 4)) == {
        "decided_on": "The date of the decision must be on or after the meeting, "
        "5 March 2026"
    }


def test_the_amount_asked_for_covers_the_plans_cost() -> None:
    cost = Decimal("26769.60")
    assert rules.amount_requested_problems(amount_requested=cost, plan_cost=cost) == {}
    assert (
        rules.amount_requested_problems(
            amount_requested=Decimal("13930"), plan_cost=None
        )
        == {}
    )
    problems = rules.amount_requested_problems(
        amount_requested=Decimal("13930"), plan_cost=cost
    )
    assert problems == {
        "amount_requested": "The support plan costs £26,769.60 a year. Ask for at "
        "least that amount, or change the plan first"
    }

"""The indicative budget stage of the task list (rules, no database)."""

import datetime
from decimal import Decimal

from selfdirect.budgets.rules import budget_stage


def test_no_budget_is_not_started_and_a_budget_is_done_with_its_amount() -> None:
    assert budget_stage(amount=None, worked_out_on=None)[0] == "not_started"
    assert budget_stage(
        amount=Decimal("5520.00"), worked_out_on=datetime.date(2026, 10, 1)
    ) == ("done", "£5,520.00 a year, worked out on 1 October 2026.")

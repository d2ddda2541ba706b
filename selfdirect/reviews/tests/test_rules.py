import datetime

import pytest

from selfdirect.plans.rules import first_review_date
from selfdirect.reviews import rules

D = datetime.date


@pytest.mark.parametrize(
    ("agreed", "months", "due"),
    [
        (D(2026, 1, 15), 3, D(2026, 4, 15)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),  # month end: the shorter February
        (D(2027, 11, 30), 3, D(2028, 2, 29)),  # a leap year's February
        (D(2026, 8, 31), 3, D(2026, 11, 30)),
    ],
)
def test_the_first_review_is_due_months_after_agreement(agreed, months, due) -> None:
    assert first_review_date(agreed, months) == due


@pytest.mark.parametrize(
    ("reviewed", "latest"),
    [
        (D(2026, 3, 10), D(2027, 3, 10)),
        (D(2028, 2, 29), D(2029, 2, 28)),  # from a leap day to an ordinary year
        (D(2027, 2, 28), D(2028, 2, 28)),  # not moved to the leap day
        (D(2026, 12, 31), D(2027, 12, 31)),
    ],
)
def test_the_next_review_is_at_most_the_interval_later(reviewed, latest) -> None:
    assert rules.latest_next_review(reviewed, 12) == latest
    assert (
        rules.next_review_problems(
            reviewed_on=reviewed, next_review_on=latest, months=12
        )
        == []
    )
    assert rules.next_review_problems(
        reviewed_on=reviewed,
        next_review_on=latest + datetime.timedelta(days=1),
        months=12,
    )


def test_a_next_review_must_be_given_and_after_the_review() -> None:
    day = D(2026, 5, 1)
    assert rules.next_review_problems(reviewed_on=day, next_review_on=None, months=12)
    assert rules.next_review_problems(reviewed_on=day, next_review_on=day, months=12)
    assert not rules.next_review_problems(
        reviewed_on=day, next_review_on=D(2026, 11, 1), months=12
    )


def test_a_planned_review_keeps_the_plans_due_date_and_an_unplanned_one_is_due_now() -> (
    None
):
    started, due = D(2026, 9, 1), D(2026, 6, 30)
    assert (
        rules.due_on_at_start(kind="planned", plan_review_on=due, started_on=started)
        == due
    )
    for kind in ("circumstances", "hospital", "requested", "complaint"):
        assert (
            rules.due_on_at_start(kind=kind, plan_review_on=due, started_on=started)
            == started
        )
    assert (
        rules.due_on_at_start(kind="planned", plan_review_on=None, started_on=started)
        == started
    )


def test_on_time_and_late_are_judged_by_the_date_kept() -> None:
    due = D(2026, 6, 30)
    assert rules.was_on_time(due_on=due, agreed_on=due)
    assert not rules.was_on_time(due_on=due, agreed_on=D(2026, 7, 1))


@pytest.mark.parametrize(
    ("days_late", "band"),
    [
        (-29, None),
        (-28, "due_soon"),
        (0, "due_soon"),
        (1, "up_to_3_months"),
        (91, "up_to_3_months"),
        (92, "3_to_6_months"),
        (183, "over_6_months"),
    ],
)
def test_how_overdue(days_late, band) -> None:
    today = D(2026, 6, 1)
    assert rules.overdue_band(today - datetime.timedelta(days=days_late), today) == band


def test_a_poor_outcome_needs_a_reason_and_a_narrative() -> None:
    assert rules.attainment_problems(
        level_chosen=False, poor=False, reason_codes=[], narrative=""
    )
    assert not rules.attainment_problems(
        level_chosen=True, poor=False, reason_codes=[], narrative=""
    )
    assert (
        len(
            rules.attainment_problems(
                level_chosen=True, poor=True, reason_codes=[], narrative=""
            )
        )
        == 2
    )
    assert rules.attainment_problems(
        level_chosen=True, poor=True, reason_codes=["provider_capacity"], narrative=" "
    )
    assert not rules.attainment_problems(
        level_chosen=True,
        poor=True,
        reason_codes=["provider_capacity"],
        narrative="The agency had no staff on Tuesdays.",
    )


def test_taking_part_and_what_happens_next() -> None:
    assert rules.participation_problems(took_part="", why_not="")
    assert rules.participation_problems(took_part="did_not", why_not="")
    assert not rules.participation_problems(took_part="did_not", why_not="In hospital")
    assert not rules.participation_problems(took_part="phone", why_not="")
    assert rules.next_step_problems(next_step="", support_ends_reason="")
    assert rules.next_step_problems(next_step="support_ends", support_ends_reason="")
    assert not rules.next_step_problems(next_step="continue", support_ends_reason="")


def test_states_move_like_a_conversation() -> None:
    assert rules.can_move("draft", "shared")
    assert not rules.can_move("draft", "agreed")
    assert rules.can_move("shared", "agreed")
    assert not rules.can_move("agreed", "draft")


def test_the_review_stage_of_the_journey() -> None:
    today = D(2026, 6, 1)

    def stage(**kw):
        return rules.review_stage(
            today=today, **{"open_review": False, "reviewed": False, **kw}
        )[0]

    assert stage(review_on=None) == "not_started"
    assert stage(review_on=D(2026, 5, 31)) == "needs_review"
    assert stage(review_on=D(2026, 5, 31), open_review=True) == "in_progress"
    assert stage(review_on=D(2026, 9, 1), reviewed=True) == "done"
    assert stage(review_on=D(2026, 9, 1)) == "not_started"

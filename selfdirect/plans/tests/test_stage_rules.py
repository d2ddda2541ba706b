"""The support plan and review stages of the task list, and the warning when a
plan's options differ from the person's choice (rules, no database)."""

import datetime

from selfdirect.plans import rules

TODAY = datetime.date(2026, 11, 27)


def test_the_plan_stage_follows_drafts_and_agreement() -> None:
    assert rules.plan_stage(agreed=False, draft=False)[0] == "not_started"
    assert rules.plan_stage(agreed=False, draft=True)[0] == "in_progress"
    assert rules.plan_stage(agreed=True, draft=False)[0] == "done"
    status, summary = rules.plan_stage(agreed=True, draft=True)
    assert status == "in_progress" and "new version" in summary


def test_a_review_past_its_date_needs_review() -> None:
    assert rules.review_stage(review_on=None, today=TODAY)[0] == "not_started"
    due = rules.review_stage(review_on=datetime.date(2027, 2, 1), today=TODAY)
    assert due == ("not_started", "Due by 1 February 2027.")
    late = rules.review_stage(review_on=datetime.date(2026, 11, 26), today=TODAY)
    assert late == ("needs_review", "The review was due by 26 November 2026.")


def test_a_support_under_an_option_not_chosen_is_named() -> None:
    warnings = rules.options_differing_from_choice(
        [("Personal assistant", 1), ("Day centre", 2), ("Friend visits", None)],
        {"Personal care": 2},
    )
    assert warnings == [
        "“Personal assistant” is under Option 1, but the person chose Option 2 "
        "for personal care. Check the support, or record the change of choice."
    ]


def test_without_a_recorded_choice_there_is_nothing_to_compare() -> None:
    assert rules.options_differing_from_choice([("Personal assistant", 1)], {}) == []

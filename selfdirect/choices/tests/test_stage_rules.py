"""The informed choice stage of the task list (rules, no database)."""

from selfdirect.choices.rules import choice_stage, informed_choice


def _informed(**changes):
    answers = {
        "information_before": True,
        "independent_support_offered": True,
        "decided_by": "person",
        "authority_recorded": False,
    }
    return informed_choice(**{**answers, **changes})


def test_nothing_given_is_not_started_and_information_is_in_progress() -> None:
    assert (
        choice_stage(information_given=False, support_offered=False, informed=None)[0]
        == "not_started"
    )
    assert (
        choice_stage(information_given=True, support_offered=False, informed=None)[0]
        == "in_progress"
    )


def test_an_informed_choice_is_done() -> None:
    status, _ = choice_stage(
        information_given=True, support_offered=True, informed=_informed()
    )
    assert status == "done"


def test_a_choice_not_shown_to_be_informed_says_what_is_missing() -> None:
    status, summary = choice_stage(
        information_given=False,
        support_offered=True,
        informed=_informed(information_before=False),
    )
    assert status == "needs_review"
    assert summary == (
        "No record of information about the options given before the choice."
    )

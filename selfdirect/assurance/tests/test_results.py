import pytest

from selfdirect.assurance.results import (
    AnswerCount,
    Criterion,
    Tally,
    results,
    tallies,
)

CRITERIA = [
    Criterion("plan_contingency", "Does the plan have contingency arrangements?"),
    Criterion("plan_smart", "Are the support plan's outcomes SMART?"),
]


@pytest.mark.parametrize(
    ("yes", "no", "term"),
    [
        (14, 86, "few"),
        (15, 85, "less than half"),  # 15% exactly
        (49, 51, "less than half"),
        (50, 50, "the majority"),  # 50% exactly
        (74, 26, "the majority"),
        (75, 25, "most"),  # 75% exactly
        (89, 11, "most"),
        (90, 10, "almost all"),  # 90% exactly
        (9, 51, "less than half"),  # 15% of a sample of 60
        (30, 30, "the majority"),
        (45, 15, "most"),
        (54, 6, "almost all"),
    ],
)
def test_the_term_at_and_around_each_boundary(yes: int, no: int, term: str) -> None:
    assert Tally(yes=yes, no=no).term == term


def test_not_applicable_is_left_out_of_the_group_and_partly_is_not_yes() -> None:
    tally = Tally(yes=9, partly=20, no=31, not_applicable=20)
    assert (tally.applies, tally.files) == (60, 80)
    assert tally.percent == 15
    assert tally.term == "less than half"


def test_a_criterion_that_applied_to_no_file_has_no_term() -> None:
    tally = Tally(not_applicable=5)
    assert (tally.share, tally.percent, tally.term) == (None, None, "")


def test_percent_rounds_half_up() -> None:
    assert Tally(yes=1, no=7).percent == 13  # 12.5
    assert Tally(yes=1, no=2).percent == 33


def test_counts_add_up_by_team_and_overall() -> None:
    rows = [
        AnswerCount("plan_contingency", "North", "yes", 3),
        AnswerCount("plan_contingency", "North", "no", 7),
        AnswerCount("plan_contingency", "South", "yes", 6),
        AnswerCount("plan_contingency", "South", "not_applicable", 2),
        AnswerCount("plan_smart", "South", "partly", 4),
    ]
    found = results(CRITERIA, rows)
    assert found.teams == ("North", "South")
    contingency, smart = found.criteria
    assert contingency.tally == Tally(yes=9, no=7, not_applicable=2)
    assert contingency.tally.term == "the majority"  # 9 of 16
    assert [(t.team, t.tally.yes, t.tally.applies) for t in contingency.teams] == [
        ("North", 3, 10),
        ("South", 6, 6),
    ]
    assert contingency.sentence == (
        "The majority of the files it applies to answered yes (9 of 16)."
    )
    assert smart.tally == Tally(partly=4)
    assert smart.tally.term == "few"
    assert [t.tally for t in smart.teams] == [Tally(), Tally(partly=4)]
    assert not found.compared
    assert contingency.change_display == "no previous figure"


def test_the_change_since_the_previous_exercise() -> None:
    rows = [
        AnswerCount("plan_contingency", "North", "yes", 30),
        AnswerCount("plan_contingency", "North", "no", 30),
    ]
    before = [
        AnswerCount("plan_contingency", "North", "yes", 20),
        AnswerCount("plan_contingency", "South", "no", 40),
    ]
    found = results(CRITERIA, rows, previous=before)
    contingency, smart = found.criteria
    assert found.compared
    assert contingency.previous == Tally(yes=20, no=40)
    assert contingency.change == 17  # 50% now, 33% then
    assert contingency.change_display == "up 17 points"
    assert contingency.term_changed  # less than half, then the majority
    assert smart.previous is None
    assert smart.change_display == "no previous figure"


def test_a_fall_and_no_change() -> None:
    rows = [AnswerCount("plan_smart", "North", "yes", 1)]
    before = [AnswerCount("plan_smart", "North", "yes", 2)]
    _, smart = results(CRITERIA, rows, previous=before).criteria
    assert (smart.change, smart.change_display, smart.term_changed) == (
        0,
        "no change",
        False,
    )
    rows = [
        AnswerCount("plan_smart", "North", "yes", 1),
        AnswerCount("plan_smart", "North", "no", 3),
    ]
    _, smart = results(CRITERIA, rows, previous=before).criteria
    assert smart.change_display == "down 75 points"


def test_a_previous_exercise_where_it_applied_to_none_is_not_comparable() -> None:
    rows = [AnswerCount("plan_smart", "North", "yes", 1)]
    before = [AnswerCount("plan_smart", "North", "not_applicable", 2)]
    _, smart = results(CRITERIA, rows, previous=before).criteria
    assert smart.change_display == "not comparable"


def test_an_unknown_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="'maybe' is not an answer"):
        tallies([AnswerCount("plan_smart", "North", "maybe", 1)])

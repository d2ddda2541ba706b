import datetime

import pytest

from selfdirect.plans import rules, smart

WRITTEN = datetime.date(2026, 11, 10)


@pytest.mark.parametrize(
    "words",
    [
        "I want to get back to my Tuesday swimming group",
        "I want to see my grandchildren every week",
        "Feel safe at home at night",
        "I want to cook my own tea",
    ],
)
def test_outcomes_naming_something_in_the_persons_life_are_specific(words) -> None:
    assert smart.is_specific(words)


@pytest.mark.parametrize(
    "words",
    [
        "I want to feel better",
        "To be happy",
        "To maintain independence",
        "2 home care visits a day",  # a service
        "Unable to wash",  # a deficit
        "",
        "   ",
    ],
)
def test_vague_service_led_or_deficit_words_are_not_specific(words) -> None:
    assert not smart.is_specific(words)


@pytest.mark.parametrize(
    "how",
    [
        "Morag goes to the swimming group at least 3 Tuesdays a month",
        "Tells us at review she sees her friends every week",
        "Cooks her own tea 4 nights a week",
        "She has seen her brother in Oban by the summer",
    ],
)
def test_things_seen_counted_or_told_at_review_are_measurable(how) -> None:
    assert smart.is_measurable(how)


@pytest.mark.parametrize(
    "how",
    [
        None,
        "",
        "Feels better",
        "She is happier",
        "More confident",
        "Quality of life improved",
        "Carers visit twice daily",  # the service delivered, not the result
        "Attends the day centre 3 days a week",
        "Package of care in place",
    ],
)
def test_feelings_alone_or_services_delivered_are_not_measurable(how) -> None:
    assert not smart.is_measurable(how)


def test_a_target_date_after_the_day_of_writing_is_time_bound() -> None:
    assert smart.is_time_bound(WRITTEN + datetime.timedelta(days=1), WRITTEN)
    assert not smart.is_time_bound(WRITTEN, WRITTEN)
    assert not smart.is_time_bound(WRITTEN - datetime.timedelta(days=30), WRITTEN)
    assert not smart.is_time_bound(None, WRITTEN)


def test_only_a_recorded_yes_counts_as_achievable() -> None:
    assert smart.is_achievable(True)
    assert not smart.is_achievable(False)
    assert not smart.is_achievable(None)


def test_a_smart_outcome_has_nothing_missing() -> None:
    check = smart.check_smart(
        words="I want to get back to my Tuesday swimming group",
        how_we_will_know="Goes to the group at least 3 Tuesdays a month",
        target_date=datetime.date(2027, 3, 31),
        agreed_achievable=True,
        written_on=WRITTEN,
    )
    assert check.smart
    assert check.missing == [] and check.suggestions == []


def test_each_missing_letter_is_named_with_a_suggestion() -> None:
    check = smart.check_smart(
        words="I want to feel better",
        how_we_will_know="Feels better",
        target_date=None,
        agreed_achievable=False,
        written_on=WRITTEN,
    )
    assert not (check.specific or check.measurable or check.time_bound)
    assert not check.achievable
    assert len(check.missing) == len(check.suggestions) == 4
    assert check.missing[0].startswith("Specific")
    assert "no target date" in check.missing[2]


def test_a_service_written_as_an_outcome_gets_the_wording_helpers_suggestion() -> None:
    check = smart.check_smart(
        words="2 home care visits a day",
        how_we_will_know="Carers visit twice daily",
        target_date=WRITTEN,
        agreed_achievable=True,
        written_on=WRITTEN,
    )
    assert "describes a service" in check.suggestions[0]
    assert "service being delivered" in check.missing[1]
    assert "not in the future" in check.missing[2]


def test_option_four_is_derived_when_funded_supports_use_more_than_one_option() -> None:
    assert rules.plan_option([1, 3]) == 4
    assert rules.plan_option([1, None, 3, 3]) == 4
    assert rules.plan_option([2, 2, None]) == 2
    assert rules.plan_option([None]) is None
    assert rules.plan_option([]) is None


def test_paid_supports_and_paid_kinds_need_an_option() -> None:
    assert rules.needs_option(yearly_cost=100, provided_by="family")
    assert rules.needs_option(yearly_cost=0, provided_by="council")
    assert not rules.needs_option(yearly_cost=0, provided_by="family")
    assert not rules.needs_option(yearly_cost=None, provided_by="community")


def test_contingency_is_present_when_any_question_is_answered() -> None:
    assert rules.has_contingency(["", "Ring my daughter", ""])
    assert not rules.has_contingency(["", "  ", ""])


def test_a_plan_needs_outcomes_contingency_and_to_be_a_draft_to_be_agreed() -> None:
    assert (
        rules.agreement_problems(outcome_count=1, contingency=True, state="draft") == []
    )
    problems = rules.agreement_problems(
        outcome_count=0, contingency=False, state="agreed"
    )
    assert len(problems) == 3
    assert any("contingency" in p for p in problems)


@pytest.mark.parametrize(
    ("agreed", "months", "review"),
    [
        (datetime.date(2026, 11, 10), 3, datetime.date(2027, 2, 10)),
        (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 11, 30), 3, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 6, 15), 12, datetime.date(2027, 6, 15)),
    ],
)
def test_the_first_review_is_months_after_agreement(agreed, months, review) -> None:
    assert rules.first_review_date(agreed, months) == review

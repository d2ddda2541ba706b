"""The SMART rules on the patterns they used to miss (issue 16): counts and
frequencies written in words, completions, aims made specific by "how we will
know", and vague aims taken as specific. The phrasings are not rows of the
labelled set (tests/data/smart_labelled.csv). No database needed."""

import datetime

import pytest

from selfdirect.plans import smart

WRITTEN = datetime.date(2026, 11, 10)


@pytest.mark.parametrize(
    "how",
    [
        "Has been to the drama group on at least six visits",
        "Walks to the paper shop five days a week",
        "Goes to the pool twice a week",
        "Sees her nephew every other Saturday",
        "Has a shower a couple of times a week",
        "Phones his brother at least once a fortnight",
        "Out with her pals three evenings out of seven",
        "Is up and dressed by nine o'clock most mornings",
        "No falls on the stairs over the winter",
    ],
)
def test_counts_and_frequencies_in_words_are_measurable(how) -> None:
    assert smart.is_measurable(how)


@pytest.mark.parametrize(
    "how",
    [
        "Enrolled on the course",
        "Signed up for the beginners' Spanish class",
        "Has a place at the college from August",
        "Has moved into the new flat",
        "Passed the theory test",
        "Completed the first aid certificate",
        "Joined the Tuesday walking football",
        "Was at her niece's wedding",
        "Has adopted a rescue dog",
    ],
)
def test_a_completion_that_can_be_checked_is_measurable(how) -> None:
    assert smart.is_measurable(how)


@pytest.mark.parametrize(
    ("words", "how"),
    [
        ("To be more independent", "Makes his own lunch and tea every day"),
        ("To get out more", "Goes to the men's shed on Wednesdays"),
        ("To stay safe at home", "No falls in the kitchen or on the stairs"),
        ("To keep well", "No hospital admissions this winter"),
        ("To feel less lonely", "Has coffee with her neighbour Ruby every Friday"),
        ("To maintain my independence", "Does her own shopping at the Co-op"),
    ],
)
def test_a_vague_aim_is_specific_when_how_we_will_know_says_what_it_means(
    words, how
) -> None:
    assert not smart.is_specific(words)
    assert smart.is_specific(words, how)
    check = smart.check_smart(
        words=words,
        how_we_will_know=how,
        target_date=WRITTEN + datetime.timedelta(days=90),
        agreed_achievable=True,
        written_on=WRITTEN,
    )
    assert check.smart


@pytest.mark.parametrize(
    ("words", "how"),
    [
        ("To be more independent", "More independent"),
        ("To get out more", "Support worker takes him out twice a week"),
        ("To stay safe at home", "Community alarm installed"),
        ("To be happy", "Tells us at review she is happy"),
    ],
)
def test_how_we_will_know_cannot_make_an_aim_specific_with_a_service_or_a_feeling(
    words, how
) -> None:
    assert not smart.is_specific(words, how)


@pytest.mark.parametrize(
    "words",
    [
        "To stay safe",
        "To be monitored",
        "To stay safe at home",
        "To be safe in the community",
        "To be monitored at home",
        "Mum to be kept safe at home",
        "To be supported in the community",
        "Get involved in the community",
        "To do more for myself",
        "To access the community",
        "Respite",
    ],
)
def test_vague_aims_are_not_specific_even_with_a_general_setting(words) -> None:
    assert not smart.is_specific(words)


@pytest.mark.parametrize(
    "words",
    [
        "I want to stay living in my own flat",
        "To feel safe in the shower",
        "To be supported to go to the football with my son",
        "I want to sleep through the night",
        "I want to pass my driving test",
    ],
)
def test_concrete_states_situations_and_activities_stay_specific(words) -> None:
    assert smart.is_specific(words)


@pytest.mark.parametrize(
    "how",
    [
        "CPN visits weekly",
        "Bath lift installed",
        "Falls risk assessment completed",
        "Referred to the memory clinic",
        "Goes to the day centre three days a week",
        "Will be reviewed in three months",
        "Outcome met",
        "Gets out more",
        "Takes part in activities",
    ],
)
def test_services_occasions_and_vague_doing_are_not_measurable(how) -> None:
    assert not smart.is_measurable(how)


@pytest.mark.parametrize(
    "how",
    [
        "Takes her tablets from the dosette box every morning",
        "Visits her sister by bus every Sunday",
        "Hoovers the flat with his support worker every weekend",
        "Has attended her own review meeting",
    ],
)
def test_a_service_named_on_the_way_does_not_stop_a_measure(how) -> None:
    assert smart.is_measurable(how)


def test_the_missing_measure_message_names_a_service_delivered() -> None:
    check = smart.check_smart(
        words="I want to have a bath",
        how_we_will_know="Bath lift fitted",
        target_date=None,
        agreed_achievable=None,
        written_on=WRITTEN,
    )
    assert check.specific and not check.measurable
    assert "service being delivered" in check.missing[0]


def test_long_text_is_checked_quickly() -> None:
    import time

    aim = ("To stay safe at home and see my friends at the club. " * 200)[:10_000]
    how = ("Goes to the club on at least six Tuesdays, tells us. " * 200)[:10_000]
    started = time.perf_counter()
    smart.check_smart(
        words=aim,
        how_we_will_know=how,
        target_date=None,
        agreed_achievable=None,
        written_on=WRITTEN,
    )
    smart.check_smart(
        words="to " * 3_400,
        how_we_will_know="no " * 3_400,
        target_date=None,
        agreed_achievable=None,
        written_on=WRITTEN,
    )
    # Most of the time is the conversation wording check; the bound catches
    # runaway backtracking, with room for a loaded machine.
    assert time.perf_counter() - started < 2.0

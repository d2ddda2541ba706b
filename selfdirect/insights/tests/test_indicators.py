import datetime

import pytest

from selfdirect.insights.indicators import measures
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.registry import compute

from . import worked_example

FY = Period(2025)


@pytest.fixture
def example(db):
    return worked_example.build()


def _by(items, group):
    return next(i for i in items if i["group"] == group)


def test_the_worked_example_in_the_docs(example) -> None:
    found = compute(FY, breakdowns=True, today=datetime.date(2026, 4, 1))
    options = found["options"]
    assert {
        k: options[k] for k in ("option_1", "option_2", "option_3", "option_4", "any")
    } == {
        "option_1": 2,
        "option_2": 1,
        "option_3": 1,
        "option_4": 1,
        "any": 3,
    }
    assert options["shares"]["option_1_only"] == {
        "numerator": 1,
        "denominator": 3,
        "rate": 33.3,
    }
    assert options["shares"]["option_3_only"]["numerator"] == 0
    assert options["shares"]["mix"]["numerator"] == 1
    assert found["population"]["people"] == 4
    assert found["implementation_rate_phs"] | {"breakdowns": None} == {
        "numerator": 3,
        "denominator": 4,
        "rate": 75.0,
        "breakdowns": None,
    }
    choice = found["implementation_rate_choice"]
    assert (choice["numerator"], choice["denominator"], choice["rate"]) == (2, 4, 50.0)
    informed = found["informed_choice"]
    assert (informed["numerator"], informed["denominator"]) == (1, 3)
    assert informed["rate"] == 33.3
    contacts = found["sds_discussed_first_contact"]
    assert (contacts["numerator"], contacts["denominator"]) == (2, 3)
    assert contacts["reasons_not_discussed"] == [
        {"reason": "Person in crisis", "count": 1}
    ]
    # Breakdowns of the population.
    ages = found["population"]["breakdowns"]["age_band"]
    assert {a["group"]: a["people"] for a in ages} == {"0-17": 1, "18-64": 2, "65+": 1}
    places = found["population"]["breakdowns"]["locality"]
    assert {a["group"]: a["people"] for a in places} == {"North": 2, "South": 2}
    rate_by_place = found["implementation_rate_phs"]["breakdowns"]["locality"]
    assert _by(rate_by_place, "South") == {
        "group": "South",
        "numerator": 1,
        "denominator": 2,
        "rate": 50.0,
    }
    by_option = found["population"]["breakdowns"]["option"]
    assert {a["group"]: a["people"] for a in by_option} == {
        "No option": 1,
        "Option 1 only": 1,
        "Option 2 only": 1,
        "A mix (option 4)": 1,
    }


def test_a_merged_person_counts_once_as_the_surviving_record(example) -> None:
    # Ann carries her own direct payment and Fay's: one person under option 1.
    assert example.ann.direct_payment_agreements.count() == 2
    ann_only = measures.options(Period(2025, 1), breakdowns=False)
    # Q1: Ann (two agreements), Cat (ended 1 April): option 1 counts 2 people.
    assert ann_only["option_1"] == 2


def test_period_boundaries_are_inclusive(example) -> None:
    q1 = measures.options(Period(2025, 1), breakdowns=False)
    q4 = measures.options(Period(2025, 4), breakdowns=False)
    # Cat's payment ended on 1 April (in Q1); her arranged service began 31 March.
    assert (q1["option_3"], q4["option_3"]) == (0, 1)
    assert (q1["option_4"], q4["option_4"]) == (0, 0)
    assert q4["option_1"] == 1  # Ann alone in Q4
    # Eve's service starts the day after the year ends.
    assert measures.options(Period(2026, 1), breakdowns=False)["option_3"] == 2


def test_a_rate_with_nobody_to_count_has_no_value(db) -> None:
    assert measures.implementation_rate_phs(FY, breakdowns=False) == {
        "numerator": 0,
        "denominator": 0,
        "rate": None,
    }


def test_first_contacts_are_counted_in_one_statement_with_the_top_reasons(
    db, django_assert_num_queries
) -> None:
    """The headline and the top reasons come from one grouped statement; a reason
    typed many different ways still sends back at most `reasons + 1` rows."""
    from selfdirect.people.tests.factories import FirstContactFactory, TeamFactory

    team = TeamFactory.create()
    on = datetime.date(2025, 6, 1)
    FirstContactFactory.create_batch(3, team=team, contact_date=on)
    for reason, n in (("Person in crisis", 3), ("Declined", 2), ("", 2)):
        FirstContactFactory.create_batch(
            n,
            team=team,
            contact_date=on,
            sds_discussed=False,
            sds_not_discussed_reason=reason,
        )
    for k in range(4):
        FirstContactFactory.create(
            team=team,
            contact_date=on,
            sds_discussed=False,
            sds_not_discussed_reason=f"Other {k}",
        )
    FirstContactFactory.create(team=team, contact_date=datetime.date(2024, 6, 1))
    with django_assert_num_queries(1):
        found = measures.sds_discussed_first_contact(FY, breakdowns=False, reasons=3)
    assert (found["numerator"], found["denominator"], found["rate"]) == (3, 14, 21.4)
    assert found["reasons_not_discussed"] == [
        {"reason": "Person in crisis", "count": 3},
        {"reason": "No reason recorded", "count": 2},
        {"reason": "Declined", "count": 2},
    ]
    # Nobody discussed: the reasons still carry the headline.
    none = measures.sds_discussed_first_contact(Period(2023), breakdowns=False)
    assert none == {
        "numerator": 0,
        "denominator": 0,
        "rate": None,
        "reasons_not_discussed": [],
    }

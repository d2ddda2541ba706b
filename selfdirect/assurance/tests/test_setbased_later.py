"""The set-based rules from the support plan to review (setbased/later.py) give
the per-file reader's answers, person by person, at two dates; and the SMART
flags they read are stored whenever a plan outcome is written."""

import datetime
from collections import Counter

import pytest
from django.core.management import call_command

from selfdirect.assurance.setbased import later
from selfdirect.insights.tests import outcomes_example, practice_example
from selfdirect.people.models import Person
from selfdirect.plans.models import SMART_FLAGS, PlanOutcome
from selfdirect.testing.personas import Personas

from .setbased_check import differences, set_answers

pytestmark = pytest.mark.journey("reviews", "panel", "delivery")

IDS = list(later.RULES)
DATES = (datetime.date(2025, 12, 31), datetime.date(2027, 6, 30))


def _everyone() -> list[int]:
    return list(Person.objects.order_by("pk").values_list("pk", flat=True))


def test_the_rules_are_the_seven_readings() -> None:
    assert sorted(IDS) == sorted(
        [
            "plan_smart",
            "plan_contingency",
            "person_told_decision",
            "review_on_time",
            "outcomes_evaluated",
            "poor_outcomes_explained",
            "informal_supports_in_plan",
        ]
    )


@pytest.mark.parametrize("as_of", DATES)
def test_the_personas_and_the_worked_examples(personas: Personas, as_of) -> None:  # type: ignore[no-untyped-def]
    practice_example.build()
    outcomes_example.build()
    assert differences(_everyone(), as_of, IDS) == []


def _stored(outcome: PlanOutcome) -> dict[str, bool]:
    outcome.refresh_from_db()
    return {name: getattr(outcome, name) for name in SMART_FLAGS}


def _checked(outcome: PlanOutcome) -> dict[str, bool]:
    check = outcome.smart_check()
    return {
        "smart_specific": check.specific,
        "smart_measurable": check.measurable,
        "smart_time_bound": check.time_bound,
        "smart_achievable": check.achievable,
    }


@pytest.mark.django_db
def test_a_seeded_demo_reads_the_same_both_ways() -> None:
    call_command("seed", people=300, seed=7, verbosity=0)
    ids = _everyone()
    for as_of in DATES:
        assert differences(ids, as_of, IDS) == []
    # The demo is varied enough for the proof to mean something: every answer of
    # most rules is met.
    found = Counter(
        (c, a)
        for answers in set_answers(ids, DATES[1], IDS).values()
        for c, a in answers.items()
    )
    for rule in ("plan_smart", "outcomes_evaluated"):
        for answer in ("yes", "partly", "no", "not_applicable"):
            assert found[(rule, answer)], (rule, answer)
    for rule in IDS:
        assert found[(rule, "yes")] and found[(rule, "not_applicable")], rule
    # The seed's bulk path stores the same flags as the rule gives.
    for outcome in PlanOutcome.objects.order_by("pk")[:300]:
        assert _stored(outcome) == _checked(outcome)

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
from selfdirect.plans.models import PlanOutcome
from selfdirect.plans.tests.smart_flags import checked, stored
from selfdirect.testing.personas import Personas

from .setbased_check import differences, set_answers

# The early stages only (the person, contacts, conversations): the later stages'
# import is tested in test_import_later.py.
EARLY = {
    "format",
    "format_version",
    "as_of",
    "source",
    "person",
    "first_contacts",
    "conversations",
    "carers_plans",
}

pytestmark = pytest.mark.journey("reviews", "panel", "delivery")

IDS = list(later.RULES)
DATES = (datetime.date(2025, 12, 31), datetime.date(2027, 6, 30))
PLAN_RULES = (
    "plan_smart",
    "plan_contingency",
    "informal_supports_in_plan",
    "review_on_time",
    "outcomes_evaluated",
)


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


@pytest.mark.django_db
def test_a_seeded_demo_reads_the_same_both_ways() -> None:
    call_command("seed", people=300, seed=7, verbosity=0)
    ids = _everyone()
    for as_of in DATES:
        assert differences(ids, as_of, IDS) == []
    # Every rule answers yes for some and does not apply to others (the demo has
    # no plan partly SMART: the edge cases below cover partly and no).
    found = Counter(
        (c, a)
        for answers in set_answers(ids, DATES[1], IDS).values()
        for c, a in answers.items()
    )
    for rule in IDS:
        assert found[(rule, "yes")] and found[(rule, "not_applicable")], rule
    # The seed's bulk path stores the same flags as the rule gives.
    for outcome in PlanOutcome.objects.order_by("pk")[:300]:
        assert stored(outcome) == checked(outcome)


D = datetime.date


def _plan(person: Person | None = None, **fields):  # type: ignore[no-untyped-def]
    from selfdirect.plans.tests.factories import SupportPlanFactory

    extra = {"person": person, "conversation__person": person} if person else {}
    return SupportPlanFactory.create(
        **{
            "state": "agreed",
            "agreed_on": D(2026, 1, 10),
            "review_on": D(2026, 4, 10),
            "if_unwell": "Her daughter phones the team",
            **extra,
            **fields,
        }
    )


def _review(plan, state: str = "agreed", **fields):  # type: ignore[no-untyped-def]
    from selfdirect.reviews.models import Review

    return Review.objects.create(
        person=plan.person,
        plan=plan,
        kind="planned",
        state=state,
        recorded_by=plan.recorded_by,
        **{"started_on": D(2026, 4, 1), "next_step": "continue", **fields},
    )


def _rate(review, outcome, level: str | None, reasons=("other",), narrative="x"):  # type: ignore[no-untyped-def]
    from selfdirect.reviews.models import (
        AttainmentLevel,
        OutcomeAttainment,
        PoorOutcomeReason,
    )

    rated = OutcomeAttainment.objects.create(
        review=review,
        plan_outcome=outcome,
        level=AttainmentLevel.objects.get(code=level) if level else None,
        reason_narrative=narrative,
    )
    rated.reasons.set(PoorOutcomeReason.objects.filter(code__in=reasons))
    return rated


def _edge_cases() -> None:  # noqa: PLR0915 - one line a case
    """People whose files sit on the edges of each rule."""
    from selfdirect.panel.tests.factories import PanelDecisionFactory
    from selfdirect.plans.tests.factories import PlanOutcomeFactory, SupportFactory

    smart = PlanOutcomeFactory.create
    # plan_smart partly, contingency only white space, an informal support.
    plan = _plan(if_unwell=" \n\t ")
    smart(plan=plan)
    smart(plan=plan, words="To stay safe", how_we_will_know="", target_date=None)
    SupportFactory.create(plan=plan, provided_by="family", yearly_cost=0, option=None)
    # A plan with no outcomes; an agreed plan beside a later draft.
    _plan(if_unwell="")
    plan = _plan()
    smart(plan=plan, target_date=D(2026, 1, 1))  # before it was written
    draft = _plan(plan.person, state="draft", agreed_on=None, review_on=None)
    smart(plan=draft)
    # Eleven replaced plans agreed the same day: the last in the file is current.
    first = _plan(state="replaced")
    for n in range(10):
        later_plan = _plan(first.person, state="replaced", started_on=D(2026, 2, n + 1))
        if n == 9:
            smart(plan=later_plan)
    # review_on_time: on time then late against the previous review's next date;
    # outcomes partly evaluated at the latest; a poor outcome explained.
    plan = _plan()
    one, two, three = (smart(plan=plan) for _ in range(3))
    first_review = _review(plan, agreed_on=D(2026, 4, 5), next_review_on=D(2026, 8, 1))
    _rate(first_review, one, "met")
    second = _review(plan, state="shared", held_on=D(2026, 9, 1))
    _rate(second, one, "partly_met")
    _rate(second, two, None)
    # Late against the due date kept on it; no outcome rated; poor, no narrative.
    plan = _plan()
    outcome = smart(plan=plan)
    review = _review(plan, agreed_on=D(2026, 5, 1), due_on=D(2026, 4, 20))
    _rate(review, outcome, "not_met", narrative="  ")
    plan = _plan()
    smart(plan=plan)
    _review(plan, agreed_on=D(2026, 4, 1), next_review_on=D(2027, 1, 1))
    # The next review date left empty: the following review is on time.
    plan = _plan()
    outcome = smart(plan=plan)
    _review(plan, agreed_on=D(2026, 4, 1))
    review = _review(plan, agreed_on=D(2026, 12, 1), started_on=D(2026, 11, 1))
    _rate(review, outcome, "not_met", reasons=())
    # Two reviews done the same day: the first in the file is the latest.
    plan = _plan()
    outcome = smart(plan=plan)
    _rate(_review(plan, agreed_on=D(2026, 4, 2)), outcome, "met")
    _review(plan, agreed_on=D(2026, 4, 2), started_on=D(2026, 4, 2))
    # A poor outcome at a review not done yet; a poor one without a next step.
    plan = _plan(review_on=D(2027, 1, 10))
    outcome = smart(plan=plan)
    _rate(_review(plan, state="draft"), outcome, "not_met", reasons=())
    plan = _plan()
    outcome = smart(plan=plan)
    _rate(_review(plan, agreed_on=D(2026, 4, 2), next_step=""), outcome, "partly_met")
    # A replaced plan reviewed late; a replaced plan never reviewed.
    plan = _plan(state="replaced")
    _review(plan, agreed_on=D(2026, 6, 1))
    _plan(state="replaced")
    # Panel decisions: told, told before the decision, no way told, blank
    # reasons, deferred only.
    for fields in (
        {},
        {"told_on": D(2026, 11, 11)},
        {"told_how": ""},
        {"reasons": " \n "},
        {"outcome": "deferred", "told_on": None},
        {"told_on": None},
    ):
        PanelDecisionFactory.create(**fields)


@pytest.mark.django_db
@pytest.mark.parametrize("as_of", DATES)
def test_the_edge_cases_read_the_same_both_ways(as_of) -> None:  # type: ignore[no-untyped-def]
    from selfdirect.testing.reference_data import ensure_reference_data

    ensure_reference_data()
    _edge_cases()
    assert differences(_everyone(), as_of, IDS) == []
    found = Counter(
        (c, a)
        for answers in set_answers(_everyone(), as_of, IDS).values()
        for c, a in answers.items()
    )
    if as_of < D(2026, 11, 10):
        # Every plan starts on 10 November 2026 (the factory's day): as at an
        # earlier date no plan is in the file, so each plan rule does not apply.
        for rule in PLAN_RULES:
            assert {a for c, a in found if c == rule} == {"not_applicable"}, rule
        return
    for rule in IDS:
        assert found[(rule, "yes")] and found[(rule, "no")], rule
        assert found[(rule, "not_applicable")], rule
    for rule in ("plan_smart", "outcomes_evaluated"):
        assert found[(rule, "partly")], rule


def test_the_hand_written_files_imported_read_the_same_both_ways(
    personas: Personas,
) -> None:
    """The files' early stages only (the person, contacts and conversations), so
    for these files every rule here has nothing to read either way: this checks
    that much. (test_import_later.py imports the later stages.)"""
    import json

    from selfdirect.assurance.importer import ImportRefused, import_casefile

    from .test_casefiles import CASE_FILES, FILES

    ids = []
    for name in CASE_FILES:
        data = json.loads((FILES / name).read_text(encoding="utf-8"))
        kept = {k: (v if k in EARLY else []) for k, v in data.items()}
        try:
            result = import_casefile(
                kept, by=personas.practitioner_a, team=personas.team_a, source=name
            )
        except ImportRefused:
            continue  # e.g. an agreed conversation with no outcome, refused
        assert result.person is not None
        ids.append(result.person.pk)
    assert len(ids) >= 30
    for as_of in DATES:
        assert differences(ids, as_of, IDS) == []
    assert not PlanOutcome.objects.filter(plan__person__in=ids).exists()

"""The carers rules, without a database."""

import datetime

from selfdirect.carers import rules

D = datetime.date


def test_a_young_carer_is_under_18_or_still_at_school() -> None:
    today = D(2026, 11, 27)
    assert rules.plan_kind(D(2010, 1, 1), False, today) == "ycs"
    assert rules.plan_kind(D(2008, 11, 28), False, today) == "ycs"  # 17 tomorrow 18
    assert rules.plan_kind(D(2008, 11, 27), False, today) == "acsp"
    assert rules.plan_kind(D(2008, 1, 1), True, today) == "ycs"  # 18, at school


def test_terminal_illness_makes_the_plan_due_sooner() -> None:
    wanted = D(2026, 3, 1)
    usual = rules.plan_due_by(wanted, terminally_ill=False, terminal_days=10, days=28)
    sooner = rules.plan_due_by(wanted, terminally_ill=True, terminal_days=10, days=28)
    assert usual == D(2026, 3, 29)
    assert sooner == D(2026, 3, 11)


def test_judged_eligible_at_or_above_the_threshold_with_reasons() -> None:
    judgement = rules.judge(
        [("Health", "substantial"), ("Finance", "moderate")],
        threshold="substantial",
        version="2025",
    )
    assert judgement.eligible
    assert judgement.eligible_domains == ["Health"]
    assert "eligible need" in judgement.reasons[0]
    assert "below" in judgement.reasons[1]
    assert "2025" in judgement.reasons[-1]


def test_not_eligible_below_the_threshold_and_nothing_recorded() -> None:
    low = rules.judge([("Health", "low")], threshold="critical", version="v")
    assert not low.eligible
    empty = rules.judge([], threshold="moderate", version="v")
    assert not empty.eligible
    assert "No impact" in empty.reasons[0]


def test_the_version_in_force_on_a_day() -> None:
    versions = [(D(2018, 4, 1), 1), (D(2025, 4, 1), 2)]
    assert rules.in_force(versions, D(2018, 3, 31)) is None
    assert rules.in_force(versions, D(2024, 1, 1)) == 1
    assert rules.in_force(versions, D(2025, 4, 1)) == 2


def test_criteria_over_three_years_old_are_overdue_for_review() -> None:
    assert rules.criteria_overdue(D(2018, 4, 1), D(2026, 1, 1), years=3)
    assert not rules.criteria_overdue(D(2024, 4, 1), D(2026, 1, 1), years=3)


def test_young_carers_near_18() -> None:
    today = D(2026, 11, 27)
    assert rules.nearing_adulthood(D(2009, 3, 1), today)
    assert not rules.nearing_adulthood(D(2010, 3, 1), today)
    assert rules.moves_to_adult_plan_by(D(2008, 1, 1), True, today) is None
    assert rules.moves_to_adult_plan_by(D(2009, 3, 1), False, today) == D(2027, 3, 1)


def _facts(**changes: object) -> rules.PlanFacts:
    base = {
        "young": False,
        "circumstances": "Care for my husband",
        "hours_band": "50+",
        "emergency_who": "My sister",
        "outcomes": 1,
        "no_needs_identified": False,
        "needs": "Sleep",
        "impacts": 7,
        "domains": 7,
        "break_decided": True,
        "breaks": 1,
        "break_from_caring": True,
        "review_on": D(2027, 1, 1),
        "authority": "",
        "care_appropriate": "",
    }
    base.update(changes)
    return rules.PlanFacts(**base)  # type: ignore[arg-type]


def test_a_complete_plan_can_be_agreed() -> None:
    assert rules.agreement_problems(_facts()) == []


def test_agreement_needs_each_required_section() -> None:
    assert rules.agreement_problems(_facts(hours_band=""))
    assert rules.agreement_problems(_facts(emergency_who=""))
    assert rules.agreement_problems(_facts(outcomes=0))
    assert rules.agreement_problems(_facts(needs=""))
    assert rules.agreement_problems(_facts(needs="", no_needs_identified=True)) == []
    assert rules.agreement_problems(_facts(impacts=6))
    assert rules.agreement_problems(_facts(break_decided=False))
    assert rules.agreement_problems(_facts(breaks=0))
    assert rules.agreement_problems(_facts(review_on=None))
    assert rules.agreement_problems(_facts(young=True))
    young = _facts(young=True, authority="education", care_appropriate="no")
    assert rules.agreement_problems(young) == []


def test_review_bands() -> None:
    today = D(2026, 11, 27)
    assert rules.review_band(D(2026, 11, 1), today) == "overdue"
    assert rules.review_band(D(2026, 12, 10), today) == "due"
    assert rules.review_band(D(2027, 6, 1), today) == "later"

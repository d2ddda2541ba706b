from django.core.management import call_command

from selfdirect.choices.models import SupportChoice
from selfdirect.demo.stages import STAGES
from selfdirect.plans import rules, selectors
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan


def test_the_seed_adds_plans_of_varying_quality_as_the_inspectors_found(db) -> None:
    call_command("seed", people=600, seed=3, verbosity=0)
    plans = list(SupportPlan.objects.prefetch_related("outcomes", "supports"))
    assert len(plans) > 50
    not_smart = [
        p
        for p in plans
        if not all(selectors.smart_check(o).smart for o in p.outcomes.all())
    ]
    no_contingency = [
        p for p in plans if not rules.has_contingency(p.contingency.values())
    ]
    assert 0.4 < len(not_smart) / len(plans) < 0.75
    assert 0.4 < len(no_contingency) / len(plans) < 0.7
    agreed = [p for p in plans if p.state == "agreed"]
    assert agreed and all(p.review_on and p.contingency for p in agreed)
    assert SupportPlan.history.count() == len(plans)
    assert PlanOutcome.history.count() == PlanOutcome.objects.count()


def test_demo_options_follow_the_persons_choice(db) -> None:
    call_command("seed", people=400, seed=4, verbosity=0)
    for plan in SupportPlan.objects.prefetch_related("supports")[:80]:
        # The choice the plan was made under: a change of option recorded from a
        # review comes after the plan, and leads to its next version.
        choice = SupportChoice.objects.filter(
            person=plan.person_id, made_at_review__isnull=True
        ).first()
        used = {s.option for s in plan.supports.all() if s.option}
        chosen = {e.option for e in choice.elements.all()} if choice else {3}
        assert used <= chosen


def test_demo_plans_are_removed_with_their_history(db) -> None:
    call_command("seed", people=200, seed=5, verbosity=0)
    people = list(SupportPlan.objects.values_list("person_id", flat=True))
    for stage in STAGES:  # as `seed --reset` does: later stages point at plans
        stage.delete(people)
    assert not SupportPlan.objects.exists()
    assert not Support.history.exists()
    assert not Support.outcomes.through.objects.exists()

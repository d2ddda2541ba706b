from decimal import Decimal

from django.core.management import call_command

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.panel.models import PanelDecision, PanelSubmission


def test_the_seed_adds_budgets_and_panel_decisions_that_add_up(db) -> None:
    call_command("seed", people=400, seed=5, verbosity=0)
    budgets = list(IndicativeBudget.objects.select_related("method"))
    assert {b.method.kind for b in budgets if b.method} == {"ras", "equivalence"}
    assert all(b.workings[-1]["amount"] == str(b.amount) for b in budgets)
    assert all(
        (b.amount <= b.delegated_limit) == (b.authority == "within")
        for b in budgets
        if b.delegated_limit is not None
    )
    assert IndicativeBudget.history.count() == len(budgets)
    submissions = PanelSubmission.objects.all()
    assert all(s.indicative_budget.authority == "panel" for s in submissions)
    outcomes = set(PanelDecision.objects.values_list("outcome", flat=True))
    assert {"approved", "deferred", "declined"} <= outcomes
    assert PanelDecision.objects.filter(told_on__isnull=True).exists()
    assert (
        PanelDecision.objects.exclude(reasons="").count()
        == PanelDecision.objects.count()
    )
    assert all(
        d.approved_amount is None or d.approved_amount > Decimal(0)
        for d in PanelDecision.objects.all()
    )

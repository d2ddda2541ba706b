"""What indicative budgets add elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import (
    AuditAction,
    Contribution,
    NavItem,
    PersonSection,
    SubjectAccessSection,
)
from selfdirect.people.hook_points import JOURNEY_STAGES, JourneyStage, StageProgress


def _can_set(user: Any) -> bool:
    return bool(user.can(Capability.SET_BUDGET) and user.can(Capability.CHANGE_PEOPLE))


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from .models import BudgetMethod
    from .selectors import budgets_of, methods_in_use

    methods = methods_in_use(timezone.localdate())
    return {
        "budgets": budgets_of(person)[:5],
        "methods": methods if _can_set(request.user) else BudgetMethod.objects.none(),
    }


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from .models import BudgetMethod
    from .selectors import current_methods

    can_set = _can_set(request.user)
    methods = current_methods(None, reads["methods"]) if can_set else {}
    return {
        "budgets": list(reads["budgets"]),
        "can_set": can_set,
        "has_ras": BudgetMethod.Kind.RAS in methods,
        "has_equivalence": BudgetMethod.Kind.EQUIVALENCE in methods,
    }


AUDIT_ACTIONS = (
    AuditAction("budget.worked_out", _("Worked out an indicative budget")),
    AuditAction("budget_method.loaded", _("Loaded a version of a budget method")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("budgets.IndicativeBudget", ("person",), "Indicative budgets"),
)

PERSON_SECTIONS = (
    PersonSection(30, "budgets/person_section.html", _person_section, _person_reads),
)

NAV_ITEMS = (
    NavItem(
        70,
        _("Budget methods and limits"),
        "budgets:methods",
        (Capability.CONFIGURE_BUDGETS,),
    ),
)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import Exists, OuterRef, Subquery
    from django.utils import timezone

    from .models import BudgetMethod, IndicativeBudget

    latest = IndicativeBudget.objects.own_support().filter(person=OuterRef("pk"))
    in_use = BudgetMethod.objects.filter(
        active=True, valid_from__lte=timezone.localdate(), for_carers=False
    )
    return {
        "stage_budget_amount": Subquery(latest.values("amount")[:1]),
        "stage_budget_on": Subquery(latest.values("worked_out_on")[:1]),
        # Whether a method of each kind is in use, in the journey's one query.
        "stage_budget_ras": Exists(in_use.filter(kind=BudgetMethod.Kind.RAS)),
        "stage_budget_equivalence": Exists(
            in_use.filter(kind=BudgetMethod.Kind.EQUIVALENCE)
        ),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse

    from .rules import budget_stage

    status, summary = budget_stage(
        amount=row.stage_budget_amount, worked_out_on=row.stage_budget_on
    )
    may_set = user.can(Capability.SET_BUDGET) and user.can(Capability.CHANGE_PEOPLE)
    if status == "done" or not may_set:
        return StageProgress(status, summary)
    for in_use, name, label in (
        (row.stage_budget_ras, "budgets:new_ras", _("Work out the budget")),
        (
            row.stage_budget_equivalence,
            "budgets:new_equivalence",
            _("Work out the budget by pricing the support"),
        ),
    ):
        if in_use:
            url = reverse(name, args=[row.public_id])
            return StageProgress(status, summary, str(label), url)
    return StageProgress(status, summary)


CONTRIBUTIONS = (
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(20, _("Indicative budget"), _stage_annotations, _stage_progress),
    ),
)

"""What indicative budgets add elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import (
    AuditAction,
    NavItem,
    PersonSection,
    SubjectAccessSection,
)


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from .models import BudgetMethod
    from .selectors import budgets_of, current_methods

    can_set = request.user.can(Capability.SET_BUDGET) and request.user.can(
        Capability.CHANGE_PEOPLE
    )
    methods = current_methods(timezone.localdate()) if can_set else {}
    return {
        "budgets": list(budgets_of(person)[:5]),
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

PERSON_SECTIONS = (PersonSection(30, "budgets/person_section.html", _person_section),)

NAV_ITEMS = (
    NavItem(
        70,
        _("Budget methods and limits"),
        "budgets:methods",
        (Capability.CONFIGURE_BUDGETS,),
    ),
)

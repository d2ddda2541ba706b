from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.roles import Capability

    from .models import BudgetMethod
    from .selectors import budgets_of, current_method

    can_set = request.user.can(Capability.SET_BUDGET) and request.user.can(
        Capability.CHANGE_PEOPLE
    )
    today = timezone.localdate()
    return {
        "budgets": list(budgets_of(person)[:5]),
        "can_set": can_set,
        "has_ras": can_set and current_method(BudgetMethod.Kind.RAS, today) is not None,
        "has_equivalence": can_set
        and current_method(BudgetMethod.Kind.EQUIVALENCE, today) is not None,
    }


class BudgetsConfig(AppConfig):
    name = "selfdirect.budgets"
    label = "budgets"
    verbose_name = "Indicative budgets"

    def ready(self) -> None:
        from selfdirect.accounts.roles import Capability
        from selfdirect.audit import subject_access
        from selfdirect.audit.services import ACTIONS
        from selfdirect.core.extensions import (
            NavItem,
            PersonSection,
            add_nav_item,
            add_person_section,
        )

        from . import models

        subject_access.register(
            models.IndicativeBudget, "person", title="Indicative budgets"
        )
        ACTIONS.update(
            {
                "budget.worked_out": _("Worked out an indicative budget"),
                "budget_method.loaded": _("Loaded a version of a budget method"),
            }
        )
        add_person_section(
            PersonSection(30, "budgets/person_section.html", _person_section)
        )
        add_nav_item(
            NavItem(
                70,
                _("Budget methods and limits"),
                "budgets:methods",
                (Capability.CONFIGURE_BUDGETS,),
            )
        )

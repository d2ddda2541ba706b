from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.roles import Capability

    from .selectors import plan_summary

    return {
        "summary": plan_summary(person),
        "can_plan": request.user.can(Capability.PLAN_SUPPORT),
        "today": timezone.localdate(),
    }


AUDIT_ACTIONS = {
    "plan.started": _("Started a support plan"),
    "plan.agreed": _("Recorded that the support plan was agreed"),
    "plan.new_version": _("Started a new version of the support plan"),
    "plan.support_followed_up": _(
        "Recorded how a community resource in the support plan went"
    ),
}


class PlansConfig(AppConfig):
    name = "selfdirect.plans"
    label = "plans"
    verbose_name = "Support plans"

    def ready(self) -> None:
        from selfdirect.audit import subject_access
        from selfdirect.audit.services import ACTIONS
        from selfdirect.core.extensions import (
            PersonSection,
            add_person_section,
        )

        from . import models

        ACTIONS.update(AUDIT_ACTIONS)
        subject_access.register(models.SupportPlan, "person", title="Support plans")
        subject_access.register(
            models.PlanOutcome, "plan__person", title="Support plan outcomes"
        )
        subject_access.register(
            models.Support, "plan__person", title="Supports in support plans"
        )
        add_person_section(
            PersonSection(35, "plans/person_section.html", _person_section)
        )

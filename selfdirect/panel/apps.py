from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import person_panel_records

    return {
        "submissions": person_panel_records(person),
        "can_submit": request.user.can(Capability.CHANGE_PEOPLE)
        and (
            request.user.can(Capability.SET_BUDGET)
            or request.user.can(Capability.PLAN_SUPPORT)
        ),
    }


class PanelConfig(AppConfig):
    name = "selfdirect.panel"
    label = "panel"
    verbose_name = "Resource panel"

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
        from selfdirect.plans.extensions import add_agreement_check

        from . import models, selectors

        subject_access.register(
            models.PanelSubmission, "person", title="Resource panel requests"
        )
        subject_access.register(
            models.PanelDecision, "person", title="Resource panel decisions"
        )
        ACTIONS.update(
            {
                "panel.submitted": _("Submitted a request to the resource panel"),
                "panel.resubmitted": _("Resubmitted a deferred request to the panel"),
                "panel.meeting_scheduled": _("Set up a resource panel meeting"),
                "panel.listed": _("Listed a request on a panel agenda"),
                "panel.decided": _("Recorded the resource panel's decision"),
                "panel.person_told": _("Recorded telling the person the decision"),
                "panel.service_started": _("Recorded the start of approved support"),
            }
        )
        add_person_section(
            PersonSection(45, "panel/person_section.html", _person_section)
        )
        add_nav_item(
            NavItem(
                45, _("Resource panel"), "panel:submissions", (Capability.SEE_PANEL,)
            )
        )
        add_nav_item(
            NavItem(
                46, _("Waiting list"), "panel:waiting_list", (Capability.SEE_PANEL,)
            )
        )
        add_agreement_check(selectors.plan_agreement_blocker)

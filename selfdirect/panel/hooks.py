"""What the resource panel adds elsewhere (collected by selfdirect.core.hooks)."""

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
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS

from .hook_points import SERVICE_STARTS


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import person_panel_records

    return {
        "submissions": person_panel_records(person),
        "can_submit": request.user.can(Capability.CHANGE_PEOPLE)
        and (
            request.user.can(Capability.SET_BUDGET)
            or request.user.can(Capability.PLAN_SUPPORT)
        ),
    }


def _panel_approval(plan: Any) -> str | None:
    from .selectors import plan_agreement_blocker

    return plan_agreement_blocker(plan)


AUDIT_ACTIONS = (
    AuditAction("panel.submitted", _("Submitted a request to the resource panel")),
    AuditAction("panel.resubmitted", _("Resubmitted a deferred request to the panel")),
    AuditAction("panel.meeting_scheduled", _("Set up a resource panel meeting")),
    AuditAction("panel.listed", _("Listed a request on a panel agenda")),
    AuditAction("panel.decided", _("Recorded the resource panel's decision")),
    AuditAction("panel.person_told", _("Recorded telling the person the decision")),
    AuditAction("panel.service_started", _("Recorded the start of approved support")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection(
        "panel.PanelSubmission", ("person",), "Resource panel requests"
    ),
    SubjectAccessSection(
        "panel.PanelDecision", ("person",), "Resource panel decisions"
    ),
)

PERSON_SECTIONS = (PersonSection(45, "panel/person_section.html", _person_section),)

NAV_ITEMS = (
    NavItem(45, _("Resource panel"), "panel:submissions", (Capability.SEE_PANEL,)),
    NavItem(46, _("Waiting list"), "panel:waiting_list", (Capability.SEE_PANEL,)),
)

# A plan above the delegated limit cannot be agreed before the panel approves it.
HOOK_POINTS = (SERVICE_STARTS,)

CONTRIBUTIONS = (Contribution(PLAN_AGREEMENT_CHECKS, _panel_approval),)

"""What support plans add elsewhere, and the hook point where later stages add
checks on agreeing a plan (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import (
    AuditAction,
    PersonSection,
    SubjectAccessSection,
)

from .hook_points import PLAN_AGREEMENT_CHECKS


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.roles import Capability

    from .selectors import plan_summary

    return {
        "summary": plan_summary(person),
        "can_plan": request.user.can(Capability.PLAN_SUPPORT),
        "today": timezone.localdate(),
    }


HOOK_POINTS = (PLAN_AGREEMENT_CHECKS,)

AUDIT_ACTIONS = (
    AuditAction("plan.started", _("Started a support plan")),
    AuditAction("plan.agreed", _("Recorded that the support plan was agreed")),
    AuditAction("plan.new_version", _("Started a new version of the support plan")),
    AuditAction(
        "plan.support_followed_up",
        _("Recorded how a community resource in the support plan went"),
    ),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("plans.SupportPlan", ("person",), "Support plans"),
    SubjectAccessSection(
        "plans.PlanOutcome", ("plan__person",), "Support plan outcomes"
    ),
    SubjectAccessSection(
        "plans.Support", ("plan__person",), "Supports in support plans"
    ),
)

PERSON_SECTIONS = (PersonSection(35, "plans/person_section.html", _person_section),)

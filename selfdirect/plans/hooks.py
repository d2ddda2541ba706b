"""What support plans add elsewhere, and the hook point where later stages add
checks on agreeing a plan (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import (
    AuditAction,
    Contribution,
    PersonSection,
    SubjectAccessSection,
)
from selfdirect.people.hook_points import JOURNEY_STAGES, JourneyStage, StageProgress

from .hook_points import PLAN_AGREEMENT_CHECKS


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import plan_reads

    return plan_reads(person)


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from django.utils import timezone

    from selfdirect.accounts.roles import Capability

    from .selectors import plan_summary

    return {
        "summary": plan_summary(person, reads),
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

PERSON_SECTIONS = (
    PersonSection(35, "plans/person_section.html", _person_section, _person_reads),
)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import OuterRef, Subquery

    from .models import SupportPlan

    plans = SupportPlan.objects.filter(person=OuterRef("pk"))
    agreed = plans.filter(state=SupportPlan.State.AGREED)
    return {
        "stage_plan_draft": Subquery(
            plans.filter(state=SupportPlan.State.DRAFT).values("public_id")[:1]
        ),
        "stage_plan_agreed": Subquery(agreed.values("public_id")[:1]),
        "stage_plan_review_on": Subquery(agreed.values("review_on")[:1]),
    }


def _may_plan(user: Any) -> bool:
    from selfdirect.accounts.roles import Capability

    return bool(user.can(Capability.PLAN_SUPPORT))


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse

    from .rules import plan_stage

    status, summary = plan_stage(
        agreed=row.stage_plan_agreed is not None,
        draft=row.stage_plan_draft is not None,
    )
    if status == "done" or not _may_plan(user):
        return StageProgress(status, summary)
    if row.stage_plan_draft is not None:
        url = reverse("plans:detail", args=[row.public_id, row.stage_plan_draft])
        return StageProgress(status, summary, str(_("Carry on with the plan")), url)
    url = reverse("plans:start", args=[row.public_id])
    return StageProgress(status, summary, str(_("Start the support plan")), url)


CONTRIBUTIONS = (
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(40, _("Support plan"), _stage_annotations, _stage_progress),
    ),
)

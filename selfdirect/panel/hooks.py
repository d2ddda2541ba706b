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
from selfdirect.people.hook_points import JOURNEY_STAGES, JourneyStage, StageProgress
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS, AgreementBlocker

from .hook_points import SERVICE_STARTS


def _may_submit(user: Any) -> bool:
    return bool(
        user.can(Capability.CHANGE_PEOPLE)
        and (user.can(Capability.SET_BUDGET) or user.can(Capability.PLAN_SUPPORT))
    )


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import panel_reads

    return panel_reads(person)


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from .selectors import person_panel_records

    return {
        "submissions": person_panel_records(person, reads),
        "can_submit": _may_submit(request.user),
    }


def _panel_approval(plan: Any) -> AgreementBlocker | None:
    from django.urls import reverse

    from .selectors import plan_agreement_blocker, waiting_for_panel

    problem = plan_agreement_blocker(plan)
    if problem is None:
        return None
    if waiting_for_panel(plan):
        return AgreementBlocker(f"{problem} {_('A request is waiting for the panel.')}")
    url = reverse("panel:new_submission", args=[plan.person.public_id])
    return AgreementBlocker(
        problem,
        str(_("Submit the plan to the resource panel")),
        f"{url}?plan={plan.public_id}",
    )


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

PERSON_SECTIONS = (
    PersonSection(45, "panel/person_section.html", _person_section, _person_reads),
)

NAV_ITEMS = (
    NavItem(45, _("Resource panel"), "panel:submissions", (Capability.SEE_PANEL,)),
    NavItem(46, _("Waiting list"), "panel:waiting_list", (Capability.SEE_PANEL,)),
)

# A plan above the delegated limit cannot be agreed before the panel approves it.
HOOK_POINTS = (SERVICE_STARTS,)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import DecimalField, OuterRef, Subquery, Sum

    from selfdirect.budgets.models import IndicativeBudget
    from selfdirect.plans.models import Support

    from .models import PanelSubmission

    latest = PanelSubmission.objects.filter(person=OuterRef("pk"))
    budget = IndicativeBudget.objects.own_support().filter(person=OuterRef("pk"))
    draft_cost = (
        Support.objects.filter(plan__person=OuterRef("pk"), plan__state="draft")
        .order_by()
        .values("plan__person")
        .annotate(total=Sum("yearly_cost"))
        .values("total")
    )
    return {
        "stage_panel_state": Subquery(latest.values("state")[:1]),
        "stage_panel_outcome": Subquery(latest.values("outcome")[:1]),
        "stage_panel_submission": Subquery(latest.values("public_id")[:1]),
        "stage_panel_budget_authority": Subquery(budget.values("authority")[:1]),
        "stage_panel_budget_limit": Subquery(budget.values("delegated_limit")[:1]),
        "stage_panel_draft_cost": Subquery(draft_cost[:1], output_field=DecimalField()),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse

    from .rules import panel_stage

    needed = None
    if row.stage_panel_budget_authority is not None:
        limit, cost = row.stage_panel_budget_limit, row.stage_panel_draft_cost
        needed = row.stage_panel_budget_authority == "panel" or (
            cost is not None and (limit is None or cost > limit)
        )
    state = row.stage_panel_state
    status, summary = panel_stage(
        needed=needed, state=state, outcome=row.stage_panel_outcome
    )
    may_submit = _may_submit(user)
    if state == "deferred" and may_submit:
        url = reverse(
            "panel:resubmit", args=[row.public_id, row.stage_panel_submission]
        )
        return StageProgress(status, summary, str(_("Send it back to the panel")), url)
    if state is None and needed and may_submit:
        url = reverse("panel:new_submission", args=[row.public_id])
        return StageProgress(
            status, summary, str(_("Send the request to the panel")), url
        )
    return StageProgress(status, summary)


CONTRIBUTIONS = (
    Contribution(PLAN_AGREEMENT_CHECKS, _panel_approval),
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(
            50,
            _("Resource panel, when needed"),
            _stage_annotations,
            _stage_progress,
        ),
    ),
)

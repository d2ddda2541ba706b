"""Who may see what is submitted to the resource panel.

Panel members see submissions once submitted (not drafts), and only what is
submitted: never the whole person record. Team managers see their teams' people's
submissions. Practitioners see their people's submissions through the person page.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists
from django.http import Http404

from selfdirect.accounts.roles import TEAM_SCOPED, Capability
from selfdirect.audit.services import log_access
from selfdirect.people.permissions import (
    access_person_record,
    current_team_allocations,
    require,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

    from .models import PanelDecision, PanelSubmission


class SubmissionQuerySet(models.QuerySet["PanelSubmission"]):
    def visible_to(self, user: User) -> SubmissionQuerySet:
        """Submissions this user may see on the panel pages: past draft, and for
        team-scoped roles only those of people allocated to their teams today."""
        if not user.is_authenticated or not user.can(Capability.SEE_PANEL):
            return self.none()
        submitted = self.exclude(state="draft")
        if user.role in TEAM_SCOPED:
            from selfdirect.people.models import Person

            allocated = current_team_allocations(user.team_ids())
            return submitted.filter(person__in=Person.objects.filter(Exists(allocated)))
        return submitted


def access_submission(
    user: User,
    submission_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> PanelSubmission:
    """Fetch a submission for the panel pages: the user needs SEE_PANEL (and
    DECIDE_PANEL to decide), the submission must be past draft and visible to them,
    and the read is logged against the person. 404 when any of that fails."""
    from .models import PanelSubmission

    require(user, Capability.SEE_PANEL)
    if action == "decide":
        require(user, Capability.DECIDE_PANEL)
    submission = (
        PanelSubmission.objects.visible_to(user)
        .filter(public_id=submission_id)
        .select_related("person", "indicative_budget", "support_plan", "team")
        .first()
    )
    if submission is None:
        raise Http404("No such submission")
    log_access(user=user, person_id=submission.person_id, page=page, action=action)
    return submission


def access_person_submission(
    user: User,
    person_id: uuid.UUID | str,
    submission_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> PanelSubmission:
    """Fetch one of a person's submissions through the person's access check (the
    team's practitioners and managers)."""
    submission: PanelSubmission = access_person_record(
        user, person_id, "panel_submissions", submission_id, action=action, page=page
    )
    return submission


def access_person_decision(
    user: User,
    person_id: uuid.UUID | str,
    decision_id: uuid.UUID | str,
    *,
    action: str = "view",
    page: str = "",
) -> PanelDecision:
    """Fetch one of a person's panel decisions through the person's access check
    (which needs CHANGE_PEOPLE for action="change")."""
    decision: PanelDecision = access_person_record(
        user, person_id, "panel_decisions", decision_id, action=action, page=page
    )
    return decision

"""Who may see what is submitted to the resource panel.

Panel members see submissions once submitted (not drafts), and only what is
submitted: never the whole person record (`Purpose.PANEL`). Team managers see their
teams' people's submissions. Practitioners see their people's submissions through
the person page (`Purpose.PRACTICE`).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from selfdirect.accounts.roles import Action, Purpose
from selfdirect.people.access import access_person_record, access_record

from .models import PanelDecision, PanelSubmission

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_submission(
    user: User,
    submission_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> PanelSubmission:
    """Fetch a submission for the panel pages: the user needs SEE_PANEL (and
    DECIDE_PANEL to decide), the submission must be past draft and visible to them,
    and the read is logged against the person. 404 when any of that fails."""
    return access_record(
        user,
        PanelSubmission.objects.select_related(
            "person", "indicative_budget", "support_plan", "team"
        ),
        submission_id,
        purpose=Purpose.PANEL,
        action=action,
        page=page,
    )


def access_person_submission(
    user: User,
    person_id: uuid.UUID | str,
    submission_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> PanelSubmission:
    """Fetch one of a person's submissions through the person's access check (the
    team's practitioners and managers)."""
    return access_person_record(
        user,
        person_id,
        PanelSubmission.objects.all(),
        submission_id,
        action=action,
        page=page,
    )


def access_person_decision(
    user: User,
    person_id: uuid.UUID | str,
    decision_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> PanelDecision:
    """Fetch one of a person's panel decisions through the person's access check
    (which needs CHANGE_PEOPLE for Action.CHANGE)."""
    return access_person_record(
        user,
        person_id,
        PanelDecision.objects.all(),
        decision_id,
        action=action,
        page=page,
    )

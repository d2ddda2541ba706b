"""Actions on resource panel submissions: explicit transitions, each audited."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.core.concurrency import EditConflict, save_new, update_versioned
from selfdirect.people.models import Person
from selfdirect.plans.models import SupportPlan

from . import rules
from .models import PanelDecision, PanelMeeting, PanelSubmission


class TransitionRefused(ValidationError):
    """The submission is not in a state this action may start from."""


def _check_move(submission: PanelSubmission, action: str) -> None:
    if not rules.can_move(action, submission.state):
        raise TransitionRefused(
            _("This request is “%(state)s”, so it cannot be %(action)s now.")
            % {
                "state": submission.get_state_display(),
                "action": {
                    "submit": _("submitted"),
                    "list": _("listed for a meeting"),
                    "decide": _("decided"),
                }[action],
            }
        )


def _lock_and_check(submission: PanelSubmission, action: str) -> None:
    """Re-read the submission's state under a row lock (inside the transaction) and
    check the move from it, so two people acting at once cannot both move it."""
    current = (
        PanelSubmission.objects.select_for_update()
        .filter(pk=submission.pk)
        .values("state", "version")
        .get()
    )
    submission.state = current["state"]
    submission.version = current["version"]
    _check_move(submission, action)


def _move(submission: PanelSubmission, by: User, details: dict[str, Any]) -> None:
    """Save a transition, version checked against the state just read (so it
    holds on SQLite, which has no row locks, as well as on PostgreSQL)."""
    try:
        update_versioned(submission, by=by, version=submission.version, details=details)
    except EditConflict as conflict:
        submission.state = conflict.current.state  # type: ignore[attr-defined]
        raise TransitionRefused(
            _("Someone else changed this request just now: it is “%(state)s”.")
            % {"state": submission.get_state_display()}
        ) from conflict


def _event(by: User, action: str, submission: PanelSubmission, **detail: Any) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=submission.person_id,
        submission=str(submission.public_id),
        **detail,
    )


def _check_amount(plan: SupportPlan | None, amount_requested: Decimal) -> None:
    """The amount asked for covers the plan's cost (rules.amount_requested_problems)."""
    from selfdirect.plans.selectors import plan_total_cost

    cost = plan_total_cost(plan) if plan is not None else None
    problems = rules.amount_requested_problems(
        amount_requested=amount_requested, plan_cost=cost or None
    )
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def submit_to_panel(
    *,
    person: Person,
    by: User,
    budget: IndicativeBudget,
    plan: SupportPlan | None,
    amount_requested: Decimal,
    persons_words: str,
    contribution: str,
    contribution_notes: str,
    assessed_on: datetime.date,
    submitted_on: datetime.date,
) -> PanelSubmission:
    """Send a person's plan and budget to the resource panel (draft → submitted)."""
    if budget.person_id != person.pk or (plan and plan.person_id != person.pk):
        raise ValidationError(_("The budget and plan must be this person's."))
    _check_amount(plan, amount_requested)
    allocation = person.allocations.current().order_by("-started_on").first()
    submission = PanelSubmission(
        person=person,
        team_id=allocation.team_id if allocation else None,
        support_plan=plan,
        indicative_budget=budget,
        amount_requested=amount_requested,
        persons_words=persons_words,
        contribution=contribution,
        contribution_notes=contribution_notes,
        assessed_on=assessed_on,
    )
    _check_move(submission, "submit")
    submission.state = PanelSubmission.State.SUBMITTED
    submission.submitted_on = submitted_on
    submission.submitted_by = by
    save_new(submission, by)
    _event(by, "panel.submitted", submission, amount=str(amount_requested))
    return submission


@transaction.atomic
def resubmit_to_panel(
    *,
    submission: PanelSubmission,
    by: User,
    version: int,
    amount_requested: Decimal,
    persons_words: str,
    contribution: str,
    contribution_notes: str,
    resubmitted_on: datetime.date,
) -> PanelSubmission:
    """Send a deferred request back with the information asked for (deferred →
    submitted), version checked."""
    _check_move(submission, "submit")
    _check_amount(submission.support_plan, amount_requested)
    details = {
        "amount_requested": amount_requested,
        "persons_words": persons_words,
        "contribution": contribution,
        "contribution_notes": contribution_notes,
        "resubmitted_on": resubmitted_on,
        "state": PanelSubmission.State.SUBMITTED,
        "meeting": None,
    }
    update_versioned(submission, by=by, version=version, details=details)
    _event(by, "panel.resubmitted", submission, amount=str(amount_requested))
    return submission


@transaction.atomic
def schedule_meeting(*, by: User, meets_on: datetime.date, place: str) -> PanelMeeting:
    """Set up a resource panel meeting, to list submissions on its agenda."""
    meeting = save_new(PanelMeeting(meets_on=meets_on, place=place, created_by=by), by)
    record_event(
        actor=by,
        action="panel.meeting_scheduled",
        person_id=None,
        meeting=str(meeting.public_id),
        meets_on=meets_on.isoformat(),
    )
    return meeting


@transaction.atomic
def list_for_meeting(
    *, submission: PanelSubmission, by: User, meeting: PanelMeeting
) -> PanelSubmission:
    """Put a submitted request on a meeting's agenda (submitted → listed)."""
    _lock_and_check(submission, "list")
    if submission.submitted_on and meeting.meets_on < submission.submitted_on:
        raise ValidationError(
            {"meeting": _("Choose a meeting on or after the date it was submitted")}
        )
    _move(submission, by, {"meeting": meeting, "state": PanelSubmission.State.LISTED})
    _event(by, "panel.listed", submission, meeting=str(meeting.public_id))
    return submission


@transaction.atomic
def record_decision(
    *,
    submission: PanelSubmission,
    by: User,
    outcome: str,
    reasons: str,
    conditions: str,
    approved_amount: Decimal | None,
    decided_on: datetime.date,
    present: str,
    as_recorded: bool = False,
) -> PanelDecision:
    """Record the panel's decision with reasons (listed → decided, or deferred to
    be resubmitted). `as_recorded` (an old system's decision imported as it was
    recorded): kept without reasons or who was present; the amounts and the
    date must still be right."""
    _lock_and_check(submission, "decide")
    problems = rules.decision_problems(
        outcome=outcome,
        reasons=reasons,
        conditions=conditions,
        approved_amount=approved_amount,
        amount_requested=submission.amount_requested,
        present=present,
        decided_on=decided_on,
        meets_on=submission.meeting.meets_on if submission.meeting else None,
    )
    if as_recorded:
        for practice in rules.DECISION_PRACTICE:
            problems.pop(practice, None)
    if problems:
        raise ValidationError(problems)
    decision = PanelDecision(
        submission=submission,
        person_id=submission.person_id,
        meeting=submission.meeting,
        outcome=outcome,
        reasons=reasons,
        conditions=conditions,
        approved_amount=approved_amount,
        decided_on=decided_on,
        decided_by=by,
        present=present,
    )
    _move(
        submission,
        by,
        {
            "state": rules.state_after_decision(outcome),
            "outcome": outcome,
            "decided_on": decided_on,
        },
    )
    save_new(decision, by)
    _event(
        by,
        "panel.decided",
        submission,
        outcome=outcome,
        **({"as_recorded": True} if as_recorded else {}),
    )
    return decision


@transaction.atomic
def record_person_told(
    *,
    decision: PanelDecision,
    by: User,
    version: int,
    told_on: datetime.date | None,
    told_how: str,
) -> PanelDecision:
    """Record when and how the person was told the decision and its reasons."""
    problems = rules.telling_problems(
        told_on=told_on, told_how=told_how, decided_on=decision.decided_on
    )
    if problems:
        raise ValidationError(problems)
    update_versioned(
        decision,
        by=by,
        version=version,
        details={"told_on": told_on, "told_how": told_how},
    )
    record_event(
        actor=by,
        action="panel.person_told",
        person_id=decision.person_id,
        decision=str(decision.public_id),
        told_how=told_how,
    )
    return decision


@transaction.atomic
def record_service_start(
    *,
    submission: PanelSubmission,
    by: User,
    version: int,
    started_on: datetime.date,
) -> PanelSubmission:
    """Record the day the approved support started (ends the wait)."""
    problems = rules.service_start_problems(
        approved=submission.approved,
        started_on=started_on,
        decided_on=submission.decided_on,
    )
    if problems:
        raise ValidationError(problems)
    update_versioned(
        submission,
        by=by,
        version=version,
        details={"service_started_on": started_on},
    )
    _event(by, "panel.service_started", submission, on=started_on.isoformat())
    return submission

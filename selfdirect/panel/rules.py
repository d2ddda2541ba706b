"""Named rules of the resource panel: its workflow and what a decision needs."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

DRAFT, SUBMITTED, LISTED, DEFERRED, DECIDED = (
    "draft",
    "submitted",
    "listed",
    "deferred",
    "decided",
)
APPROVED, WITH_CHANGES, DEFERRAL, DECLINED = (
    "approved",
    "approved_with_changes",
    "deferred",
    "declined",
)
APPROVALS = frozenset({APPROVED, WITH_CHANGES})

# Each action on a submission and the states it may start from (where a decision
# leaves it is state_after_decision).
TRANSITIONS: dict[str, frozenset[str]] = {
    "submit": frozenset({DRAFT, DEFERRED}),
    "list": frozenset({SUBMITTED, LISTED}),
    "decide": frozenset({LISTED}),
}


def can_move(action: str, state: str) -> bool:
    """A submission is submitted from a draft or after a deferral, listed for a
    meeting once submitted (or moved to another meeting), and decided only when it
    is on an agenda."""
    return state in TRANSITIONS[action]


def state_after_decision(outcome: str) -> str:
    """A deferred submission goes back to be resubmitted with more information;
    any other decision closes it."""
    return DEFERRED if outcome == DEFERRAL else DECIDED


# The problems of `decision_problems` that ask for good practice in a new decision
# rather than a right record: not applied to an old system's decisions imported
# as they were recorded.
DECISION_PRACTICE = ("reasons", "present")


def decision_problems(
    *,
    outcome: str,
    reasons: str,
    conditions: str,
    approved_amount: Decimal | None,
    amount_requested: Decimal,
    present: str,
    decided_on: datetime.date | None = None,
    meets_on: datetime.date | None = None,
) -> dict[str, str]:
    """A decision needs reasons in plain words and who was present; an approval
    needs the amount approved; an approval with changes must change something (a
    different amount or conditions); a plain approval is of the amount asked for.
    The panel decides at or after the meeting the request was listed for, never
    before it."""
    problems: dict[str, str] = {}
    if decided_on is not None and meets_on is not None and decided_on < meets_on:
        problems["decided_on"] = _(
            "The date of the decision must be on or after the meeting, %(day)s"
        ) % {"day": f"{meets_on.day} {meets_on:%B %Y}"}
    if not reasons.strip():
        problems["reasons"] = _("Give the reasons for the decision, in plain words")
    if not present.strip():
        problems["present"] = _("Say who was present")
    if outcome in APPROVALS and approved_amount is None:
        problems["approved_amount"] = _("Enter the yearly amount approved")
    if (
        outcome == APPROVED
        and approved_amount is not None
        and approved_amount != amount_requested
    ):
        problems["approved_amount"] = _(
            "An approval is of the amount asked for. If the amount changes, choose "
            "“Approved with changes”"
        )
    if (
        outcome == WITH_CHANGES
        and approved_amount == amount_requested
        and not conditions.strip()
    ):
        problems["conditions"] = _(
            "Say what changes: give conditions or a different amount"
        )
    if outcome not in APPROVALS and approved_amount is not None:
        problems["approved_amount"] = _(
            "Only an approval has an amount approved: leave this empty"
        )
    return problems


def telling_problems(
    *, told_on: datetime.date | None, told_how: str, decided_on: datetime.date
) -> dict[str, str]:
    """The person is told on or after the day of the decision, and how is recorded."""
    problems: dict[str, str] = {}
    if told_on is None:
        problems["told_on"] = _("Enter the date the person was told")
    elif told_on < decided_on:
        problems["told_on"] = _("The person cannot be told before the decision")
    if not told_how:
        problems["told_how"] = _("Choose how the person was told")
    return problems


def service_start_problems(
    *, approved: bool, started_on: datetime.date, decided_on: datetime.date | None
) -> dict[str, str]:
    """A service start is recorded only for an approved submission, on or after the
    day it was approved."""
    if not approved or decided_on is None:
        return {"started_on": _("Only an approved request can have a service start")}
    if started_on < decided_on:
        return {"started_on": _("The service cannot start before the approval")}
    return {}


def needs_panel_approval(
    *, cost: Decimal, limit: Decimal | None, approved_amount: Decimal | None
) -> bool:
    """A plan costing more than the delegated limit of whoever set its budget
    (Standard 8) needs a panel approval of at least its cost before it is agreed."""
    if limit is not None and cost <= limit:
        return False
    return approved_amount is None or approved_amount < cost


def amount_requested_problems(
    *, amount_requested: Decimal, plan_cost: Decimal | None
) -> dict[str, str]:
    """A request that comes with a support plan asks for at least what the plan
    costs a year: the panel approves the plan, so asking for less would leave the
    plan unfunded (an approval below the plan's cost cannot let it be agreed)."""
    if plan_cost is None or amount_requested >= plan_cost:
        return {}
    return {
        "amount_requested": _(
            "The support plan costs £%(cost)s a year. Ask for at least that amount, "
            "or change the plan first"
        )
        % {"cost": f"{plan_cost:,.2f}"}
    }


def panel_stage(
    *, needed: bool | None, state: str | None, outcome: str | None
) -> tuple[str, str]:
    """The resource panel stage, when needed (the budget or plan is above the
    delegated limit): done once the panel approves; needs review when it defers or
    declines; in progress while a request waits; not needed within delegated
    authority; not started when it is needed and nothing is sent, or when there is
    no budget yet to tell (needed is None)."""
    from selfdirect.people.hook_points import StageStatus

    if state == "decided" and outcome in ("approved", "approved_with_changes"):
        return StageStatus.DONE, _("The panel approved the request.")
    if state == "decided":
        return StageStatus.NEEDS_REVIEW, _(
            "The panel declined the request. Talk with the person about what next."
        )
    if state == "deferred":
        return StageStatus.NEEDS_REVIEW, _(
            "The panel asked for more information. Send the request back with it."
        )
    if state in ("draft", "submitted", "listed"):
        return StageStatus.IN_PROGRESS, _("Waiting for the panel's decision.")
    if needed is None:
        return StageStatus.NOT_STARTED, _(
            "Known once the indicative budget is worked out."
        )
    if needed:
        return StageStatus.NOT_STARTED, _(
            "The budget or plan is above the delegated limit: the panel must "
            "approve it."
        )
    return StageStatus.NOT_NEEDED, _("Within delegated authority.")

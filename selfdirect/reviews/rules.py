"""Named rules about reviews: when a review is due, what a poor outcome needs, when
a review can be agreed and what "what happens next" needs.

Scheduling: the first review of a plan is due PLAN_FIRST_REVIEW_MONTHS after it is
agreed (plans.rules.first_review_date); after a review, the next one is due at most
REVIEW_INTERVAL_MONTHS after the review is agreed. A review of an unplanned kind
(a change of circumstances, a hospital stay ...) is due the day it is started. The
due date at the time a review is started is kept on the review, never recomputed.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from selfdirect.core.dates import add_months

REVIEW_INTERVAL_MONTHS = 12

PLANNED = "planned"
POOR_NEEDS_NARRATIVE = True

# Allowed state changes: from state -> states it may move to (as conversations).
TRANSITIONS = {
    "draft": {"shared"},
    "shared": {"agreed", "draft"},
    "agreed": set(),
}


def can_move(current: str, to: str) -> bool:
    """A review moves draft -> shared -> agreed; a shared one may go back to draft."""
    return to in TRANSITIONS.get(current, set())


def is_unplanned(kind: str) -> bool:
    """Every kind but the planned review is unplanned: it is due when it is started."""
    return kind != PLANNED


def due_on_at_start(
    *, kind: str, plan_review_on: datetime.date | None, started_on: datetime.date
) -> datetime.date:
    """The due date kept on a review when it is started: the plan's review date for
    a planned review (the start date if the plan has none), the start date for an
    unplanned one."""
    if is_unplanned(kind) or plan_review_on is None:
        return started_on
    return plan_review_on


def latest_next_review(reviewed_on: datetime.date, months: int) -> datetime.date:
    """The next review is due at most `months` after a review is agreed (the last
    day of a shorter month, so 31 January + 1 month is 28 or 29 February)."""
    return add_months(reviewed_on, months)


def next_review_problems(
    *,
    reviewed_on: datetime.date,
    next_review_on: datetime.date | None,
    months: int,
) -> list[str]:
    """What is wrong with a chosen next review date: it must be after the review,
    and no later than REVIEW_INTERVAL_MONTHS after it."""
    if next_review_on is None:
        return [_("Enter the date of the next review.")]
    if next_review_on <= reviewed_on:
        return [_("The next review must be after this review.")]
    latest = latest_next_review(reviewed_on, months)
    if next_review_on > latest:
        return [
            _("The next review must be by %(day)s, %(months)s months after this one.")
            % {"day": latest.strftime("%d/%m/%Y"), "months": months}
        ]
    return []


def was_on_time(*, due_on: datetime.date | None, agreed_on: datetime.date) -> bool:
    """A review agreed on or before the due date kept on it was on time."""
    return due_on is None or agreed_on <= due_on


# How overdue a plan's review is, for the list's filter: code, label, days from-to.
OVERDUE_BANDS = (
    ("due_soon", gettext_lazy("Due in the next 4 weeks"), -28, 0),
    ("up_to_3_months", gettext_lazy("Overdue by up to 3 months"), 1, 91),
    ("3_to_6_months", gettext_lazy("Overdue by 3 to 6 months"), 92, 182),
    ("over_6_months", gettext_lazy("Overdue by more than 6 months"), 183, None),
)
DUE_SOON_DAYS = 28
# The due list's option filter: a plan with a support under Option 1, 2 or 3, or
# (Option 4) supports under more than one of them.
DUE_OPTIONS = (
    (1, gettext_lazy("Option 1: direct payment")),
    (2, gettext_lazy("Option 2: the person chooses, the council arranges")),
    (3, gettext_lazy("Option 3: the council chooses and arranges")),
    (4, gettext_lazy("Option 4: a mix of options")),
)


def overdue_band(review_on: datetime.date, today: datetime.date) -> str | None:
    """The band a review date falls in today, or None if it is not yet near."""
    days = (today - review_on).days
    for code, _text, low, high in OVERDUE_BANDS:
        if days >= low and (high is None or days <= high):
            return code
    return None


def attainment_problems(
    *,
    level_chosen: bool,
    poor: bool,
    reason_codes: Collection[str],
    narrative: str,
) -> list[str]:
    """An outcome needs a point on the scale; a poor one (partly met, not met) needs
    at least one coded reason and a narrative: they are what improvement acts on."""
    if not level_chosen:
        return [_("Choose how far the outcome was met.")]
    problems = []
    if poor and not reason_codes:
        problems.append(_("Choose at least one reason the outcome was not fully met."))
    if poor and POOR_NEEDS_NARRATIVE and not narrative.strip():
        problems.append(_("Say more about why the outcome was not fully met."))
    return problems


def participation_problems(*, took_part: str, why_not: str) -> list[str]:
    """How the person took part must be recorded; if they did not, why not."""
    if not took_part:
        return [_("Say how the person took part in the review.")]
    if took_part == "did_not" and not why_not.strip():
        return [_("Say why the person did not take part.")]
    return []


def next_step_problems(*, next_step: str, support_ends_reason: str) -> list[str]:
    """What happens next must be chosen; support ending needs its reason."""
    if not next_step:
        return [_("Choose what happens next.")]
    if next_step == "support_ends" and not support_ends_reason.strip():
        return [_("Say why support ends.")]
    return []


def agreement_problems(
    *,
    state: str,
    outcome_count: int,
    attainments_recorded: int,
    participation: list[str],
    next_step: list[str],
    next_review: list[str],
) -> list[str]:
    """A review can be agreed once shared, with every outcome's attainment
    recorded, how the person took part, what happens next and, unless support
    ends, the next review date."""
    problems = []
    if not can_move(state, "agreed"):
        problems.append(_("Share the review with the person before it is agreed."))
    if attainments_recorded < outcome_count:
        problems.append(_("Record how far each outcome in the plan was met."))
    return [*problems, *participation, *next_step, *next_review]


def review_stage(
    *,
    review_on: datetime.date | None,
    open_review: bool,
    reviewed: bool,
    today: datetime.date,
) -> tuple[str, str]:
    """The review stage of the journey: in progress while a review is open; past
    the plan's review date it needs review; reviewed and not yet due again, done;
    otherwise not started (with the date it is due by)."""
    from django.utils.formats import date_format

    from selfdirect.people.hook_points import StageStatus

    if open_review:
        return StageStatus.IN_PROGRESS, _("A review has started.")
    if review_on is None:
        return StageStatus.NOT_STARTED, _("Set when the plan is agreed.")
    shown = date_format(review_on, "j F Y")
    if review_on < today:
        return StageStatus.NEEDS_REVIEW, _("The review was due by %(day)s.") % {
            "day": shown
        }
    if reviewed:
        return StageStatus.DONE, _("Reviewed. The next review is due by %(day)s.") % {
            "day": shown
        }
    return StageStatus.NOT_STARTED, _("Due by %(day)s.") % {"day": shown}

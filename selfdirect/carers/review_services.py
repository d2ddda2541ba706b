"""Carers' reviews: each action one transaction, version-checked, audited.

The rules are the reviews app's (`reviews.rules`): the due date kept at the start,
what a poor outcome needs, what "what happens next" needs, the latest next review
date and when a review can be agreed. Only the interval is the carers' own
(`CARER_REVIEW_INTERVAL_MONTHS`)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import (
    save_new,
    save_new_or_refuse,
    update_versioned,
)
from selfdirect.core.dates import add_months
from selfdirect.core.details import field_values
from selfdirect.reviews import rules as review_rules
from selfdirect.reviews.details import AttainmentDetails, NextStepDetails

from .details import ReviewDetails
from .models import CarerOutcomeReview, CarerPlan, CarerReview

PLANNED = review_rules.PLANNED


def interval_months() -> int:
    """Months at most from one carer's review to the next, and from agreeing a
    plan with no (l) date to its first review (CARER_REVIEW_INTERVAL_MONTHS)."""
    return int(settings.CARER_REVIEW_INTERVAL_MONTHS)


def review_due_on(plan: CarerPlan) -> datetime.date | None:
    """When the plan's review is due: its (l) date, or the interval after it was
    agreed where (l) gives none."""
    if plan.review_on is not None:
        return plan.review_on
    if plan.agreed_on is not None:
        return add_months(plan.agreed_on, interval_months())
    return None


def _audit(
    review: CarerReview, by: User, action: str, as_recorded: bool = False
) -> None:
    carer = review.plan.carer
    record_event(
        actor=by,
        action=action,
        person_id=carer.person_id,
        carer=str(carer.public_id),
        review=str(review.public_id),
        **({"as_recorded": True} if as_recorded else {}),
    )


def _editable(review: CarerReview) -> None:
    if review.state == CarerReview.State.AGREED:
        raise ValidationError(
            _("This review has been agreed, so it cannot be changed.")
        )


@transaction.atomic
def start_review(
    *, plan: CarerPlan, by: User, started_on: datetime.date
) -> CarerReview:
    """Start the review of an agreed plan or statement, with a line for each of the
    carer's outcomes; the due date is kept as it is now."""
    current = CarerPlan.objects.select_for_update().get(pk=plan.pk)
    if current.state != CarerPlan.State.AGREED:
        raise ValidationError(_("Only an agreed plan or statement can be reviewed."))
    if current.agreed_on and started_on < current.agreed_on:
        raise ValidationError(
            {"started_on": _("A review cannot start before the plan was agreed.")}
        )
    later = CarerPlan.objects.filter(
        carer_id=current.carer_id, started_on__gt=current.started_on
    )
    if later.exists():
        raise ValidationError(_("A later plan replaced this one. Review that one."))
    due_on = review_rules.due_on_at_start(
        kind=PLANNED, plan_review_on=review_due_on(current), started_on=started_on
    )
    review: CarerReview = save_new_or_refuse(
        CarerReview(plan=current, started_on=started_on, due_on=due_on, recorded_by=by),
        by,
        refusal=_("A review of this plan has already started. Carry on with that one."),
    )
    review.plan = plan
    for outcome in current.outcomes.all():
        save_new(CarerOutcomeReview(review=review, outcome=outcome), by)
    _audit(review, by, "carer.review_started")
    return review


@transaction.atomic
def update_review(
    *, review: CarerReview, by: User, version: int, details: ReviewDetails
) -> CarerReview:
    """Record when the review was held, who took part and the carer's account."""
    _editable(review)
    if details.held_on is not None and details.held_on < review.started_on:
        raise ValidationError(
            {"held_on": _("The review cannot be held before it started.")}
        )
    update_versioned(review, by=by, version=version, details=field_values(details))
    _audit(review, by, "carer.review_changed")
    return review


@transaction.atomic
def record_outcome(
    *,
    row: CarerOutcomeReview,
    by: User,
    version: int,
    details: AttainmentDetails,
    as_recorded: bool = False,
) -> CarerOutcomeReview:
    """How far one of the carer's outcomes was met; a poor one (partly met, not
    met) needs a coded reason and more about why (reviews.rules), except
    `as_recorded` (an old system's review imported as it was recorded)."""
    _editable(row.review)
    level = details.level
    poor = bool(level and level.poor)
    problems = review_rules.attainment_problems(
        level_chosen=level is not None,
        poor=poor,
        reason_codes=[r.code for r in details.reasons],
        narrative=details.reason_narrative,
    )
    if as_recorded:
        problems = []  # an old system's review, kept as it was recorded
    if problems:
        raise ValidationError(problems)
    values = field_values(details)
    values.pop("reasons")
    if not poor:
        values["reason_narrative"] = ""
    update_versioned(row, by=by, version=version, details=values)
    row.reasons.set(details.reasons if poor else [])
    _audit(row.review, by, "carer.review_changed", as_recorded)
    return row


def _reviewed_on(review: CarerReview) -> datetime.date:
    return review.held_on or review.started_on


def _next_review_problems(review: CarerReview, details: NextStepDetails) -> list[str]:
    problems = review_rules.next_step_problems(
        next_step=details.next_step, support_ends_reason=details.support_ends_reason
    )
    if details.next_step != CarerReview.NextStep.SUPPORT_ENDS:
        problems += review_rules.next_review_problems(
            reviewed_on=_reviewed_on(review),
            next_review_on=details.next_review_on,
            months=interval_months(),
        )
    return problems


@transaction.atomic
def record_next_step(
    *, review: CarerReview, by: User, version: int, details: NextStepDetails
) -> CarerReview:
    """What happens next and the next review date (at most the interval after the
    review; none when support for the carer ends)."""
    _editable(review)
    if details.next_step and details.next_step not in CarerReview.NextStep.values:
        raise ValidationError({"next_step": _("Choose what happens next.")})
    problems = _next_review_problems(review, details)
    if problems:
        raise ValidationError(problems)
    values = field_values(details)
    if details.next_step == CarerReview.NextStep.SUPPORT_ENDS:
        values["next_review_on"] = None
    else:
        values["support_ends_reason"] = ""
    update_versioned(review, by=by, version=version, details=values)
    _audit(review, by, "carer.review_changed")
    return review


@transaction.atomic
def share_review(
    *, review: CarerReview, by: User, version: int, shared_on: datetime.date
) -> CarerReview:
    """Share the draft review with the carer."""
    if not review_rules.can_move(review.state, CarerReview.State.SHARED):
        raise ValidationError(_("Only a draft review can be shared."))
    if shared_on < review.started_on:
        raise ValidationError(
            {"day": _("A review cannot be shared before it started.")}
        )
    update_versioned(
        review,
        by=by,
        version=version,
        details={"state": CarerReview.State.SHARED, "shared_on": shared_on},
    )
    _audit(review, by, "carer.review_shared")
    return review


def agreement_problems(review: CarerReview) -> list[str]:
    """What stops the review being agreed now: shared first, every outcome
    recorded, what happens next and, unless support ends, the next review date."""
    rows = CarerOutcomeReview.objects.filter(review=review)
    ends = review.next_step == CarerReview.NextStep.SUPPORT_ENDS
    problems = review_rules.agreement_problems(
        state=review.state,
        outcome_count=rows.count(),
        attainments_recorded=rows.filter(level__isnull=False).count(),
        participation=[],
        next_step=review_rules.next_step_problems(
            next_step=review.next_step, support_ends_reason=review.support_ends_reason
        ),
        next_review=[]
        if ends
        else review_rules.next_review_problems(
            reviewed_on=_reviewed_on(review),
            next_review_on=review.next_review_on,
            months=interval_months(),
        ),
    )
    if review.state == CarerReview.State.DRAFT:
        problems[0] = _("Share the review with the carer before it is agreed.")
    return problems


@transaction.atomic
def agree_review(
    *,
    review: CarerReview,
    by: User,
    version: int,
    agreed_on: datetime.date,
    as_recorded: bool = False,
) -> CarerReview:
    """Record that the carer agreed the review: the plan's next review date (l)
    becomes the one set at this review. `as_recorded` (an old system's review
    imported as it was recorded): only sharing it first is required, not every
    outcome evaluated, a next step or a next review date."""
    current = CarerReview.objects.select_for_update().get(pk=review.pk)
    problems = agreement_problems(current)
    if as_recorded:
        problems = problems[:1] if current.state != CarerReview.State.SHARED else []
    if problems:
        raise ValidationError(problems)
    if agreed_on < current.started_on:
        raise ValidationError(
            {"day": _("A review cannot be agreed before it started.")}
        )
    update_versioned(
        review,
        by=by,
        version=version,
        details={"state": CarerReview.State.AGREED, "agreed_on": agreed_on},
    )
    plan = CarerPlan.objects.select_for_update().get(pk=current.plan_id)
    if plan.review_on != current.next_review_on:
        update_versioned(
            plan,
            by=by,
            version=plan.version,
            details={"review_on": current.next_review_on},
        )
    _audit(review, by, "carer.review_agreed", as_recorded)
    return review

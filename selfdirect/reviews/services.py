"""Practitioner actions on reviews: each one transaction, with history, audited."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.conversations.models import RiskEnablement
from selfdirect.core.concurrency import (
    save_new_or_refuse,
    save_versioned,
    update_versioned,
)
from selfdirect.core.details import field_values
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.services import set_review_date, start_new_version

from . import rules
from .details import (
    AttainmentDetails,
    NextStepDetails,
    ReviewDetails,
    RiskReviewDetails,
    SupportReviewDetails,
)
from .models import (
    FeedbackQuestion,
    OutcomeAttainment,
    Review,
    RiskReview,
    SupportReview,
)


def review_interval_months() -> int:
    """Months at most from one review to the next (setting REVIEW_INTERVAL_MONTHS,
    default 12)."""
    return int(
        getattr(settings, "REVIEW_INTERVAL_MONTHS", rules.REVIEW_INTERVAL_MONTHS)
    )


# A next review date kept as an old system recorded it: after the review, with no
# limit on how long after (100 years).
NO_LIMIT_MONTHS = 1200


def _audit(review: Review, by: User, action: str, as_recorded: bool = False) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=review.person_id,
        review=str(review.public_id),
        **({"as_recorded": True} if as_recorded else {}),
    )


def _editable(review: Review) -> None:
    if review.state == Review.State.AGREED:
        raise ValidationError(
            _("This review has been agreed, so it cannot be changed.")
        )


def risks_due(plan: SupportPlan, by_day: datetime.date) -> list[RiskEnablement]:
    """The plan conversation's risk agreements due for review by this day."""
    return list(
        RiskEnablement.objects.filter(
            conversation_id=plan.conversation_id, review_on__lte=by_day
        )
    )


@transaction.atomic
def start_review(
    *, plan: SupportPlan, by: User, kind: str, started_on: datetime.date
) -> Review:
    """Start a review of an agreed plan, with a line for each outcome and support
    in the plan and each risk agreement due; the due date is kept as it is now."""
    current = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if current.state != SupportPlan.State.AGREED:
        raise ValidationError(_("Only an agreed support plan can be reviewed."))
    if kind not in Review.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of review.")})
    due_on = rules.due_on_at_start(
        kind=kind, plan_review_on=current.review_on, started_on=started_on
    )
    review: Review = save_new_or_refuse(
        Review(
            person_id=current.person_id,
            plan=current,
            kind=kind,
            started_on=started_on,
            due_on=due_on,
            recorded_by=by,
        ),
        by,
        refusal=_("A review of this plan has already started. Carry on with that one."),
    )
    for outcome in current.outcomes.all():
        row = OutcomeAttainment(review=review, plan_outcome=outcome)
        row._history_user = by  # type: ignore[attr-defined]
        row.save()
    for support in current.supports.all():
        part = SupportReview(review=review, support=support)
        part._history_user = by  # type: ignore[attr-defined]
        part.save()
    for risk in risks_due(current, max(due_on, started_on)):
        risk_row = RiskReview(review=review, risk=risk)
        risk_row._history_user = by  # type: ignore[attr-defined]
        risk_row.save()
    _audit(review, by, "review.started")
    return review


@transaction.atomic
def update_review(
    *, review: Review, by: User, version: int, details: ReviewDetails
) -> Review:
    """Record who took part and how, and the person's own account."""
    _editable(review)
    problems = rules.participation_problems(
        took_part=details.took_part, why_not=details.why_not_taking_part
    )
    if problems:
        raise ValidationError({"took_part": problems})
    update_versioned(review, by=by, version=version, details=field_values(details))
    return review


@transaction.atomic
def record_attainment(
    *,
    attainment: OutcomeAttainment,
    by: User,
    version: int,
    details: AttainmentDetails,
    as_recorded: bool = False,
) -> OutcomeAttainment:
    """Record how far an outcome was met; a poor outcome needs a coded reason and a
    narrative (rules.attainment_problems); reasons are kept only for poor outcomes.
    `as_recorded` (an old system's review imported as it was recorded): kept
    without a point on the scale, or a poor outcome without them."""
    _editable(attainment.review)
    level = details.level
    poor = bool(level and level.poor)
    problems = rules.attainment_problems(
        level_chosen=level is not None,
        poor=poor,
        reason_codes=[r.code for r in details.reasons],
        narrative=details.reason_narrative,
    )
    if as_recorded:
        problems = []
    if problems:
        raise ValidationError(problems)
    values = field_values(details)
    values.pop("reasons")
    if not poor:
        values["reason_narrative"] = ""
    update_versioned(attainment, by=by, version=version, details=values)
    attainment.reasons.set(details.reasons if poor else [])
    _audit(attainment.review, by, "review.attainment", as_recorded)
    return attainment


def feedback_problems(feedback: dict[str, str]) -> list[str]:
    """Answers only to the questions in use, each one of the answers allowed."""
    known = set(
        FeedbackQuestion.objects.filter(active=True).values_list("code", flat=True)
    )
    if set(feedback) - known or set(feedback.values()) - set(
        SupportReview.Answer.values
    ):
        return [_("Answer the choice and control questions from the list.")]
    return []


@transaction.atomic
def record_support_review(
    *,
    support_review: SupportReview,
    by: User,
    version: int,
    details: SupportReviewDetails,
) -> SupportReview:
    """Record whether a support was delivered as planned, whether its option is
    still right, and the person's choice-and-control answers."""
    _editable(support_review.review)
    problems = feedback_problems(details.feedback)
    if problems:
        raise ValidationError(problems)
    update_versioned(
        support_review, by=by, version=version, details=field_values(details)
    )
    _audit(support_review.review, by, "review.support")
    return support_review


@transaction.atomic
def record_risk_review(
    *, risk_review: RiskReview, by: User, version: int, details: RiskReviewDetails
) -> RiskReview:
    """Record how a risk agreement went: the actions, the gain, any harm."""
    review = risk_review.review
    _editable(review)
    if details.any_harm and not details.harm.strip():
        raise ValidationError({"harm": _("Say what the harm was.")})
    if details.next_review_on is not None and details.next_review_on <= (
        review.held_on or review.started_on
    ):
        raise ValidationError(
            {"next_review_on": _("The next review must be after this review.")}
        )
    update_versioned(risk_review, by=by, version=version, details=field_values(details))
    _audit(review, by, "review.risk")
    return risk_review


@transaction.atomic
def record_next_step(
    *,
    review: Review,
    by: User,
    version: int,
    details: NextStepDetails,
    as_recorded: bool = False,
) -> Review:
    """Record what happens next and the next review date (at most
    REVIEW_INTERVAL_MONTHS after the review; none when support ends).
    `as_recorded` (an old system's review imported as it was recorded): no reason
    for support ending and no limit on the next date are needed, but a next date
    must still come after the review."""
    _editable(review)
    problems = rules.next_step_problems(
        next_step=details.next_step, support_ends_reason=details.support_ends_reason
    )
    if as_recorded:
        problems = []
        if details.next_review_on is not None:
            problems = rules.next_review_problems(
                reviewed_on=review.held_on or review.started_on,
                next_review_on=details.next_review_on,
                months=NO_LIMIT_MONTHS,
            )
    elif details.next_step != Review.NextStep.SUPPORT_ENDS:
        problems += rules.next_review_problems(
            reviewed_on=review.held_on or review.started_on,
            next_review_on=details.next_review_on,
            months=review_interval_months(),
        )
    if problems:
        raise ValidationError(problems)
    values = field_values(details)
    if details.next_step == Review.NextStep.SUPPORT_ENDS:
        values["next_review_on"] = None
    else:
        values["support_ends_reason"] = ""
    update_versioned(review, by=by, version=version, details=values)
    return review


@transaction.atomic
def share_review(
    *, review: Review, by: User, version: int, shared_on: datetime.date
) -> Review:
    """Share a draft review with the person."""
    if not rules.can_move(review.state, Review.State.SHARED):
        raise ValidationError(_("Only a draft review can be shared."))
    review.state, review.shared_on = Review.State.SHARED, shared_on
    review._history_user = by  # type: ignore[attr-defined]
    save_versioned(review, expected_version=version, fields=["state", "shared_on"])
    _audit(review, by, "review.shared")
    return review


def _agreement_problems(review: Review) -> list[str]:
    reviewed_on = review.held_on or review.started_on
    ends = review.next_step == Review.NextStep.SUPPORT_ENDS
    recorded = OutcomeAttainment.objects.filter(
        review=review, level__isnull=False
    ).count()
    return rules.agreement_problems(
        state=review.state,
        outcome_count=review.attainments.count(),
        attainments_recorded=recorded,
        participation=rules.participation_problems(
            took_part=review.took_part, why_not=review.why_not_taking_part
        ),
        next_step=rules.next_step_problems(
            next_step=review.next_step, support_ends_reason=review.support_ends_reason
        ),
        next_review=[]
        if ends
        else rules.next_review_problems(
            reviewed_on=reviewed_on,
            next_review_on=review.next_review_on,
            months=review_interval_months(),
        ),
    )


def agreement_problems(review: Review) -> list[str]:
    """What stops the review being agreed now (for the check-answers page)."""
    return _agreement_problems(review)


@transaction.atomic
def agree_review(
    *,
    review: Review,
    by: User,
    version: int,
    agreed_on: datetime.date,
    agreed_by: str,
    agreed_how: str,
    as_recorded: bool = False,
) -> Review:
    """Record that the person (or their representative) agreed the review; the
    plan's next review date becomes the one set at this review. `as_recorded`
    (an old system's review imported as it was recorded): it must be shared
    first, but need not have every outcome evaluated, how the person took part,
    what happens next or the next review date."""
    current = Review.objects.select_for_update().get(pk=review.pk)
    problems = _agreement_problems(current)
    if as_recorded:
        problems = [] if current.state == Review.State.SHARED else problems[:1]
    if problems:
        raise ValidationError(problems)
    review.state = Review.State.AGREED
    review.agreed_on, review.agreed_by, review.agreed_how = (
        agreed_on,
        agreed_by,
        agreed_how,
    )
    review._history_user = by  # type: ignore[attr-defined]
    save_versioned(
        review,
        expected_version=version,
        fields=["state", "agreed_on", "agreed_by", "agreed_how"],
    )
    if current.next_review_on is not None:
        set_review_date(plan=review.plan, by=by, review_on=current.next_review_on)
    _audit(review, by, "review.agreed", as_recorded)
    return review


@transaction.atomic
def start_new_plan_version(
    *, review: Review, by: User, today: datetime.date
) -> SupportPlan:
    """What happens next is a new plan version: start it through the plans app,
    which copies the outcomes and supports, and keep it on the review, so the new
    plan's outcomes are read beside their attainment at this review."""
    current = Review.objects.select_for_update().get(pk=review.pk)
    if (
        current.state != Review.State.AGREED
        or current.next_step != Review.NextStep.NEW_PLAN_VERSION
    ):
        raise ValidationError(
            _("Agree a review that says a new plan version comes next first.")
        )
    if current.new_plan_id is not None:
        raise ValidationError(_("A new version of the plan has already started."))
    draft = start_new_version(plan=current.plan, by=by, today=today)
    current.new_plan = draft
    current._history_user = by  # type: ignore[attr-defined]
    save_versioned(current, expected_version=current.version, fields=["new_plan"])
    review.new_plan, review.version = draft, current.version
    _audit(review, by, "review.new_plan_version")
    return draft


def carried_attainment(review: Review) -> list[tuple[str, OutcomeAttainment | None]]:
    """Each outcome of the new plan version with how its earlier outcome went at
    this review (matched as the plans app copies them: in order, by their words)."""
    if review.new_plan is None:
        return []
    earlier = {
        (a.plan_outcome.personal_outcome_id, a.plan_outcome.words): a
        for a in review.attainments.select_related("plan_outcome", "level")
    }
    return [
        (o.words, earlier.get((o.personal_outcome_id, o.words)))
        for o in review.new_plan.outcomes.all()
    ]

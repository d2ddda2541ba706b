"""What reviews add elsewhere (collected by selfdirect.core.hooks)."""

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

AUDIT_ACTIONS = (
    AuditAction("review.started", _("Started a review of the support plan")),
    AuditAction("review.attainment", _("Recorded how far an outcome was met")),
    AuditAction("review.support", _("Recorded how a support went at review")),
    AuditAction("review.risk", _("Recorded how a risk agreement went at review")),
    AuditAction("review.shared", _("Shared a review with the person")),
    AuditAction("review.agreed", _("Recorded that the review was agreed")),
    AuditAction(
        "review.new_plan_version", _("Started a new plan version from a review")
    ),
    AuditAction(
        "review.change_of_option", _("Recorded a change of option from a review")
    ),
    AuditAction("review.correction", _("Added the person's own words to their review")),
)

SUBJECT_ACCESS = (
    SubjectAccessSection("reviews.Review", ("person",), "Reviews"),
    SubjectAccessSection(
        "reviews.OutcomeAttainment", ("review__person",), "Outcomes at review"
    ),
    SubjectAccessSection(
        "reviews.SupportReview", ("review__person",), "Supports at review"
    ),
    SubjectAccessSection(
        "reviews.RiskReview", ("review__person",), "Risk agreements at review"
    ),
    SubjectAccessSection(
        "reviews.ReviewCorrection",
        ("review__person",),
        "The person's own words on their reviews",
    ),
)


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import person_reviews_read

    return {"reviews": person_reviews_read(person)}


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    return {"reviews": list(reads["reviews"])}


PERSON_SECTIONS = (
    PersonSection(65, "reviews/person_section.html", _person_section, _person_reads),
)


def _due_count(user: Any) -> int:
    from django.utils import timezone

    from .selectors import reviews_due_count

    return reviews_due_count(user, timezone.localdate())


NAV_ITEMS = (
    NavItem(
        50,
        _("Reviews due"),
        "reviews:due",
        (Capability.PLAN_SUPPORT,),
        count=_due_count,
    ),
)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import Exists, OuterRef, Q, Subquery

    from selfdirect.plans.models import SupportPlan

    from .models import Review

    agreed = SupportPlan.objects.filter(
        person=OuterRef("pk"), state=SupportPlan.State.AGREED
    )
    reviews = Review.objects.filter(person=OuterRef("pk"))
    return {
        "stage_review_plan": Subquery(agreed.values("public_id")[:1]),
        "stage_review_on": Subquery(agreed.values("review_on")[:1]),
        "stage_review_open": Subquery(
            reviews.filter(~Q(state=Review.State.AGREED)).values("public_id")[:1]
        ),
        "stage_reviewed": Exists(reviews.filter(state=Review.State.AGREED)),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse
    from django.utils import timezone

    from .rules import review_stage

    status, summary = review_stage(
        review_on=row.stage_review_on,
        open_review=row.stage_review_open is not None,
        reviewed=row.stage_reviewed,
        today=timezone.localdate(),
    )
    if row.stage_review_plan is None or not user.can(Capability.PLAN_SUPPORT):
        return StageProgress(status, summary)
    if row.stage_review_open is not None:
        url = reverse("reviews:detail", args=[row.public_id, row.stage_review_open])
        return StageProgress(status, summary, str(_("Carry on with the review")), url)
    if status != "needs_review":
        return StageProgress(status, summary)
    url = reverse("reviews:start", args=[row.public_id, row.stage_review_plan])
    return StageProgress(status, summary, str(_("Start the review")), url)


CONTRIBUTIONS = (
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(70, _("Review"), _stage_annotations, _stage_progress),
    ),
)

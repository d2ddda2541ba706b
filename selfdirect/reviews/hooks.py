"""What reviews add elsewhere (collected by selfdirect.core.hooks)."""

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import AuditAction, SubjectAccessSection

AUDIT_ACTIONS = (
    AuditAction("review.started", _("Started a review of the support plan")),
    AuditAction("review.attainment", _("Recorded how far an outcome was met")),
    AuditAction("review.support", _("Recorded how a support went at review")),
    AuditAction("review.risk", _("Recorded how a risk agreement went at review")),
    AuditAction("review.shared", _("Shared a review with the person")),
    AuditAction("review.agreed", _("Recorded that the review was agreed")),
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
)

"""Carers' reviews: how each of the carer's own outcomes (s9 (e)) went, and what
happens next, on the plan's review date (s9 (l)).

The attainment scale and the reasons for a poor outcome are the `reviews` app's
(kept as versioned data there), so a carer's review and a supported person's are
counted on the same scale. States are draft, shared and agreed, as for a plan."""

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.core.text import shorten
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason

from .carer import CarerRecordQuerySet
from .plan import CarerOutcome, CarerPlan, PlanPartQuerySet

_R = TypeVar("_R", bound=models.Model)


class CarerReview(PublicIdModel, RecordedModel):
    """A review of an agreed adult carer support plan or young carer statement."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared with the carer")
        AGREED = "agreed", _("Agreed")

    class NextStep(models.TextChoices):
        # "support_ends" is the code reviews.rules.next_step_problems knows.
        CONTINUE = "continue", _("Carry on with the plan as it is")
        NEW_PLAN = "new_plan", _("A new plan or statement")
        SUPPORT_ENDS = "support_ends", _("Support for the carer ends")

    plan = models.ForeignKey(
        CarerPlan,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("plan or statement reviewed"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    started_on = models.DateField(_("review started on"))
    due_on = models.DateField(
        _("review was due by"),
        null=True,
        blank=True,
        help_text=_("The due date when the review was started, kept as it was."),
    )
    held_on = models.DateField(_("review held on"), null=True, blank=True)
    participant_names = models.TextField(_("who took part"), blank=True)
    carers_account = models.TextField(_("the carer's own account"), blank=True)
    caring_changes = models.TextField(
        _("what has changed in the caring situation"), blank=True
    )
    next_step = models.CharField(
        _("what happens next"), max_length=20, choices=NextStep.choices, blank=True
    )
    next_step_notes = models.TextField(_("more about what happens next"), blank=True)
    support_ends_reason = models.TextField(_("why support ends"), blank=True)
    next_review_on = models.DateField(_("next review by"), null=True, blank=True)
    shared_on = models.DateField(_("shared with the carer on"), null=True, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    objects = PlanPartQuerySet["CarerReview"].as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["plan", "state"], name="carer_review_plan_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"],
                condition=~models.Q(state="agreed"),
                name="carer_review_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"Carer's review started {self.started_on:%d/%m/%Y}"


class ReviewPartQuerySet(CarerRecordQuerySet[_R]):
    person_path = "review__plan__carer__person"
    carer_path = "review__plan__carer"


class CarerOutcomeReview(VersionedModel):
    """How one of the carer's outcomes went: met, partly met, not met or no longer
    relevant (the reviews app's scale), and why it was not fully met."""

    review = models.ForeignKey(
        CarerReview, on_delete=models.CASCADE, related_name="outcome_reviews"
    )
    outcome = models.ForeignKey(
        CarerOutcome,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("the carer's outcome"),
    )
    level = models.ForeignKey(
        AttainmentLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("how far it was met"),
    )
    persons_words = models.TextField(_("how it went, in the carer's words"), blank=True)
    what_helped = models.TextField(_("what helped"), blank=True)
    what_got_in_the_way = models.TextField(_("what got in the way"), blank=True)
    reasons = models.ManyToManyField(
        PoorOutcomeReason,
        blank=True,
        related_name="+",
        verbose_name=_("why it was not fully met"),
    )
    reason_narrative = models.TextField(_("more about why"), blank=True)
    objects = ReviewPartQuerySet["CarerOutcomeReview"].as_manager()

    history = HistoricalRecords(m2m_fields=[reasons])

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "outcome"], name="carer_outcome_review_once"
            )
        ]

    def __str__(self) -> str:
        return shorten(self.outcome.words)

"""Reviews of agreed support plans: how each outcome went, and what happens next.

A review belongs to the agreed support plan it reviews and, through it, to the
conversation's personal outcomes. For each outcome it records attainment on a scale
kept as versioned data (with coded reasons where an outcome was partly or not met),
for each support whether it was delivered and is still right, the person's feedback
on choice and control, and how each risk-enablement agreement due went. States are
draft, shared and agreed, as for conversations. The due date at the time the review
was started is kept, so a late review stays visible as late.
"""

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.choices.models import SupportChoice
from selfdirect.conversations.models import RiskEnablement
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.core.text import shorten
from selfdirect.people.models import Person, PersonRecordQuerySet
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan


class ScaleItem(models.Model):
    """One entry of a review list kept as versioned data (loaded from
    `data/review_scales.json`): its code, its version of the list and its place."""

    code = models.SlugField(max_length=40)
    scale_version = models.CharField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        abstract = True
        ordering = ["order"]


class AttainmentLevel(ScaleItem):
    """A point on the attainment scale (kept as versioned data); `poor` points need
    a reason (rules.attainment_problems)."""

    name = models.CharField(max_length=80)
    poor = models.BooleanField(default=False)

    class Meta(ScaleItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["scale_version", "code"], name="unique_attainment_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PoorOutcomeReason(ScaleItem):
    """A coded reason an outcome was partly met or not met (kept as data)."""

    name = models.CharField(max_length=120)

    class Meta(ScaleItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["scale_version", "code"], name="unique_reason_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.name


class FeedbackQuestion(ScaleItem):
    """A choice-and-control question asked about a support (kept as data)."""

    wording = models.CharField(max_length=200)

    class Meta(ScaleItem.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["scale_version", "code"], name="unique_question_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.wording


class Review(PublicIdModel, RecordedModel):
    """A review of an agreed support plan with the person."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("Planned review")
        CIRCUMSTANCES = "circumstances", _("Change of circumstances")
        REQUESTED = (
            "requested",
            _("Requested by the person, their carer or representative"),
        )
        CHANGE_OF_OPTION = "change_of_option", _("Change of option")
        HOSPITAL = "hospital", _("After a hospital stay")
        COMPLAINT = "complaint", _("After a complaint or a concern")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared with the person")
        AGREED = "agreed", _("Agreed")

    class TookPart(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        ADVOCATE = "advocate", _("With an advocate")
        INTERPRETER = "interpreter", _("With an interpreter")
        REPRESENTATIVE = "representative", _("Through a representative")
        DID_NOT = "did_not", _("Did not take part")

    class AgreedHow(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        IN_WRITING = "in_writing", _("In writing")
        REPRESENTATIVE = "representative", _("Through their representative")

    class NextStep(models.TextChoices):
        CONTINUE = "continue", _("Continue the plan unchanged")
        NEW_PLAN_VERSION = "new_plan_version", _("A new version of the plan")
        NEW_CONVERSATION = "new_conversation", _("A new conversation (reassessment)")
        CHANGE_OF_OPTION = "change_of_option", _("A change of option")
        SUPPORT_ENDS = "support_ends", _("Support ends")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reviews")
    plan = models.ForeignKey(
        SupportPlan,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("support plan reviewed"),
    )
    kind = models.CharField(_("kind of review"), max_length=20, choices=Kind.choices)
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
    took_part = models.CharField(
        _("how the person took part"),
        max_length=20,
        choices=TookPart.choices,
        blank=True,
    )
    why_not_taking_part = models.TextField(
        _("why the person did not take part"), blank=True
    )
    persons_account = models.TextField(_("the person's own account"), blank=True)
    carer_views = models.TextField(_("the unpaid carer's views"), blank=True)
    next_step = models.CharField(
        _("what happens next"), max_length=20, choices=NextStep.choices, blank=True
    )
    next_step_notes = models.TextField(_("more about what happens next"), blank=True)
    support_ends_reason = models.TextField(_("why support ends"), blank=True)
    next_review_on = models.DateField(_("next review by"), null=True, blank=True)
    new_plan = models.ForeignKey(
        SupportPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="started_by_review",
        verbose_name=_("new plan version started from the review"),
    )
    new_choice = models.ForeignKey(
        SupportChoice,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="made_at_review",
        verbose_name=_("new choice of options made from the review"),
    )
    shared_on = models.DateField(_("shared with the person on"), null=True, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreed_by = models.CharField(_("agreed by"), max_length=200, blank=True)
    agreed_how = models.CharField(
        _("how it was agreed"), max_length=20, choices=AgreedHow.choices, blank=True
    )
    objects = PersonRecordQuerySet["Review"].as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["person", "state"], name="review_person_state"),
            models.Index(fields=["plan", "state"], name="review_plan_state"),
            models.Index(fields=["state", "agreed_on"], name="review_agreed"),
        ]
        constraints = [
            # One review in progress (not yet agreed) for a plan at a time.
            models.UniqueConstraint(
                fields=["plan"],
                condition=~models.Q(state="agreed"),
                name="review_one_open_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"Review started {self.started_on:%d/%m/%Y}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT


_R = TypeVar("_R", bound=models.Model)


class ReviewPartQuerySet(PersonRecordQuerySet[_R]):
    """A review's outcome, support and risk parts, seen through the review's person."""

    person_path = "review__person"


class OutcomeAttainment(VersionedModel):
    """How one outcome of the plan went, in the person's words, on the scale."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="attainments"
    )
    plan_outcome = models.ForeignKey(
        PlanOutcome,
        on_delete=models.PROTECT,
        related_name="attainments",
        verbose_name=_("outcome in the plan"),
    )
    level = models.ForeignKey(
        AttainmentLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("how far it was met"),
    )
    persons_words = models.TextField(
        _("how it went, in the person's words"), blank=True
    )
    what_helped = models.TextField(_("what helped"), blank=True)
    what_got_in_the_way = models.TextField(_("what got in the way"), blank=True)
    reasons = models.ManyToManyField(
        PoorOutcomeReason,
        blank=True,
        related_name="+",
        verbose_name=_("why it was not fully met"),
    )
    reason_narrative = models.TextField(_("more about why"), blank=True)
    objects = ReviewPartQuerySet["OutcomeAttainment"].as_manager()

    history = HistoricalRecords(m2m_fields=[reasons])

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "plan_outcome"], name="attainment_once_per_outcome"
            )
        ]

    def __str__(self) -> str:
        return shorten(self.plan_outcome.words)


class SupportReview(VersionedModel):
    """How one support in the plan went, and the person's choice-and-control view."""

    class Answer(models.TextChoices):
        AGREE = "agree", _("Agree")
        PARTLY = "partly", _("Partly agree")
        DISAGREE = "disagree", _("Disagree")
        NOT_ASKED = "not_asked", _("Not asked")

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="support_reviews"
    )
    support = models.ForeignKey(
        Support,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("support in the plan"),
    )
    delivered_as_planned = models.BooleanField(
        _("delivered as planned"), null=True, blank=True
    )
    option_still_right = models.BooleanField(
        _("the option is still right for the person"), null=True, blank=True
    )
    notes = models.TextField(_("more about this support"), blank=True)
    # Answers by FeedbackQuestion code: one of Answer.
    feedback = models.JSONField(_("choice and control"), default=dict, blank=True)
    objects = ReviewPartQuerySet["SupportReview"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "support"], name="support_review_once"
            )
        ]

    def __str__(self) -> str:
        return shorten(self.support.what)


class RiskReview(VersionedModel):
    """How a risk-enablement agreement due for review went."""

    class Worked(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="risk_reviews"
    )
    risk = models.ForeignKey(
        RiskEnablement,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("risk agreement"),
    )
    actions_worked = models.CharField(
        _("the agreed actions worked"),
        max_length=10,
        choices=Worked.choices,
        blank=True,
    )
    what_was_gained = models.TextField(_("what the person gained"), blank=True)
    any_harm = models.BooleanField(_("any harm"), null=True, blank=True)
    harm = models.TextField(_("what the harm was"), blank=True)
    next_review_on = models.DateField(_("next review by"), null=True, blank=True)
    objects = ReviewPartQuerySet["RiskReview"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "risk"], name="risk_review_once")
        ]

    def __str__(self) -> str:
        return shorten(self.risk.risk)


class ReviewCorrection(RecordedModel):
    """The person's own words on their shared review, kept beside ours (as a
    conversation's PersonCorrection)."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="corrections"
    )
    about = models.CharField(_("which part"), max_length=200, blank=True)
    words = models.TextField(_("what the person says, in their own words"))
    added_on = models.DateField(_("added on"))
    objects = ReviewPartQuerySet["ReviewCorrection"].as_manager()

    class Meta:
        ordering = ["added_on", "id"]

    def __str__(self) -> str:
        return shorten(self.words)

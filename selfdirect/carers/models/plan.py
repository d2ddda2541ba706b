"""The adult carer support plan and young carer statement: every item s9 requires
(for a statement, s15), each its own section, with the carer's outcomes, breaks
from caring and the impact in each eligibility domain as their own rows."""

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.core.text import shorten
from selfdirect.directory.models import Service

from .carer import Carer, CarerPartQuerySet, CarerRecordQuerySet
from .criteria import EligibilityCriteria, EligibilityDomain, Impact

_R = TypeVar("_R", bound=models.Model)


class CarerPlan(PublicIdModel, RecordedModel):
    """An adult carer support plan (ACSP) or a young carer statement (YCS)."""

    class Kind(models.TextChoices):
        ACSP = "acsp", _("Adult carer support plan")
        YCS = "ycs", _("Young carer statement")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared with the carer")
        AGREED = "agreed", _("Agreed")

    class Authority(models.TextChoices):
        COUNCIL = "council", _("The council")
        EDUCATION = "education", _("An education authority")
        OTHER = "other", _("Another authority")

    class Appropriate(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    started_on = models.DateField(_("started on"))
    # (a) circumstances, nature and extent of care, impact on wellbeing
    circumstances = models.TextField(
        _("the circumstances, nature and extent of the care"), blank=True
    )
    impact_on_wellbeing = models.TextField(
        _("the impact of caring on the carer's wellbeing"), blank=True
    )
    hours_band = models.CharField(_("hours of care a week"), max_length=20, blank=True)
    # (b)
    ability_to_care = models.TextField(_("the carer's ability to care"), blank=True)
    willingness_to_care = models.TextField(
        _("the carer's willingness to care"), blank=True
    )
    # (c)
    emergency_who = models.CharField(
        _("who would step in during an emergency"), max_length=200, blank=True
    )
    emergency_contact = models.CharField(
        _("how to reach them"), max_length=200, blank=True
    )
    emergency_plan = models.TextField(_("the emergency plan"), blank=True)
    # (d)
    future_care = models.TextField(_("future care arrangements"), blank=True)
    # (e) outcomes are CarerOutcome rows
    # (f)
    no_needs_identified = models.BooleanField(_("no needs identified"), default=False)
    needs = models.TextField(_("the carer's identified needs"), blank=True)
    # (g)
    local_support = models.TextField(_("support available locally"), blank=True)
    local_services = models.ManyToManyField(
        Service,
        blank=True,
        related_name="+",
        verbose_name=_("services in the directory"),
    )
    # (h)
    lives_elsewhere = models.BooleanField(
        _("the carer lives in another area"), default=False
    )
    support_where_lives = models.TextField(
        _("support where the carer lives"), blank=True
    )
    # (i) impacts per domain are DomainImpact rows, judged against `criteria`
    criteria = models.ForeignKey(
        EligibilityCriteria,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("eligibility criteria used"),
    )
    eligible_support = models.TextField(
        _("support for needs that meet the local eligibility criteria"), blank=True
    )
    # The indicative budget for (i), from a budget method kept for carers: a
    # budget of the carer's own person record (budgets app); the options chosen
    # for each element of support are CarerSupport rows.
    budget = models.ForeignKey(
        IndicativeBudget,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indicative budget"),
    )
    # (j)
    other_support = models.TextField(
        _("support for other needs, by signposting"), blank=True
    )
    # (k) breaks are BreakFromCaring rows
    break_from_caring = models.BooleanField(
        _("support should take the form of a break from caring"),
        null=True,
        blank=True,
    )
    break_reasons = models.TextField(_("why, or why not"), blank=True)
    # (l)
    review_on = models.DateField(_("review by"), null=True, blank=True)
    # Young carer statement (s12, s15)
    authority = models.CharField(
        _("responsible authority"),
        max_length=10,
        choices=Authority.choices,
        blank=True,
    )
    authority_name = models.CharField(
        _("name of the responsible authority"), max_length=200, blank=True
    )
    council_approval_needed = models.BooleanField(
        _("the statement needs the council's approval"), default=False
    )
    council_approved_on = models.DateField(
        _("approved by the council on"), null=True, blank=True
    )
    care_appropriate = models.CharField(
        _("the care is appropriate for the young carer's age and circumstances"),
        max_length=10,
        choices=Appropriate.choices,
        blank=True,
    )
    care_appropriate_notes = models.TextField(_("more about this"), blank=True)
    childs_plan = models.CharField(
        _("the child's plan (reference)"), max_length=200, blank=True
    )
    shared_on = models.DateField(_("shared with the carer on"), null=True, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    objects = CarerPartQuerySet["CarerPlan"].as_manager()

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["state", "review_on"], name="carer_plan_review"),
            models.Index(fields=["carer", "state"], name="carer_plan_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["carer"],
                condition=~models.Q(state="agreed"),
                name="carer_plan_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} started {self.started_on:%d/%m/%Y}"

    @property
    def is_young(self) -> bool:
        return self.kind == self.Kind.YCS


class PlanPartQuerySet(CarerRecordQuerySet[_R]):
    person_path = "plan__carer__person"
    carer_path = "plan__carer"


class CarerOutcome(VersionedModel):
    """(e) One of the carer's own personal outcomes, in their words."""

    plan = models.ForeignKey(
        CarerPlan, on_delete=models.CASCADE, related_name="outcomes"
    )
    words = models.TextField(_("the outcome, in the carer's words"))
    objects = PlanPartQuerySet["CarerOutcome"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return shorten(self.words)


class BreakFromCaring(VersionedModel):
    """(k) A break from caring in the plan: what kind, how often, who provides it."""

    class Kind(models.TextChoices):
        REPLACEMENT = "replacement", _("Replacement care")
        SHORT_BREAK = "short_break", _("A short break away")
        DAY_ACTIVITY = "day_activity", _("A day or evening activity")
        CREATIVE = "creative", _("A creative break")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(CarerPlan, on_delete=models.CASCADE, related_name="breaks")
    kind = models.CharField(_("kind of break"), max_length=20, choices=Kind.choices)
    how_often = models.CharField(_("how often"), max_length=200)
    provided_by = models.CharField(_("who provides it"), max_length=200)
    notes = models.TextField(_("more about the break"), blank=True)
    objects = PlanPartQuerySet["BreakFromCaring"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class DomainImpact(VersionedModel):
    """(i) The impact of caring in one domain of the criteria the plan is judged by."""

    plan = models.ForeignKey(
        CarerPlan, on_delete=models.CASCADE, related_name="impacts"
    )
    domain = models.ForeignKey(
        EligibilityDomain, on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("impact"), max_length=12, choices=Impact.choices)
    notes = models.TextField(_("why"), blank=True)
    objects = PlanPartQuerySet["DomainImpact"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["domain__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "domain"], name="impact_once_per_domain"
            )
        ]

    def __str__(self) -> str:
        return f"{self.domain}: {self.get_level_display()}"

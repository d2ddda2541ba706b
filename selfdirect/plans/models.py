"""Support plans built from the agreed conversation's personal outcomes.

A plan says, for each outcome in the person's words, how everyone will know it is
achieved and by when, and which supports serve it; what happens if things go wrong
(contingency); what it all costs against the budget; and who agreed it, how and when.
Agreed plans are not changed: a change starts a new draft that replaces the plan
when it is agreed, so every version is kept.
"""

from decimal import Decimal
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.models import Conversation, PersonalOutcome
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.core.text import shorten
from selfdirect.directory.models import Service
from selfdirect.people.models import Person, PersonRecordQuerySet
from selfdirect.providers.models import Provider

from . import rules, smart

CONTINGENCY_FIELDS = (
    "if_support_cannot_come",
    "if_unwell",
    "out_of_hours",
    "other_contingency",
)


class SupportPlan(PublicIdModel, RecordedModel):
    """A person's support plan: answers a conversation, within a budget."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed")
        REPLACED = "replaced", _("Replaced by a later version")

    class AgreedHow(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        SIGNED_COPY = "signed_copy", _("Signed a copy")
        VIDEO = "video", _("By video call")
        IN_WRITING = "in_writing", _("In writing or by email")

    class AgreedByRole(models.TextChoices):
        PERSON = "person", _("The person")
        REPRESENTATIVE = "representative", _("Their representative")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="support_plans"
    )
    conversation = models.ForeignKey(
        Conversation, on_delete=models.PROTECT, related_name="support_plans"
    )
    budget = models.ForeignKey(
        IndicativeBudget,
        on_delete=models.PROTECT,
        related_name="support_plans",
        null=True,
        blank=True,
        verbose_name=_("budget"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    started_on = models.DateField(_("plan started on"))
    replaces = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("earlier version"),
    )
    # Contingency: what happens if things do not go as planned.
    if_support_cannot_come = models.TextField(
        _("if a personal assistant or carer cannot come"), blank=True
    )
    if_unwell = models.TextField(_("if the person becomes unwell"), blank=True)
    out_of_hours = models.TextField(_("out of hours and in an emergency"), blank=True)
    other_contingency = models.TextField(
        _("anything else that could go wrong"), blank=True
    )
    # Agreement.
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreed_by_role = models.CharField(
        _("who agreed"), max_length=20, choices=AgreedByRole.choices, blank=True
    )
    agreed_by = models.CharField(_("name of who agreed"), max_length=200, blank=True)
    agreed_how = models.CharField(
        _("how it was agreed"), max_length=20, choices=AgreedHow.choices, blank=True
    )
    review_on = models.DateField(_("first review by"), null=True, blank=True)
    objects = PersonRecordQuerySet["SupportPlan"].as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["person", "state"], name="plan_person_state"),
            models.Index(fields=["state", "review_on"], name="plan_review_due"),
        ]
        constraints = [
            # A person has at most one draft plan being worked on at a time.
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(state="draft"),
                name="plan_one_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"Support plan ({self.get_state_display()})"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def contingency(self) -> dict[str, str]:
        """The contingency answers given, by field name."""
        return {
            name: getattr(self, name)
            for name in CONTINGENCY_FIELDS
            if getattr(self, name).strip()
        }

    @property
    def has_contingency(self) -> bool:
        """Whether any contingency question is answered (rules.has_contingency)."""
        return rules.has_contingency(self.contingency.values())


_R = TypeVar("_R", bound=models.Model)


class PlanPartQuerySet(PersonRecordQuerySet[_R]):
    """A plan's outcomes and supports, seen through the plan's person."""

    person_path = "plan__person"


class PlanOutcome(VersionedModel):
    """One outcome in the plan: the person's words, how we will know, by when."""

    plan = models.ForeignKey(
        SupportPlan, on_delete=models.CASCADE, related_name="outcomes"
    )
    personal_outcome = models.ForeignKey(
        PersonalOutcome,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_outcomes",
        verbose_name=_("outcome from the conversation"),
    )
    words = models.TextField(_("the outcome, in the person's words"))
    how_we_will_know = models.TextField(
        _("how we will know it is achieved"), blank=True
    )
    target_date = models.DateField(_("by when"), null=True, blank=True)
    steps = models.TextField(_("steps towards it"), blank=True)
    achievable_agreed = models.BooleanField(
        _("the person agrees it is achievable and realistic"), null=True, blank=True
    )
    achievable_agreed_by = models.CharField(
        _("who said so"), max_length=200, blank=True
    )
    achievable_agreed_on = models.DateField(_("when"), null=True, blank=True)
    written_on = models.DateField(_("written on"))
    # The SMART check's result (smart.check_smart), kept on the row whenever the
    # outcome is written, so that reading every case file in the database need
    # not run the text rules again (assurance/setbased/later.py).
    smart_specific = models.BooleanField(_("specific"), default=False, editable=False)
    smart_measurable = models.BooleanField(
        _("measurable"), default=False, editable=False
    )
    smart_time_bound = models.BooleanField(
        _("time-bound"), default=False, editable=False
    )
    smart_achievable = models.BooleanField(
        _("achievable"), default=False, editable=False
    )
    objects = PlanPartQuerySet["PlanOutcome"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return shorten(self.words)

    def smart_check(self) -> smart.SmartCheck:
        """The SMART check of this outcome as it stands (smart.check_smart)."""
        return smart.check_smart(**self._smart_terms())

    def _smart_terms(self) -> dict[str, Any]:
        return {
            "words": self.words.strip(),
            "how_we_will_know": self.how_we_will_know.strip() or None,
            "target_date": self.target_date,
            "agreed_achievable": self.achievable_agreed,
            "written_on": self.written_on,
        }

    def set_smart_flags(self) -> dict[str, bool]:
        """Put the SMART check's four flags on the row (not saved): every write of
        an outcome calls this first, so the stored flags are the check's result.
        Returns them by field name."""
        values = smart.smart_flags(**self._smart_terms())
        flags = dict(zip(SMART_FLAGS, values, strict=True))
        for name, value in flags.items():
            setattr(self, name, value)
        return flags


SMART_FLAGS = (
    "smart_specific",
    "smart_measurable",
    "smart_time_bound",
    "smart_achievable",
)


class Support(VersionedModel):
    """One support in the plan: what, who provides it, how often, cost and option."""

    class ProvidedBy(models.TextChoices):
        SELF = "self", _("The person themself")
        FAMILY = "family", _("Family or friends")
        COMMUNITY = "community", _("A community resource")
        PERSONAL_ASSISTANT = "personal_assistant", _("A personal assistant")
        PROVIDER = "provider", _("A care provider")
        COUNCIL = "council", _("The council")

    class Option(models.IntegerChoices):
        DIRECT_PAYMENT = 1, _("Option 1: direct payment")
        PERSON_CHOOSES = 2, _("Option 2: the person chooses, the council arranges")
        COUNCIL_ARRANGES = 3, _("Option 3: the council chooses and arranges")

    plan = models.ForeignKey(
        SupportPlan, on_delete=models.CASCADE, related_name="supports"
    )
    what = models.CharField(_("what the support is"), max_length=300)
    provided_by = models.CharField(
        _("who provides it"), max_length=20, choices=ProvidedBy.choices
    )
    who = models.CharField(_("name of who provides it"), max_length=200, blank=True)
    provider = models.ForeignKey(
        Provider,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_supports",
        verbose_name=_("provider"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_supports",
        verbose_name=_("community resource from the directory"),
    )
    frequency = models.CharField(_("how often"), max_length=200, blank=True)
    hours_per_week = models.DecimalField(
        _("hours a week"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    yearly_cost = models.DecimalField(
        _("cost a year (£)"), max_digits=10, decimal_places=2, default=Decimal("0")
    )
    option = models.PositiveSmallIntegerField(
        _("SDS option"), choices=Option.choices, null=True, blank=True
    )
    outcomes = models.ManyToManyField(
        PlanOutcome,
        blank=True,
        related_name="supports",
        verbose_name=_("outcomes it serves"),
    )
    # A community resource in the plan is signposting: how it went is followed up.
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    used_it = models.BooleanField(_("the person used it"), null=True, blank=True)
    need_met = models.BooleanField(_("it met their need"), null=True, blank=True)
    objects = PlanPartQuerySet["Support"].as_manager()

    history = HistoricalRecords(m2m_fields=[outcomes])

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return shorten(self.what)

    @property
    def is_signposting(self) -> bool:
        """A community resource the person was pointed to, to be followed up."""
        return self.provided_by == self.ProvidedBy.COMMUNITY

    @property
    def who_label(self) -> str:
        """Who provides it, in words: the name given, the provider or the kind."""
        if self.provider_id:
            return str(self.provider)
        if self.service_id:
            return str(self.service)
        return self.who or str(self.get_provided_by_display())

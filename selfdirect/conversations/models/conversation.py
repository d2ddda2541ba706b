from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.models import Team
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.core.text import shorten
from selfdirect.people.models import FirstContact, Person, PersonRecordQuerySet

from .. import rules
from .config import EligibilityLevel, OutcomeDomain


class Conversation(PublicIdModel, RecordedModel):
    """A good conversation (assessment) about what matters to the person."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared with the person")
        AGREED = "agreed", _("Agreed")

    class AgreedHow(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        IN_WRITING = "in_writing", _("In writing")
        REPRESENTATIVE = "representative", _("Through their representative")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="conversations"
    )
    first_contact = models.ForeignKey(
        FirstContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversations",
        verbose_name=_("following the first contact"),
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    conversation_date = models.DateField(_("date of the conversation"))
    place = models.CharField(_("where it took place"), max_length=200)
    participants = models.JSONField(_("who took part"), default=list)
    participant_names = models.TextField(_("names and roles"), blank=True)
    participation_support = models.JSONField(
        _("support to take part"), default=list, blank=True
    )
    participation_notes = models.TextField(_("how they were supported"), blank=True)
    persons_account = models.TextField(_("the person's own account"), blank=True)
    good_day = models.TextField(_("what a good day looks like"), blank=True)
    who_helps_now = models.TextField(_("who helps now"), blank=True)
    carer_views = models.TextField(_("the unpaid carer's views"), blank=True)
    carer_offered_support_plan = models.BooleanField(
        _("carer offered an adult carer support plan"), null=True, blank=True
    )
    eligibility_level = models.ForeignKey(
        EligibilityLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("eligibility"),
    )
    eligibility_reason = models.TextField(
        _("reason for the eligibility level"), blank=True
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    shared_on = models.DateField(_("shared with the person on"), null=True, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreed_by = models.CharField(_("agreed by"), max_length=200, blank=True)
    agreed_how = models.CharField(
        _("how it was agreed"), max_length=20, choices=AgreedHow.choices, blank=True
    )
    objects = PersonRecordQuerySet["Conversation"].as_manager()

    class Meta:
        ordering = ["-conversation_date", "-id"]
        indexes = [
            models.Index(fields=["person", "-conversation_date"], name="conv_person"),
        ]

    def __str__(self) -> str:
        return f"Conversation on {self.conversation_date:%d/%m/%Y}"

    @property
    def participant_labels(self) -> list[str]:
        return rules.labels(rules.PARTICIPANTS, self.participants)

    @property
    def participation_support_labels(self) -> list[str]:
        return rules.labels(rules.PARTICIPATION_SUPPORT, self.participation_support)


_R = TypeVar("_R", bound=models.Model)


class ConversationPartQuerySet(PersonRecordQuerySet[_R]):
    """A conversation's outcomes, strengths, risks and corrections, seen through the
    conversation's person."""

    person_path = "conversation__person"


class PersonalOutcome(VersionedModel):
    """What matters to the person, in their own words."""

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        MEDIUM = 2, _("Medium")
        LOW = 3, _("Low")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="outcomes"
    )
    words = models.TextField(_("the outcome, in the person's words"))
    domains = models.ManyToManyField(
        OutcomeDomain, blank=True, related_name="+", verbose_name=_("outcome domains")
    )
    whats_working = models.TextField(_("what is working"), blank=True)
    whats_not_working = models.TextField(_("what is not working"), blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    wording_kind = models.CharField(
        _("wording check"),
        max_length=10,
        editable=False,
        help_text=_(
            "What the wording helper made of the words: outcome, service or deficit."
        ),
    )
    objects = ConversationPartQuerySet["PersonalOutcome"].as_manager()

    history = HistoricalRecords(m2m_fields=[domains])

    class Meta:
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        return shorten(self.words)


class Strength(VersionedModel):
    """A strength or asset the person can draw on."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        RELATIONSHIPS = "relationships", _("Family, friends and neighbours")
        COMMUNITY = "community", _("Community: groups, places, resources")
        TECHNOLOGY = "technology", _("Technology")

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="strengths"
    )
    kind = models.CharField(_("kind of strength"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("the strength"))
    helps_with = models.ManyToManyField(
        PersonalOutcome,
        blank=True,
        related_name="strengths",
        verbose_name=_("outcomes it helps with"),
    )
    objects = ConversationPartQuerySet["Strength"].as_manager()

    history = HistoricalRecords(m2m_fields=[helps_with])

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return shorten(self.description)


class RiskEnablement(VersionedModel):
    """A risk the person chooses to take, what they gain, and what was agreed."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="risks"
    )
    risk = models.TextField(_("the risk, in plain words"))
    gain = models.TextField(_("what the person gains by taking it"))
    persons_view = models.TextField(_("the person's view"))
    agreed_actions = models.TextField(_("what was agreed, and who does what"))
    agreed_by = models.CharField(_("who agreed"), max_length=300)
    review_on = models.DateField(_("review date"))
    objects = ConversationPartQuerySet["RiskEnablement"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["review_on", "id"]

    def __str__(self) -> str:
        return shorten(self.risk)


class PersonCorrection(RecordedModel):
    """The person's own words on their conversation record, kept beside ours."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="corrections"
    )
    about = models.CharField(_("which part"), max_length=200, blank=True)
    words = models.TextField(_("what the person says, in their own words"))
    added_on = models.DateField(_("added on"))
    objects = ConversationPartQuerySet["PersonCorrection"].as_manager()

    class Meta:
        ordering = ["added_on", "id"]

    def __str__(self) -> str:
        return shorten(self.words)

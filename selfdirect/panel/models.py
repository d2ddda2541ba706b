"""Resource panel: submissions, meetings (agendas) and decisions."""

import datetime
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Purpose
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.core.models import PublicIdModel, VersionedModel
from selfdirect.people.models import Person, PersonRecordQuerySet
from selfdirect.plans.models import SupportPlan


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CHANGES = "approved_with_changes", _("Approved with changes")
    DEFERRED = "deferred", _("Deferred for more information")
    DECLINED = "declined", _("Declined")


APPROVALS = (Outcome.APPROVED, Outcome.APPROVED_WITH_CHANGES)

# A submission that may be on the waiting list: waiting for the panel, deferred, or
# approved with no service start kept (whether delivery has started is asked of
# these alone). The partial index `submission_waiting` holds exactly these.
MAY_BE_WAITING = models.Q(state__in=["submitted", "listed", "deferred"]) | models.Q(
    state="decided",
    outcome__in=["approved", "approved_with_changes"],
    service_started_on__isnull=True,
)


def waiting_since() -> models.Case:
    """The day the wait began: submitted (or resubmitted) for the panel, else the
    decision's day (a deferral, or an approval whose service has not started)."""
    return models.Case(
        models.When(
            state__in=["submitted", "listed"],
            then=Coalesce("resubmitted_on", "submitted_on"),
        ),
        default=models.F("decided_on"),
        output_field=models.DateField(),
    )


class PanelMeeting(PublicIdModel, VersionedModel):
    """A meeting of the resource panel; its agenda is the submissions listed for it."""

    meets_on = models.DateField(_("date of the meeting"))
    place = models.CharField(_("where, or how to join"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meets_on", "-id"]
        indexes = [models.Index(fields=["meets_on"], name="meeting_date")]

    def __str__(self) -> str:
        return f"Resource panel, {self.meets_on:%d/%m/%Y}"


class SubmissionQuerySet(PersonRecordQuerySet["PanelSubmission"]):
    def visible_to(self, user: User, purpose: Purpose) -> Self:
        """Submissions of the people this user reaches for a purpose; the panel
        sees them only once submitted, never drafts."""
        submissions = super().visible_to(user, purpose)
        if purpose == Purpose.PANEL:
            return submissions.exclude(state="draft")
        return submissions


class PanelSubmission(PublicIdModel, VersionedModel):
    """A request to the resource panel for a person's plan and budget, with their
    own words and whether they (or a representative) were invited to contribute."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted, waiting to be listed")
        LISTED = "listed", _("On a panel agenda")
        DEFERRED = "deferred", _("Deferred: needs more information")
        DECIDED = "decided", _("Decided")

    class Contribution(models.TextChoices):
        ATTENDED = "attended", _("Invited, and came to the panel")
        REPRESENTATIVE_ATTENDED = (
            "representative_attended",
            _("Invited, and their representative came"),
        )
        WRITTEN = "written", _("Invited, and sent their views in writing")
        THROUGH_WORKER = "through_worker", _("Invited, and asked the worker to speak")
        DECLINED = "declined", _("Invited, and chose not to take part")
        NOT_INVITED = "not_invited", _("Not invited")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="panel_submissions"
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    support_plan = models.ForeignKey(
        SupportPlan,
        on_delete=models.PROTECT,
        related_name="panel_submissions",
        null=True,
        blank=True,
    )
    indicative_budget = models.ForeignKey(
        IndicativeBudget,
        on_delete=models.PROTECT,
        related_name="panel_submissions",
    )
    amount_requested = models.DecimalField(
        _("yearly amount asked for (£)"), max_digits=10, decimal_places=2
    )
    persons_words = models.TextField(_("what the person wants, in their own words"))
    contribution = models.CharField(
        _("whether the person was invited to contribute, and how they did"),
        max_length=30,
        choices=Contribution.choices,
    )
    contribution_notes = models.TextField(
        _("more about how they took part"), blank=True
    )
    assessed_on = models.DateField(_("date of the assessment (conversation)"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    submitted_on = models.DateField(_("first submitted on"), null=True, blank=True)
    resubmitted_on = models.DateField(_("last resubmitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    meeting = models.ForeignKey(
        PanelMeeting,
        on_delete=models.PROTECT,
        related_name="agenda",
        null=True,
        blank=True,
    )
    # The latest decision, kept here so the waiting list filters in one table.
    outcome = models.CharField(
        _("latest decision"), max_length=30, choices=Outcome.choices, blank=True
    )
    decided_on = models.DateField(_("latest decision on"), null=True, blank=True)
    service_started_on = models.DateField(
        _("service started on"), null=True, blank=True
    )

    history = HistoricalRecords()
    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_on", "-id"]
        indexes = [
            models.Index(fields=["state", "submitted_on"], name="submission_state"),
            models.Index(fields=["team", "state"], name="submission_team_state"),
            models.Index(fields=["outcome", "decided_on"], name="submission_outcome"),
            # The waiting list, longest wait first: read in this order, the first
            # page is found without sorting everyone who may be waiting.
            models.Index(
                waiting_since(),
                "id",
                name="submission_waiting",
                condition=MAY_BE_WAITING,
            ),
        ]

    def __str__(self) -> str:
        return f"Panel submission for £{self.amount_requested}"

    @property
    def approved(self) -> bool:
        return self.state == self.State.DECIDED and self.outcome in APPROVALS


class PanelDecision(PublicIdModel, VersionedModel):
    """What the panel decided on a submission, why, with what conditions, who was
    there, and when and how the person was told."""

    class ToldHow(models.TextChoices):
        LETTER = "letter", _("By letter")
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person")
        EMAIL = "email", _("By email")

    submission = models.ForeignKey(
        PanelSubmission, on_delete=models.CASCADE, related_name="decisions"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="panel_decisions"
    )
    meeting = models.ForeignKey(
        PanelMeeting,
        on_delete=models.PROTECT,
        related_name="decisions",
        null=True,
        blank=True,
    )
    outcome = models.CharField(_("decision"), max_length=30, choices=Outcome.choices)
    reasons = models.TextField(_("reasons, in plain words"))
    conditions = models.TextField(_("conditions"), blank=True)
    approved_amount = models.DecimalField(
        _("yearly amount approved (£)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    present = models.TextField(_("who was present"))
    told_on = models.DateField(_("the person was told on"), null=True, blank=True)
    told_how = models.CharField(
        _("how the person was told"), max_length=20, choices=ToldHow.choices, blank=True
    )
    objects = PersonRecordQuerySet["PanelDecision"].as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["submission", "-decided_on"], name="decision_sub")
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on {self.decided_on:%d/%m/%Y}"

    @property
    def considered_on(self) -> datetime.date:
        """The day the panel looked at the request: its meeting, if it met."""
        return self.meeting.meets_on if self.meeting else self.decided_on

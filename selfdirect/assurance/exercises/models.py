"""A reading exercise: the sample it drew, each reading of a sampled file, and the
answer to each criterion (the automatic reader's, and the one a person confirmed)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.access import reach
from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Purpose, Reach
from selfdirect.core.models import PublicIdModel, RecordedModel, VersionedModel
from selfdirect.people.models import (
    Allocation,
    Person,
    PersonRecordQuerySet,
    ServiceGroup,
)

# The inspection's sample (seed 003): 60 people with an assessment or agreed
# conversation in the last 12 months, and 20 signposted at first contact with no
# formal assessment.
DEFAULT_ASSESSED = 60
DEFAULT_SIGNPOSTED = 20
DEFAULT_MONTHS = 12


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class ReadingExercise(PublicIdModel, RecordedModel):
    """A case file reading exercise, as the inspectors do it: a stratified random
    sample drawn from a recorded population definition and seed (so the same seed
    and definition give the same sample), each file read automatically against a
    versioned criteria set and then confirmed by people. `recorded_by` and
    `created_at` say who set it up and when."""

    class Status(models.TextChoices):
        DRAWING = "drawing", _("Drawing the sample")
        READING = "reading", _("Reading")
        COMPLETE = "complete", _("Complete")

    name = models.CharField(_("name"), max_length=200)
    criteria_version = models.CharField(
        _("criteria set version"), max_length=20, default="1"
    )
    # The population definition, kept as drawn: the day the sample describes,
    # the window for an assessment, and what each group means (sampling.py).
    as_of = models.DateField(_("files read as of"))
    months = models.PositiveSmallIntegerField(
        _("assessment in the last (months)"), default=DEFAULT_MONTHS
    )
    population = models.JSONField(_("population definition"), default=dict)
    assessed_size = models.PositiveSmallIntegerField(
        _("people with an assessment"), default=DEFAULT_ASSESSED
    )
    signposted_size = models.PositiveSmallIntegerField(
        _("people signposted with no formal assessment"), default=DEFAULT_SIGNPOSTED
    )
    seed = models.BigIntegerField(_("random seed"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAWING
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def created_by(self) -> User:
        return self.recorded_by


class SampledFileQuerySet(PersonRecordQuerySet["SampledFile"]):
    pass


class SampledFile(VersionedModel):
    """One person's case file drawn into an exercise's sample, with the stratum it
    was drawn from and the team and service group the person had when drawn."""

    class Group(models.TextChoices):
        ASSESSED = "assessed", _("Had an assessment")
        SIGNPOSTED = "signposted", _("Signposted, no formal assessment")

    exercise = models.ForeignKey(
        ReadingExercise, on_delete=models.CASCADE, related_name="files"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="sampled_files"
    )
    group = models.CharField(_("group"), max_length=12, choices=Group.choices)
    # "<group>/<team name>/<service group code>": the cell the file was drawn from.
    stratum = models.CharField(_("stratum"), max_length=120)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    service_group = models.ForeignKey(
        ServiceGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    order = models.PositiveIntegerField(_("order in the sample"))
    second_reading = models.BooleanField(_("chosen for a second reader"), default=False)

    history = HistoricalRecords()
    objects = SampledFileQuerySet.as_manager()

    class Meta:
        ordering = ["exercise", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "person"], name="sampled_once_per_exercise"
            ),
            models.UniqueConstraint(
                fields=["exercise", "order"], name="sampled_file_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exercise}: {self.person}"


class FileReadingQuerySet(PersonRecordQuerySet["FileReading"]):
    person_path = "sampled_file__person"

    def visible_to(self, user: User, purpose: Purpose) -> FileReadingQuerySet:
        """For file reading: every reading for quality leads and inspectors; for a
        practitioner reading for peer audit, the readings given to them, never of
        a person their teams hold now or held when the file was drawn."""
        if purpose != Purpose.FILE_READING:
            return super().visible_to(user, purpose)
        match reach(user, purpose):
            case Reach.EVERYONE:
                return self.all()
            case Reach.ASSIGNED_READINGS:
                return self.given_to(user)
        return self.none()

    def given_to(self, user: User) -> FileReadingQuerySet:
        """The readings given to this user, of people outside their teams."""
        teams = user.team_ids()
        own_team = Exists(
            Allocation.objects.current().filter(
                person=OuterRef("sampled_file__person"), team_id__in=teams
            )
        )
        return (
            self.filter(reader=user)
            .exclude(sampled_file__team_id__in=teams)
            .exclude(own_team)
        )


class FileReading(PublicIdModel, RecordedModel):
    """One person's reading of a sampled file: the first reading, or a second
    reading of the same file by someone else to measure agreement. `version`
    guards against two readers saving the same reading."""

    class Position(models.TextChoices):
        FIRST = "first", _("First reader")
        SECOND = "second", _("Second reader")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETE = "complete", _("Read")

    sampled_file = models.ForeignKey(
        SampledFile, on_delete=models.CASCADE, related_name="readings"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reader"),
    )
    position = models.CharField(
        _("reader"), max_length=6, choices=Position.choices, default=Position.FIRST
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NOT_STARTED,
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = FileReadingQuerySet.as_manager()

    class Meta:
        ordering = ["sampled_file__order", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["sampled_file", "position"], name="one_reading_per_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sampled_file} ({self.get_position_display()})"


class CriterionAnswerQuerySet(PersonRecordQuerySet["CriterionAnswer"]):
    person_path = "reading__sampled_file__person"


class CriterionAnswer(VersionedModel):
    """One criterion of one reading: what the automatic reader answered (with the
    evidence that decided it and one sentence of reasoning), and what the person
    reading confirmed. Overriding the automatic answer needs a note saying why."""

    reading = models.ForeignKey(
        FileReading, on_delete=models.CASCADE, related_name="answers"
    )
    criterion = models.CharField(_("criterion"), max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    automatic_answer = models.CharField(
        _("automatic answer"), max_length=16, choices=Answer.choices
    )
    evidence = models.JSONField(_("evidence"), default=list, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    confirmed_answer = models.CharField(
        _("answer"), max_length=16, choices=Answer.choices, blank=True
    )
    overridden = models.BooleanField(_("overridden"), default=False)
    note = models.TextField(_("why the answer was changed"), blank=True)

    history = HistoricalRecords()
    objects = CriterionAnswerQuerySet.as_manager()

    class Meta:
        ordering = ["reading", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["reading", "criterion"], name="one_answer_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(overridden=False) | ~Q(note=""),
                name="override_has_a_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reading}: {self.criterion}"

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class VersionedModel(models.Model):
    """A record edited by people: carries a version for the no-lost-update check."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class RecordedModel(VersionedModel):
    """A versioned record a member of staff recorded, with its full change history."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class PublicIdModel(models.Model):
    """A record reached by URL: a random identifier, so URLs cannot be guessed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class Submission(models.Model):
    """A create form that was sent, by its one-time token: sending the same form
    again is answered with the first result instead of making a second record."""

    token = models.UUIDField(unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    result_url = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.token} → {self.result_url}"


def private_storage() -> "FileSystemStorage":
    """Files made for one user (exports): kept outside the static and media roots,
    never served by URL, only through a view that checks who is asking."""
    return FileSystemStorage(location=settings.PRIVATE_FILES_ROOT, base_url=None)


class Job(models.Model):
    """Work run by the background worker (core.jobs): what it is, who asked, how
    far it has got, and the files it made."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=60)
    # What the job is about, e.g. a person's public id: a reference, not a link,
    # so a job is not a record about a person (its files are, and expire).
    subject = models.CharField(max_length=100, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    percent = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    error = models.CharField(max_length=500, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"], name="job_expires_at")]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}


class JobFile(models.Model):
    """A file a job made, kept in private storage until the job expires."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    label = models.CharField(max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    file = models.FileField(storage=private_storage, max_length=300)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename

    @property
    def kind(self) -> str:
        """The file's type as people name it: PDF, CSV, JSON."""
        return self.filename.rsplit(".", 1)[-1].upper()

    @property
    def size_label(self) -> str:
        """The size as people read it: 84 KB, 1.2 MB."""
        if self.size < 1000 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{self.size / (1024 * 1024):.1f} MB"


class SummarySnapshot(models.Model):
    """A report's figures kept by the background worker (core.summaries): one row
    per summary and set of parameters. Aggregates only, never one person's data."""

    key = models.CharField(max_length=60)
    params = models.CharField(max_length=300, blank=True)
    data = models.JSONField(null=True, blank=True)
    # When the computation began: writes after it make the figures stale.
    computed_at = models.DateTimeField(null=True, blank=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Set when a record the summary counts is saved or deleted after computed_at.
    stale_since = models.DateTimeField(null=True, blank=True)
    job = models.ForeignKey(
        Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "params"], name="summary_one_per_key_and_params"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.params}"

import uuid

from django.conf import settings
from django.db import models
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

import uuid

from django.db import models


class VersionedModel(models.Model):
    """A record edited by people: carries a version for the no-lost-update check."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(models.Model):
    """A record reached by URL: a random identifier, so URLs cannot be guessed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True

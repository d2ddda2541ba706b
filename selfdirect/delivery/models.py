"""Option delivery records and the providers register.

ANCHOR (session 2 scaffolding): Provider exists so support plans can point at it;
the delivery work fills in the rest.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import PublicIdModel, VersionedModel


class Provider(PublicIdModel, VersionedModel):
    """A provider of care and support on the partnership's register."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority (in-house)")
        PRIVATE = "private", _("Private")
        VOLUNTARY = "voluntary", _("Voluntary")
        PERSONAL_ASSISTANT = "personal_assistant", _("Personal assistant")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

"""Indicative budgets and the versioned methods that work them out.

ANCHOR (session 2 scaffolding): IndicativeBudget exists so support plans and panel
submissions can point at it; the budgets work fills in the rest.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import PublicIdModel, VersionedModel
from selfdirect.people.models import Person


class IndicativeBudget(PublicIdModel, VersionedModel):
    """An indicative budget for a person, from a named version of a method."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="indicative_budgets"
    )
    worked_out_on = models.DateField(_("date worked out"))
    amount = models.DecimalField(
        _("yearly amount (£)"), max_digits=10, decimal_places=2, default=Decimal("0")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-worked_out_on", "-id"]

    def __str__(self) -> str:
        return f"Indicative budget of £{self.amount} ({self.worked_out_on:%d/%m/%Y})"

"""Support plans built from the agreed conversation's personal outcomes.

ANCHOR (session 2 scaffolding): SupportPlan exists so panel submissions can point at
it; the plans work fills in the rest.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.models import Conversation
from selfdirect.core.models import PublicIdModel, VersionedModel
from selfdirect.people.models import Person


class SupportPlan(PublicIdModel, VersionedModel):
    """A person's support plan: answers a conversation, within a budget."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AGREED = "agreed", _("Agreed")

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
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Support plan ({self.get_state_display()})"

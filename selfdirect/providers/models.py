"""The providers register: organisations and self-employed personal assistants who
provide care and support, with their contract type and the localities they serve.

Support plans, delivery records and commissioning all name providers from it. It
holds no one's personal data.

The register began inside the delivery app; its tables keep the names they had
there (`delivery_provider` and the rest), so moving it moved no data.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.accounts.models import Locality
from selfdirect.core.models import PublicIdModel, VersionedModel


class RegisterHistory(HistoricalRecords):
    """Row history whose localities table also keeps its name from the delivery app
    (simple_history has a `table_name` for the history table, none for its m2m)."""

    def get_meta_options_m2m(self, through_model: Any) -> dict[str, Any]:
        options: dict[str, Any] = super().get_meta_options_m2m(through_model)
        return options | {"db_table": "delivery_historicalprovider_localities"}


class Provider(PublicIdModel, VersionedModel):
    """A provider of care and support on the partnership's register."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority (in-house)")
        PRIVATE = "private", _("Private")
        VOLUNTARY = "voluntary", _("Voluntary")
        PERSONAL_ASSISTANT = "personal_assistant", _("Personal assistant")

    class ContractType(models.TextChoices):
        BLOCK = "block", _("Block contract")
        SPOT = "spot", _("Spot purchase")
        FRAMEWORK = "framework", _("Framework agreement")
        NONE = "none", _("No contract (in-house or employed directly)")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    contract_type = models.CharField(
        _("contract type"),
        max_length=20,
        choices=ContractType.choices,
        default=ContractType.SPOT,
    )
    localities = models.ManyToManyField(
        Locality,
        blank=True,
        related_name="providers",
        verbose_name=_("localities served"),
        db_table="delivery_provider_localities",
    )
    active = models.BooleanField(_("on the register (active)"), default=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    care_inspectorate_number = models.CharField(
        _("Care Inspectorate registration number"), max_length=40, blank=True
    )

    history = RegisterHistory(
        m2m_fields=[localities], table_name="delivery_historicalprovider"
    )

    class Meta:
        db_table = "delivery_provider"
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "contract_type"], name="provider_kind"),
            models.Index(fields=["contract_type"], name="provider_contract"),
        ]

    def __str__(self) -> str:
        return self.name

"""What insights keeps itself: the year's total adult social care spend, entered by
finance (the system does not hold all spend, so the share on options 1 and 2 needs
the total from the ledger)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from selfdirect.core.models import RecordedModel


class AdultSocialCareSpend(RecordedModel):
    """Total spend on adult social care for one financial year, from the ledger."""

    financial_year = models.PositiveSmallIntegerField(
        _("financial year starting in"),
        unique=True,
        validators=[MinValueValidator(2000)],
        help_text=_("The calendar year the financial year starts in: 2025 for 2025-26"),
    )
    total = models.DecimalField(
        _("total adult social care spend (£)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(1)],
    )
    adults_only_total = models.DecimalField(
        _("of which on adults aged 18 or over (£)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For LGBF SW2; leave blank if the ledger does not split it"),
    )
    source = models.CharField(_("where the figure comes from"), max_length=300)

    class Meta:
        ordering = ["-financial_year"]

    def __str__(self) -> str:
        return f"{self.financial_year}-{(self.financial_year + 1) % 100:02d}"

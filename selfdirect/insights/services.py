"""Actions in insights: finance records the year's total adult social care spend."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Capability
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new_or_refuse, update_versioned

from .models import AdultSocialCareSpend


@dataclass(frozen=True)
class SpendDetails:
    financial_year: int
    total: Decimal
    source: str
    adults_only_total: Decimal | None = None


def _check(details: SpendDetails) -> None:
    this_year = timezone.localdate().year
    if not 2000 <= details.financial_year <= this_year + 1:
        raise ValidationError(_("Enter a financial year from 2000 to next year."))
    if details.total <= 0:
        raise ValidationError(_("The total spend must be more than £0."))
    if details.adults_only_total is not None and not (
        0 <= details.adults_only_total <= details.total
    ):
        raise ValidationError(
            _("The spend on adults must be between £0 and the total spend.")
        )


@transaction.atomic
def record_spend(*, details: SpendDetails, by: User) -> AdultSocialCareSpend:
    """Record a year's total (one per year; change it with `change_spend`)."""
    if not by.can(Capability.RECORD_FINANCE):
        raise ValidationError(_("Only finance officers record spend."))
    _check(details)
    row = save_new_or_refuse(
        AdultSocialCareSpend(recorded_by=by, **details.__dict__),
        by,
        refusal=_("That year's spend is already recorded: change it instead."),
    )
    record_event(
        actor=by,
        action="insights.spend_recorded",
        person_id=None,
        year=row.financial_year,
        total=str(row.total),
    )
    return row


@transaction.atomic
def change_spend(
    *, row: AdultSocialCareSpend, version: int, details: SpendDetails, by: User
) -> AdultSocialCareSpend:
    """Correct a year's total: version-checked, history kept, audited."""
    if not by.can(Capability.RECORD_FINANCE):
        raise ValidationError(_("Only finance officers record spend."))
    _check(details)
    if details.financial_year != row.financial_year:
        raise ValidationError(_("The year of a recorded total cannot change."))
    update_versioned(
        row,
        by=by,
        version=version,
        details={
            "total": details.total,
            "adults_only_total": details.adults_only_total,
            "source": details.source,
        },
    )
    record_event(
        actor=by,
        action="insights.spend_changed",
        person_id=None,
        year=row.financial_year,
        total=str(row.total),
    )
    return row

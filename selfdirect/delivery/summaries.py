"""Finance's spend by option kept as a summary table (core.summaries).

The figures depend on whose records the reader reaches: only the partnership-wide
reach (`Reach.EVERYONE_CURRENT`, finance officers) is kept, worked out as the
finance officer who asked; anyone else's page is worked out live, over their own
records. Spend is "committed today", so a summary is kept per day.
"""

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.access import reach
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Purpose, Reach
from selfdirect.core.jobs import Progress
from selfdirect.core.summaries import Summary, register

from . import selectors

KEPT_REACH = Reach.EVERYONE_CURRENT
NOT_RECORDED = ""  # in the kept data; the page shows it in the reader's language


def params_for(user: User, on: datetime.date) -> dict[str, str] | None:
    """The summary's parameters for this reader today, or None when their figures
    are not kept (their reach is not the whole partnership)."""
    if reach(user, Purpose.FINANCE) != KEPT_REACH:
        return None
    return {"reach": str(KEPT_REACH.value), "on": on.isoformat()}


def compute_spend(params: Mapping[str, str], progress: Progress) -> dict[str, Any]:
    """Spend by option, locality and service group as JSON-able data, worked out as
    the user who asked (whose reach the parameters name)."""
    user = User.objects.get(pk=progress.job.requested_by_id)
    if params_for(user, datetime.date.fromisoformat(params["on"])) != params:
        raise PermissionError("The summary's reach is not the requester's")
    progress.update(10, str(_("Adding up spend by option")))
    return to_data(
        selectors.spend(user, datetime.date.fromisoformat(params["on"]), NOT_RECORDED)
    )


def to_data(spend: selectors.Spend) -> dict[str, Any]:
    def money(amount: Decimal) -> str:
        return str(amount)

    return {
        "by_option": {str(k): money(v) for k, v in spend.by_option.items()},
        "total": money(spend.total),
        "paid": money(spend.paid),
        "self_directed_share": (
            None
            if spend.self_directed_share is None
            else str(spend.self_directed_share)
        ),
        "rows": {
            name: [
                {
                    "label": row.label,
                    "by_option": {str(k): money(v) for k, v in row.by_option.items()},
                    "paid": money(row.paid),
                }
                for row in rows
            ]
            for name, rows in spend.rows.items()
        },
        "financial_year_from": spend.financial_year_from.isoformat(),
    }


def from_data(data: Mapping[str, Any], not_recorded: str) -> selectors.Spend:
    """The page's `Spend` back from kept data, "not recorded" in the reader's words."""

    def options(values: Mapping[str, str]) -> dict[int, Decimal]:
        return {int(k): Decimal(v) for k, v in values.items()}

    return selectors.Spend(
        by_option=options(data["by_option"]),
        total=Decimal(data["total"]),
        paid=Decimal(data["paid"]),
        self_directed_share=(
            None
            if data["self_directed_share"] is None
            else Decimal(data["self_directed_share"])
        ),
        rows={
            name: [
                selectors.SpendRow(
                    label=row["label"] or not_recorded,
                    by_option=options(row["by_option"]),
                    paid=Decimal(row["paid"]),
                )
                for row in rows
            ]
            for name, rows in data["rows"].items()
        },
        financial_year_from=datetime.date.fromisoformat(data["financial_year_from"]),
    )


def _allowed(user: User, params: Mapping[str, str]) -> bool:
    """The user still reaches the partnership's spend the summary was kept for."""
    return params_for(user, datetime.date.fromisoformat(params["on"])) == dict(params)


def _today(params: Mapping[str, str]) -> bool:
    """Only today's figures are worth refreshing: a page reads today's."""
    return params.get("on") == timezone.localdate().isoformat()


SPEND = register(
    Summary(
        key="delivery.spend",
        title=_("Spend on support"),
        compute=compute_spend,
        allowed=_allowed,
        worth_refreshing=_today,
        sources=(
            "delivery.DirectPaymentAgreement",
            "delivery.IndividualServiceFund",
            "delivery.ArrangedService",
            "delivery.Payment",
            "people.Person",
            "accounts.Locality",
            "people.ServiceGroup",
        ),
    )
)

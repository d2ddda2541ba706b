"""What the plan services take: one frozen shape per use case, built by the forms."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from selfdirect.directory.models import Service
from selfdirect.providers.models import Provider


@dataclass(frozen=True)
class PlanOutcomeDetails:
    """An outcome in the plan: the person's words, and what makes it SMART."""

    words: str
    how_we_will_know: str
    target_date: datetime.date | None
    steps: str
    achievable_agreed: bool | None
    achievable_agreed_by: str
    achievable_agreed_on: datetime.date | None


@dataclass(frozen=True)
class SupportDetails:
    """A support in the plan: what it is, who provides it, how often and its cost."""

    what: str
    provided_by: str
    who: str
    provider: Provider | None
    service: Service | None
    frequency: str
    hours_per_week: Decimal | None
    yearly_cost: Decimal
    option: int | None


@dataclass(frozen=True)
class ContingencyDetails:
    """What happens if things do not go as planned."""

    if_support_cannot_come: str
    if_unwell: str
    out_of_hours: str
    other_contingency: str

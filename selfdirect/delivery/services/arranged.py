"""Option 2 individual service funds and Option 3 services the council arranges."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, update_versioned
from selfdirect.core.details import field_values
from selfdirect.people.models import Person
from selfdirect.providers.models import Provider

from ..models import ArrangedService, IndividualServiceFund


@dataclass(frozen=True)
class ServiceFundDetails:
    """An Option 2 fund: the provider holding it, how much, and what the person
    directs."""

    provider: Provider
    yearly_amount: Decimal
    person_directs: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None


@dataclass(frozen=True)
class ArrangedServiceDetails:
    """An Option 3 service: how it is arranged, by whom, how much and its cost."""

    arrangement: str
    provider: Provider | None
    description: str
    quantity: Decimal
    unit: str
    yearly_cost: Decimal
    starts_on: datetime.date
    ends_on: datetime.date | None = None


def _dates(details: ServiceFundDetails | ArrangedServiceDetails) -> None:
    ends_on = details.ends_on
    if ends_on is not None and ends_on < details.starts_on:
        raise ValidationError(
            {"ends_on": _("The end date must be on or after the start date")}
        )


def _provider_named(details: ArrangedServiceDetails) -> None:
    """A block or spot purchase names its provider; in-house needs none."""
    if details.arrangement != "in_house" and details.provider is None:
        raise ValidationError(
            {"provider": _("Choose the provider for a block or spot purchase")}
        )


@transaction.atomic
def set_up_service_fund(
    *, person: Person, by: User, details: ServiceFundDetails
) -> IndividualServiceFund:
    """Set up an Option 2 individual service fund with the chosen provider."""
    _dates(details)
    fund: IndividualServiceFund = save_new(
        IndividualServiceFund(person=person, recorded_by=by, **field_values(details)),
        by,
    )
    record_event(
        actor=by,
        action="service_fund.set_up",
        person_id=person.pk,
        yearly_amount=str(fund.yearly_amount),
    )
    return fund


@transaction.atomic
def change_service_fund(
    *, fund: IndividualServiceFund, by: User, version: int, details: ServiceFundDetails
) -> IndividualServiceFund:
    """Change an individual service fund (version checked)."""
    _dates(details)
    update_versioned(fund, by=by, version=version, details=field_values(details))
    record_event(
        actor=by,
        action="service_fund.changed",
        person_id=fund.person_id,
        yearly_amount=str(fund.yearly_amount),
    )
    return fund


@transaction.atomic
def arrange_service(
    *, person: Person, by: User, details: ArrangedServiceDetails
) -> ArrangedService:
    """Record an Option 3 service the council arranges. A block or spot purchase
    names its provider."""
    _dates(details)
    _provider_named(details)
    service: ArrangedService = save_new(
        ArrangedService(person=person, recorded_by=by, **field_values(details)), by
    )
    record_event(
        actor=by,
        action="arranged_service.set_up",
        person_id=person.pk,
        yearly_cost=str(service.yearly_cost),
    )
    return service


@transaction.atomic
def change_arranged_service(
    *, service: ArrangedService, by: User, version: int, details: ArrangedServiceDetails
) -> ArrangedService:
    """Change an arranged service (version checked)."""
    _dates(details)
    _provider_named(details)
    update_versioned(service, by=by, version=version, details=field_values(details))
    record_event(
        actor=by,
        action="arranged_service.changed",
        person_id=service.person_id,
        yearly_cost=str(service.yearly_cost),
    )
    return service

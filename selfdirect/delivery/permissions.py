"""Who may reach a person's delivery and finance records (`Purpose.FINANCE`).

- Finance officers (SEE_FINANCE, partnership-wide): every person in the partnership,
  but only through these pages: they hold no VIEW_PEOPLE, so the person page and the
  conversation pages stay closed (403) to them.
- Team managers, quality leads and inspectors (SEE_FINANCE too): the people they
  may already see in practice, so finance adds no one to what they see.
- Anyone who may see people's records (VIEW_PEOPLE: practitioners for their teams;
  inspectors, quality leads and data protection officers partnership-wide) may read
  them, as part of the person's record.
- Team-scoped practitioners (PLAN_SUPPORT) set up agreements, funds and arranged
  services for their own teams' people (`Action.CHANGE`).
- Payments, monitoring returns and surplus recovery need RECORD_FINANCE
  (`Action.RECORD_FINANCE`).

The rules are `REACH` and `NEEDS` in `accounts/roles.py`; a person outside what the
user may see answers 404, exactly like a missing one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, TypeVar

from django.db import models

from selfdirect.accounts.roles import Action, Purpose
from selfdirect.people.access import access_person, record_of

from .models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
    MonitoringReturn,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User
    from selfdirect.people.models import Person, PersonRecordQuerySet

R = TypeVar("R", bound=models.Model)


def access_person_finance(
    user: User,
    person_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> Person:
    """Fetch a person for their delivery pages: 403 for a role with no business,
    404 for a person out of reach; the read is written to the access log."""
    return access_person(
        user, person_id, purpose=Purpose.FINANCE, action=action, page=page
    )


def access_finance_record(
    user: User,
    person_id: uuid.UUID | str,
    records: PersonRecordQuerySet[R],
    record_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> tuple[Person, R]:
    """Fetch one of a person's delivery records (from `records`) through the
    person's check, with the person."""
    person = access_person_finance(user, person_id, action=action, page=page)
    return person, record_of(person, records, record_id)


def access_agreement(
    user: User,
    person_id: uuid.UUID | str,
    agreement_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> tuple[Person, DirectPaymentAgreement]:
    """Fetch a person's direct payment agreement, with the person."""
    records = DirectPaymentAgreement.objects.all()
    return access_finance_record(
        user, person_id, records, agreement_id, action=action, page=page
    )


def access_monitoring_return(
    user: User,
    person_id: uuid.UUID | str,
    return_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> tuple[Person, MonitoringReturn]:
    """Fetch a monitoring return of any of a person's agreements, with the person."""
    records = MonitoringReturn.objects.select_related("agreement")
    return access_finance_record(
        user, person_id, records, return_id, action=action, page=page
    )


def access_service_fund(
    user: User,
    person_id: uuid.UUID | str,
    fund_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> tuple[Person, IndividualServiceFund]:
    """Fetch a person's individual service fund, with the person."""
    records = IndividualServiceFund.objects.all()
    return access_finance_record(
        user, person_id, records, fund_id, action=action, page=page
    )


def access_arranged_service(
    user: User,
    person_id: uuid.UUID | str,
    service_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> tuple[Person, ArrangedService]:
    """Fetch a service the council arranges for a person, with the person."""
    records = ArrangedService.objects.all()
    return access_finance_record(
        user, person_id, records, service_id, action=action, page=page
    )

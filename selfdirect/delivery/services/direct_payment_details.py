"""What the direct payment services take: one frozen shape per use case."""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class DirectPaymentDetails:
    """An Option 1 agreement's terms: how much, how often, what it is for, who is
    paid and how often it is monitored."""

    starts_on: datetime.date
    amount: Decimal
    frequency: str
    spend_on: list[str]
    responsibilities: list[str]
    monitoring_every_months: int
    spend_notes: str = ""
    payee_requested_by_person: bool = False
    payee_name: str = ""
    payee_relationship: str = ""


@dataclass(frozen=True)
class DirectPaymentEnding:
    """When and why a direct payment ended, and any notice the council gave."""

    ended_on: datetime.date
    end_ground: str
    notice_given_on: datetime.date | None = None
    notice_days: int | None = None
    end_notes: str = ""


@dataclass(frozen=True)
class PaymentDetails:
    """A payment made under an agreement, and the period it covers."""

    paid_on: datetime.date
    amount: Decimal
    period_from: datetime.date
    period_to: datetime.date


@dataclass(frozen=True)
class MonitoringReturnDetails:
    """A monitoring return as received: evidence, balance held and any surplus
    (worked out from the balance when not given)."""

    received_on: datetime.date
    evidence: list[str]
    balance_held: Decimal
    surplus: Decimal | None = None
    notes: str = ""


@dataclass(frozen=True)
class SurplusDetails:
    """Whether a surplus is recovered or kept, and any recovery made."""

    surplus_decision: str
    recovered_amount: Decimal | None = None
    recovered_on: datetime.date | None = None


@dataclass(frozen=True)
class PaEmploymentDetails:
    """The personal assistants a person employs, and who helps with payroll and
    insurance."""

    starts_on: datetime.date
    number_of_pas: int
    payroll_support: str = ""
    insurance_provider: str = ""

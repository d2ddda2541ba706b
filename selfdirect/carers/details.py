"""What the carers services take: one frozen shape per use case, built by forms."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class CarerDetails:
    """A new carer's own details, where they are not yet a person in Selfdirect."""

    first_name: str
    last_name: str
    date_of_birth: datetime.date


@dataclass(frozen=True)
class IdentifyDetails:
    """How and when a carer was identified."""

    identified_on: datetime.date
    still_at_school: bool
    cared_for_terminally_ill: bool


@dataclass(frozen=True)
class OfferDetails:
    """The offer of a plan or statement, or the carer's request, and the answer."""

    offered_on: datetime.date
    how: str
    offered_by: str
    answer: str
    answered_on: datetime.date | None


@dataclass(frozen=True)
class BreakDetails:
    """A break from caring."""

    kind: str
    how_often: str
    provided_by: str
    notes: str


@dataclass(frozen=True)
class SharingDetails:
    """What the carer agreed to share with the cared-for person's worker."""

    shared_summary: str
    share_whole_plan: bool
    consent_recorded_on: datetime.date | None


@dataclass(frozen=True)
class DischargeDetails:
    """A hospital discharge notice naming the carer (s28)."""

    hospital: str
    notice_on: datetime.date
    expected_discharge_on: datetime.date | None
    carer_told_on: datetime.date | None
    views_invited_on: datetime.date | None
    carers_views: str


@dataclass(frozen=True)
class SupportDetails:
    """(i) One element of support for eligible needs and the option chosen."""

    what: str
    option: int
    yearly_amount: Decimal | None
    chosen_by: str
    chosen_by_name: str
    chosen_on: datetime.date


@dataclass(frozen=True)
class SignpostingDetails:
    """(j) Signposting for another need: a directory service or a named one."""

    service: Any
    support_name: str
    signposted_on: datetime.date
    follow_up_due: datetime.date


@dataclass(frozen=True)
class FollowUpDetails:
    """What came of signposting, as at a first contact's follow-up."""

    followed_up_on: datetime.date
    result: str
    used_it: bool | None
    notes: str


@dataclass(frozen=True)
class ReviewDetails:
    """Who took part in a carer's review, and the carer's own account."""

    held_on: datetime.date | None
    participant_names: str
    carers_account: str
    caring_changes: str

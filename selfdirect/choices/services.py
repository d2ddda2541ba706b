"""Practitioner actions on information, independent support and choices."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.core.concurrency import update_versioned
from selfdirect.core.details import field_values
from selfdirect.people.models import Person

from . import rules
from .models import (
    AmountStated,
    DirectPaymentCheck,
    ElementChoice,
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)


@dataclass(frozen=True)
class IndependentSupportDetails:
    """Independent support or advocacy offered, what the person said, and any
    referral made."""

    kind: str
    offered_on: datetime.date
    response: str
    organisation: str = ""
    referred_on: datetime.date | None = None
    provider: Any = None  # a directory.Organization flagged as a provider, or None


@dataclass(frozen=True)
class ReferralProgress:
    """Where a referral to independent support is now, and the feedback."""

    status: str
    feedback: str = ""


@dataclass(frozen=True)
class ChoiceDetails:
    """When a choice of options was made, by whom, and their reasons."""

    made_on: datetime.date
    decided_by: str
    representative_name: str = ""
    representative_authority: str = ""
    reasons: str = ""


@dataclass(frozen=True)
class DirectPaymentCheckDetails:
    """The Option 1 checks (payee, family member, means test) and the decision."""

    checked_on: datetime.date
    decision: str
    payment_starts_on: datetime.date | None = None
    means_test_on: datetime.date | None = None
    third_party_payee: str = ""
    payee_at_persons_request: bool = False
    family_member_employed: bool = False
    family_member: str = ""
    undue_pressure: bool = False
    family_member_has_powers: bool = False
    family_conditions: list[str] = field(default_factory=list)
    refusal_reasons: str = ""
    review_on: datetime.date | None = None


def _save_new(row: Any, by: User) -> Any:
    row._history_user = by
    row.save()
    return row


@transaction.atomic
def record_information_given(
    *,
    person: Person,
    by: User,
    given_on: datetime.date,
    options_explained: list[str],
    formats: list[str],
    language: str,
    who_else_can_help: str,
    amounts: dict[int, tuple[Decimal, str]],
) -> InformationGiven:
    """Record the information given on the options, with the amount stated for each."""
    if not options_explained:
        raise ValidationError(
            {"options_explained": _("Choose the options you explained.")}
        )
    information: InformationGiven = _save_new(
        InformationGiven(
            person=person,
            given_by=by,
            given_on=given_on,
            options_explained=options_explained,
            formats=formats,
            language=language,
            who_else_can_help=who_else_can_help,
        ),
        by,
    )
    for option, (amount, period) in sorted(amounts.items()):
        _save_new(
            AmountStated(
                information=information, option=option, amount=amount, period=period
            ),
            by,
        )
    return information


@transaction.atomic
def offer_independent_support(
    *, person: Person, by: User, details: IndependentSupportDetails
) -> IndependentSupport:
    """Record that independent support was offered, and any referral made."""
    support = IndependentSupport(person=person, recorded_by=by, **field_values(details))
    if support.provider and not support.organisation:
        support.organisation = support.provider.name[:200]
    if (
        support.organisation
        and support.referred_on
        and support.status == "not_referred"
    ):
        support.status = IndependentSupport.Status.REFERRED
    saved: IndependentSupport = _save_new(support, by)
    return saved


@transaction.atomic
def update_independent_support(
    *, support: IndependentSupport, by: User, version: int, details: ReferralProgress
) -> IndependentSupport:
    """Update a referral's status and the organisation's feedback (version checked)."""
    update_versioned(support, by=by, version=version, details=field_values(details))
    return support


@dataclass(frozen=True)
class OrganisationAnswer:
    """What the organisation referred to says back: its answer, progress and outcome."""

    status: str
    outcome: str = ""
    feedback: str = ""


@transaction.atomic
def record_organisation_answer(
    *, support: IndependentSupport, by: User, answer: OrganisationAnswer
) -> IndependentSupport:
    """The organisation's answer to a referral, shown to the practitioner on the
    referral: called by the independent app only while the person's consent to
    share lasts (it checks that). Not version-checked against the practitioner's
    edits: the organisation's answer is the newest word on where the referral is."""
    fresh = IndependentSupport.objects.select_for_update().get(pk=support.pk)
    update_versioned(fresh, by=by, version=fresh.version, details=field_values(answer))
    return fresh


@transaction.atomic
def record_choice(
    *,
    person: Person,
    by: User,
    details: ChoiceDetails,
    elements: dict[str, int],
    as_recorded: bool = False,
) -> SupportChoice:
    """Record the option chosen for each element of support. With no element chosen
    the person is deemed to have chosen Option 3, and the record says so. A legal
    representative's authority is needed. `as_recorded` (an old system's choice
    imported as it was recorded): neither applies; no element is kept as none."""
    if (
        not as_recorded
        and details.decided_by == "legal_representative"
        and not details.representative_authority
    ):
        raise ValidationError(
            {
                "representative_authority": _(
                    "Say what legal authority the representative has."
                )
            }
        )
    deemed = None if as_recorded else rules.deemed_option(choice_made=bool(elements))
    if deemed is not None:
        elements = {ElementChoice.Element.OTHER: deemed}
    choice: SupportChoice = _save_new(
        SupportChoice(
            person=person,
            recorded_by=by,
            deemed=deemed is not None,
            **field_values(details),
        ),
        by,
    )
    for element, option in elements.items():
        _save_new(ElementChoice(choice=choice, element=element, option=option), by)
    return choice


@transaction.atomic
def record_direct_payment_check(
    *, person: Person, by: User, details: DirectPaymentCheckDetails
) -> DirectPaymentCheck:
    """Record the Option 1 checks and decision; a decision the rules do not allow
    (or a refusal without reasons and a review date) is refused with the reason."""
    problems = rules.direct_payment_problems(
        payment_starts_on=details.payment_starts_on,
        means_test_on=details.means_test_on,
        third_party_payee=details.third_party_payee,
        payee_at_persons_request=details.payee_at_persons_request,
        family_member_employed=details.family_member_employed,
        undue_pressure=details.undue_pressure,
        family_member_has_powers=details.family_member_has_powers,
        decision=details.decision,
        refusal_reasons=details.refusal_reasons,
        review_on=details.review_on,
    )
    if problems:
        raise ValidationError(problems)
    check: DirectPaymentCheck = _save_new(
        DirectPaymentCheck(person=person, recorded_by=by, **field_values(details)), by
    )
    return check

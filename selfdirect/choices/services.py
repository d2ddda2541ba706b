"""Practitioner actions on information, independent support and choices."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.core.concurrency import save_versioned
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
    *, person: Person, by: User, details: dict[str, Any]
) -> IndependentSupport:
    """Record that independent support was offered, and any referral made."""
    support = IndependentSupport(person=person, recorded_by=by, **details)
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
    *, support: IndependentSupport, by: User, version: int, details: dict[str, Any]
) -> IndependentSupport:
    """Update a referral's status and the organisation's feedback (version checked)."""
    for name, value in details.items():
        setattr(support, name, value)
    support._history_user = by  # type: ignore[attr-defined]
    save_versioned(support, expected_version=version, fields=list(details))
    return support


@transaction.atomic
def record_choice(
    *, person: Person, by: User, details: dict[str, Any], elements: dict[str, int]
) -> SupportChoice:
    """Record the option chosen for each element of support. With no element chosen
    the person is deemed to have chosen Option 3, and the record says so."""
    if details.get("decided_by") == "legal_representative" and not details.get(
        "representative_authority"
    ):
        raise ValidationError(
            {
                "representative_authority": _(
                    "Say what legal authority the representative has."
                )
            }
        )
    deemed = rules.deemed_option(choice_made=bool(elements))
    if deemed is not None:
        elements = {ElementChoice.Element.OTHER: deemed}
    choice: SupportChoice = _save_new(
        SupportChoice(
            person=person, recorded_by=by, deemed=deemed is not None, **details
        ),
        by,
    )
    for element, option in elements.items():
        _save_new(ElementChoice(choice=choice, element=element, option=option), by)
    return choice


@transaction.atomic
def record_direct_payment_check(
    *, person: Person, by: User, details: dict[str, Any]
) -> DirectPaymentCheck:
    """Record the Option 1 checks and decision; a decision the rules do not allow
    (or a refusal without reasons and a review date) is refused with the reason."""
    keys = (
        "payment_starts_on",
        "means_test_on",
        "third_party_payee",
        "payee_at_persons_request",
        "family_member_employed",
        "undue_pressure",
        "family_member_has_powers",
        "decision",
        "refusal_reasons",
        "review_on",
    )
    problems = rules.direct_payment_problems(**{key: details.get(key) for key in keys})  # type: ignore[arg-type]
    if problems:
        raise ValidationError(problems)
    check: DirectPaymentCheck = _save_new(
        DirectPaymentCheck(person=person, recorded_by=by, **details), by
    )
    return check

"""Option 1: direct payment agreements, payments, monitoring returns and PAs."""

import datetime
from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, save_new_or_refuse, update_versioned
from selfdirect.core.dates import add_days
from selfdirect.core.details import field_values
from selfdirect.people.models import Person

from .. import rules
from ..models import (
    DirectPaymentAgreement,
    MonitoringReturn,
    Payment,
    PersonalAssistantEmployment,
)
from .common import check, monitoring_grace_days, surplus_weeks_allowed
from .direct_payment_details import (
    DirectPaymentDetails,
    DirectPaymentEnding,
    MonitoringReturnDetails,
    PaEmploymentDetails,
    PaymentDetails,
    SurplusDetails,
)


def _schedule_return(
    agreement: DirectPaymentAgreement,
    period_from: datetime.date,
    by: User,
) -> MonitoringReturn:
    _, period_to = rules.next_return_period(
        add_days(period_from, -1), agreement.monitoring_every_months
    )
    awaited: MonitoringReturn = save_new(
        MonitoringReturn(
            agreement=agreement,
            period_from=period_from,
            period_to=period_to,
            due_on=rules.return_due_on(period_to, monitoring_grace_days()),
            recorded_by=by,
        ),
        by,
    )
    return awaited


def _waiting_return(agreement: DirectPaymentAgreement) -> MonitoringReturn | None:
    """The latest return not yet received, if any."""
    waiting: MonitoringReturn | None = (
        agreement.returns.filter(received_on__isnull=True)  # type: ignore[attr-defined]
        .order_by("-period_from")
        .first()
    )
    return waiting


def _reschedule_waiting_return(agreement: DirectPaymentAgreement, by: User) -> None:
    """Recompute the waiting return's period and due date from the agreement's
    start (or the end of the return before it) and its months between returns."""
    waiting = _waiting_return(agreement)
    if waiting is None:
        return
    previous = (
        agreement.returns.filter(period_from__lt=waiting.period_from)  # type: ignore[attr-defined]
        .order_by("-period_from")
        .first()
    )
    last_day = (
        previous.period_to
        if previous is not None
        else add_days(agreement.starts_on, -1)
    )
    period_from, period_to = rules.next_return_period(
        last_day, agreement.monitoring_every_months
    )
    update_versioned(
        waiting,
        by=by,
        version=waiting.version,
        details={
            "period_from": period_from,
            "period_to": period_to,
            "due_on": rules.return_due_on(period_to, monitoring_grace_days()),
        },
    )


def _stop_returns_after(
    agreement: DirectPaymentAgreement, ended_on: datetime.date, by: User
) -> None:
    """An ended payment awaits no return for time after it ended: unreceived returns
    starting later are removed, and one spanning the end date is cut to end then."""
    unreceived = agreement.returns.filter(received_on__isnull=True)  # type: ignore[attr-defined]
    for later in unreceived.filter(period_from__gt=ended_on):
        later._history_user = by  # type: ignore[attr-defined]
        later.delete()
    for spanning in unreceived.filter(
        period_from__lte=ended_on, period_to__gt=ended_on
    ):
        update_versioned(
            spanning,
            by=by,
            version=spanning.version,
            details={
                "period_to": ended_on,
                "due_on": rules.return_due_on(ended_on, monitoring_grace_days()),
            },
        )


def _agreement_problems(details: DirectPaymentDetails) -> dict[str, str]:
    return rules.agreement_problems(
        amount=details.amount,
        spend_on=details.spend_on,
        responsibilities=details.responsibilities,
        payee_name=details.payee_name,
        payee_requested_by_person=details.payee_requested_by_person,
    )


@transaction.atomic
def set_up_direct_payment(
    *, person: Person, by: User, details: DirectPaymentDetails
) -> DirectPaymentAgreement:
    """Set up an Option 1 agreement and schedule its first monitoring return."""
    check(_agreement_problems(details))
    already = _(
        "This person already has an active direct payment agreement. Change "
        "that agreement, or end it before setting up a new one."
    )
    if person.direct_payment_agreements.filter(  # type: ignore[attr-defined]
        status=DirectPaymentAgreement.Status.ACTIVE
    ).exists():
        raise ValidationError(already)
    agreement: DirectPaymentAgreement = save_new_or_refuse(
        DirectPaymentAgreement(
            person=person,
            recorded_by=by,
            yearly_amount=rules.yearly_equivalent(details.amount, details.frequency),
            **field_values(details),
        ),
        by,
        refusal=already,
    )
    _schedule_return(agreement, agreement.starts_on, by)
    record_event(
        actor=by,
        action="direct_payment.set_up",
        person_id=person.pk,
        yearly_amount=str(agreement.yearly_amount),
    )
    return agreement


@transaction.atomic
def change_direct_payment(
    *,
    agreement: DirectPaymentAgreement,
    by: User,
    version: int,
    details: DirectPaymentDetails,
) -> DirectPaymentAgreement:
    """Change an agreement's amount, spend or payee (version checked). A new start
    date or months between returns reschedules the return still awaited."""
    check(_agreement_problems(details))
    yearly_amount = rules.yearly_equivalent(details.amount, details.frequency)
    schedule_before = (agreement.starts_on, agreement.monitoring_every_months)
    update_versioned(
        agreement,
        by=by,
        version=version,
        details={**field_values(details), "yearly_amount": yearly_amount},
    )
    if (agreement.starts_on, agreement.monitoring_every_months) != schedule_before:
        _reschedule_waiting_return(agreement, by)
    record_event(
        actor=by,
        action="direct_payment.changed",
        person_id=agreement.person_id,
        yearly_amount=str(agreement.yearly_amount),
    )
    return agreement


@transaction.atomic
def end_direct_payment(
    *,
    agreement: DirectPaymentAgreement,
    by: User,
    version: int,
    details: DirectPaymentEnding,
) -> DirectPaymentAgreement:
    """End a direct payment with its ground, and the notice given where the council
    ends it (SSI 2014/25 reg 6). No monitoring return is awaited for time after
    the end date."""
    check(
        rules.ending_problems(
            starts_on=agreement.starts_on,
            ended_on=details.ended_on,
            ground=details.end_ground,
            notice_given_on=details.notice_given_on,
            notice_days=details.notice_days,
        )
    )
    update_versioned(
        agreement,
        by=by,
        version=version,
        details={
            **field_values(details),
            "status": DirectPaymentAgreement.Status.ENDED,
        },
    )
    _stop_returns_after(agreement, details.ended_on, by)
    record_event(
        actor=by,
        action="direct_payment.ended",
        person_id=agreement.person_id,
        ground=agreement.end_ground,
    )
    return agreement


def _check_payment(details: PaymentDetails) -> None:
    if details.period_to < details.period_from:
        raise ValidationError({"period_to": _("The period must end after it starts")})
    if details.amount <= 0:
        raise ValidationError({"amount": _("Enter an amount more than £0")})


@transaction.atomic
def record_payment(
    *, agreement: DirectPaymentAgreement, by: User, details: PaymentDetails
) -> Payment:
    """Record a payment made under an agreement (RECORD_FINANCE)."""
    _check_payment(details)
    payment: Payment = save_new(
        Payment(agreement=agreement, recorded_by=by, **field_values(details)), by
    )
    record_event(
        actor=by,
        action="direct_payment.paid",
        person_id=agreement.person_id,
        amount=str(payment.amount),
    )
    return payment


@transaction.atomic
def correct_payment(
    *, payment: Payment, by: User, version: int, details: PaymentDetails
) -> Payment:
    """Correct a payment recorded wrongly (version checked; the history keeps
    what was recorded first)."""
    _check_payment(details)
    update_versioned(payment, by=by, version=version, details=field_values(details))
    record_event(
        actor=by,
        action="direct_payment.payment_corrected",
        person_id=payment.agreement.person_id,
        amount=str(payment.amount),
    )
    return payment


@transaction.atomic
def record_monitoring_return(
    *,
    monitoring_return: MonitoringReturn,
    by: User,
    version: int,
    details: MonitoringReturnDetails,
) -> MonitoringReturn:
    """Record a return as received, with its evidence and balance. The surplus, if
    not entered, is worked out by the rule; the next period's return is scheduled
    while the agreement is active."""
    agreement = monitoring_return.agreement
    if details.surplus is None and details.balance_held is not None:
        surplus = rules.surplus(
            balance_held=details.balance_held,
            yearly_amount=agreement.yearly_amount,
            weeks_allowed=surplus_weeks_allowed(),
        )
        details = replace(details, surplus=surplus)
    check(
        rules.return_problems(
            period_from=monitoring_return.period_from,
            period_to=monitoring_return.period_to,
            received_on=details.received_on,
            balance_held=details.balance_held,
            surplus_amount=details.surplus,
            evidence=details.evidence,
        )
    )
    first_receipt = monitoring_return.received_on is None
    update_versioned(
        monitoring_return, by=by, version=version, details=field_values(details)
    )
    following = add_days(monitoring_return.period_to, 1)
    if (
        first_receipt
        and agreement.status == DirectPaymentAgreement.Status.ACTIVE
        and not agreement.returns.filter(period_from=following).exists()
    ):
        _schedule_return(agreement, following, by)
    record_event(
        actor=by,
        action="direct_payment.return_received",
        person_id=agreement.person_id,
        surplus=str(monitoring_return.surplus or Decimal("0.00")),
    )
    return monitoring_return


@transaction.atomic
def decide_surplus(
    *,
    monitoring_return: MonitoringReturn,
    by: User,
    version: int,
    details: SurplusDetails,
) -> MonitoringReturn:
    """Record whether a surplus is recovered or kept, and any recovery made."""
    check(
        rules.recovery_problems(
            surplus_amount=monitoring_return.surplus,
            decision=details.surplus_decision,
            recovered_amount=details.recovered_amount,
            recovered_on=details.recovered_on,
        )
    )
    update_versioned(
        monitoring_return, by=by, version=version, details=field_values(details)
    )
    record_event(
        actor=by,
        action="direct_payment.surplus",
        person_id=monitoring_return.agreement.person_id,
        decision=monitoring_return.surplus_decision,
    )
    return monitoring_return


@transaction.atomic
def record_pa_employment(
    *, agreement: DirectPaymentAgreement, by: User, details: PaEmploymentDetails
) -> PersonalAssistantEmployment:
    """Record the personal assistants the person employs, and who supports payroll
    and insurance."""
    if details.number_of_pas < 1:
        raise ValidationError({"number_of_pas": _("Enter 1 or more")})
    employment: PersonalAssistantEmployment = save_new(
        PersonalAssistantEmployment(
            agreement=agreement, recorded_by=by, **field_values(details)
        ),
        by,
    )
    record_event(
        actor=by,
        action="direct_payment.pas",
        person_id=agreement.person_id,
        number=employment.number_of_pas,
    )
    return employment

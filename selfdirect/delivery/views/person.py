"""A person's support and payments page, and Option 1: direct payment agreements,
payments, monitoring returns and personal assistants (Options 2 and 3: funds.py)."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import may
from selfdirect.accounts.roles import Action, Purpose
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once

from .. import rules, selectors, services
from ..forms import (
    CorrectPaymentForm,
    DirectPaymentForm,
    EditDirectPaymentForm,
    EndDirectPaymentForm,
    MonitoringReturnForm,
    PaEmploymentForm,
    PaymentForm,
    SurplusForm,
)
from ..models import DirectPaymentAgreement
from ..permissions import (
    access_agreement,
    access_monitoring_return,
    access_person_finance,
)
from .common import form_page


def person_url(person: Any) -> str:
    return reverse("delivery:person", args=[person.public_id])


def page_context(person: Any, title: str, **extra: Any) -> dict[str, Any]:
    return {"person": person, "title": title, "back": person_url(person), **extra}


def _ended(
    request: HttpRequest, agreement: DirectPaymentAgreement
) -> HttpResponse | None:
    """An ended agreement's change pages send the user back to it, saying why."""
    if agreement.status != DirectPaymentAgreement.Status.ENDED:
        return None
    messages.info(
        request,
        _(
            "This direct payment has ended, so it cannot be changed. Set up a new "
            "agreement if the person is to have a direct payment again."
        ),
    )
    return redirect(
        "delivery:agreement", agreement.person.public_id, agreement.public_id
    )


@require_GET
def person_delivery(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_finance(user, person_id, page=page(request))
    context = {
        "person": person,
        "delivery": selectors.person_delivery(person, timezone.localdate()),
        "can_set_up": may(user, Purpose.FINANCE, Action.CHANGE),
        "can_record": may(user, Purpose.FINANCE, Action.RECORD_FINANCE),
    }
    return render(request, "delivery/person.html", context)


@require_GET
def agreement_detail(
    request: HttpRequest, person_id: str, agreement_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, page=page(request)
    )
    context = {
        "person": person,
        "agreement": agreement,
        "payments": list(agreement.payments.all()),
        "returns": list(agreement.returns.all()),
        "employment": list(agreement.pa_employment.all()),
        "spend_labels": rules.labels(rules.SPEND_CATEGORIES, agreement.spend_on),
        "responsibility_labels": rules.labels(
            rules.RESPONSIBILITIES, agreement.responsibilities
        ),
        "can_set_up": may(user, Purpose.FINANCE, Action.CHANGE),
        "can_record": may(user, Purpose.FINANCE, Action.RECORD_FINANCE),
        "today": timezone.localdate(),
    }
    return render(request, "delivery/agreement.html", context)


@require_http_methods(["GET", "POST"])
@once
def add_agreement(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_finance(
        user, person_id, action=Action.CHANGE, page=page(request)
    )
    initial = {"starts_on": timezone.localdate(), "monitoring_every_months": 3}
    form = bind(request, DirectPaymentForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.set_up_direct_payment(
            person=person, by=user, details=f.details()
        ),
        done=_("Direct payment agreement set up. The first monitoring return is due."),
        next_url=person_url(person),
        context=page_context(person, _("Set up a direct payment (Option 1)")),
    )


@require_http_methods(["GET", "POST"])
def edit_agreement(
    request: HttpRequest, person_id: str, agreement_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _ended(request, agreement):
        return refused
    fields = DirectPaymentForm.base_fields
    initial = {n: getattr(agreement, n) for n in fields} | {
        "version": agreement.version
    }
    form = bind(request, EditDirectPaymentForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.change_direct_payment(
            agreement=agreement,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Direct payment agreement changed."),
        next_url=reverse("delivery:agreement", args=[person_id, agreement_id]),
        context=page_context(person, _("Change the direct payment agreement")),
    )


@require_http_methods(["GET", "POST"])
def end_agreement(
    request: HttpRequest, person_id: str, agreement_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _ended(request, agreement):
        return refused
    initial = {"version": agreement.version, "ended_on": timezone.localdate()}
    form = bind(request, EndDirectPaymentForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.end_direct_payment(
            agreement=agreement,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Direct payment ended."),
        next_url=reverse("delivery:agreement", args=[person_id, agreement_id]),
        context=page_context(person, _("End the direct payment")),
    )


@require_http_methods(["GET", "POST"])
@once
def add_payment(
    request: HttpRequest, person_id: str, agreement_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, action=Action.RECORD_FINANCE, page=page(request)
    )
    initial = {"paid_on": timezone.localdate(), "amount": agreement.amount}
    form = bind(request, PaymentForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.record_payment(
            agreement=agreement, by=user, details=f.details()
        ),
        done=_("Payment recorded."),
        next_url=reverse("delivery:agreement", args=[person_id, agreement_id]),
        context=page_context(person, _("Record a payment made")),
    )


@require_http_methods(["GET", "POST"])
def edit_payment(
    request: HttpRequest, person_id: str, agreement_id: str, payment_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, action=Action.RECORD_FINANCE, page=page(request)
    )
    payment = agreement.payments.filter(public_id=payment_id).first()
    if payment is None:
        raise Http404("No such payment")
    names = [n for n in CorrectPaymentForm.base_fields if n != "version"]
    initial = {n: getattr(payment, n) for n in names} | {"version": payment.version}
    form = bind(request, CorrectPaymentForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.correct_payment(
            payment=payment,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Payment corrected."),
        next_url=reverse("delivery:agreement", args=[person_id, agreement_id]),
        context=page_context(person, _("Correct a payment recorded")),
    )


@require_http_methods(["GET", "POST"])
@once
def add_pa_employment(
    request: HttpRequest, person_id: str, agreement_id: str
) -> HttpResponse:
    user = actor(request)
    person, agreement = access_agreement(
        user, person_id, agreement_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _ended(request, agreement):
        return refused
    form = bind(request, PaEmploymentForm, initial={"starts_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=lambda f: services.record_pa_employment(
            agreement=agreement, by=user, details=f.details()
        ),
        done=_("Personal assistants recorded."),
        next_url=reverse("delivery:agreement", args=[person_id, agreement_id]),
        context=page_context(person, _("Record personal assistants employed")),
    )


@require_http_methods(["GET", "POST"])
def record_return(request: HttpRequest, person_id: str, return_id: str) -> HttpResponse:
    user = actor(request)
    person, record = access_monitoring_return(
        user, person_id, return_id, action=Action.RECORD_FINANCE, page=page(request)
    )
    weeks = {"weeks_allowed": services.surplus_weeks_allowed()}
    initial = {
        "version": record.version,
        "received_on": record.received_on or timezone.localdate(),
        "evidence": record.evidence,
        "balance_held": record.balance_held,
        "surplus": record.surplus,
        "notes": record.notes,
    }
    form = bind(request, MonitoringReturnForm, initial=initial, **weeks)
    return form_page(
        request,
        form,
        save=lambda f: services.record_monitoring_return(
            monitoring_return=record,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Monitoring return recorded."),
        next_url=reverse(
            "delivery:agreement", args=[person_id, record.agreement.public_id]
        ),
        context=page_context(
            person,
            _("Monitoring return for %(start)s to %(end)s")
            % {
                "start": record.period_from.strftime("%d/%m/%Y"),
                "end": record.period_to.strftime("%d/%m/%Y"),
            },
            record=record,
        ),
        init_kwargs=weeks,
    )


@require_http_methods(["GET", "POST"])
def decide_surplus(
    request: HttpRequest, person_id: str, return_id: str
) -> HttpResponse:
    user = actor(request)
    person, record = access_monitoring_return(
        user, person_id, return_id, action=Action.RECORD_FINANCE, page=page(request)
    )
    initial = {
        "version": record.version,
        "surplus_decision": record.surplus_decision or "recover",
        "recovered_amount": record.recovered_amount or record.surplus,
        "recovered_on": record.recovered_on,
    }
    form = bind(request, SurplusForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.decide_surplus(
            monitoring_return=record,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Surplus decision recorded."),
        next_url=reverse("delivery:surplus"),
        context=page_context(
            person,
            _("Surplus of £%(amount)s") % {"amount": record.surplus or 0},
            record=record,
        ),
    )

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import letter_language, render_letter_response
from selfdirect.core.once import once
from selfdirect.core.pdf import pdf_response
from selfdirect.people.access import access_person

from . import info_documents, selectors, services
from .forms import (
    ChoiceForm,
    DirectPaymentForm,
    IndependentSupportForm,
    InformationForm,
    UpdateIndependentSupportForm,
)
from .permissions import (
    access_choice,
    access_direct_payment_check,
    access_independent_support,
)


def _to_person(person) -> HttpResponse:  # type: ignore[no-untyped-def]
    return redirect("people:detail", person_id=person.public_id)


@require_http_methods(["GET", "POST"])
@once
def information(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    budget = selectors.current_budget(person)
    form = bind(
        request,
        InformationForm,
        initial={
            "given_on": timezone.localdate(),
            "formats": ["conversation"],
            **selectors.amounts_from_budget(budget),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_information_given(
                person=person, by=user, amounts=form.amounts(), **form.details()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Information given recorded."))
            return _to_person(person)
    context = {
        "form": form,
        "person": person,
        "title": "Record information given about the four options",
        "budget": budget,
    }
    return render(request, "choices/information_form.html", context)


@require_http_methods(["GET", "POST"])
@once
def independent_support(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    form = bind(
        request, IndependentSupportForm, initial={"offered_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        services.offer_independent_support(
            person=person, by=user, details=form.details()
        )
        messages.success(request, _("Independent support offer recorded."))
        return _to_person(person)
    context = {
        "form": form,
        "person": person,
        "title": "Offer independent support or advocacy",
        "button": "Save",
    }
    return render(request, "choices/simple_form.html", context)


@require_http_methods(["GET", "POST"])
def update_independent_support(
    request: HttpRequest, person_id: str, support_id: str
) -> HttpResponse:
    user = actor(request)
    support = access_independent_support(
        user, person_id, support_id, action=Action.CHANGE, page=page(request)
    )
    initial = {
        "version": support.version,
        "status": support.status,
        "feedback": support.feedback,
    }
    form = bind(request, UpdateIndependentSupportForm, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_independent_support(
                support=support,
                by=user,
                version=form.cleaned_data["version"],
                details=form.details(),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error)
        else:
            messages.success(request, _("Referral updated."))
            return _to_person(support.person)
    context = {
        "form": form,
        "person": support.person,
        "conflict": conflict,
        "button": "Save",
        "title": _("Update the referral to %(organisation)s")
        % {"organisation": support.organisation or _("independent support")},
    }
    return render(request, "choices/simple_form.html", context)


@require_http_methods(["GET", "POST"])
@once
def record_choice(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    current = selectors.choice_summary(person)
    initial: dict[str, object] = {
        "made_on": timezone.localdate(),
        "decided_by": "person",
    }
    if current.choice is not None:
        initial.update(
            {
                f"element_{e.element}": str(e.option)
                for e in current.choice.elements.all()
            }
        )
    form = bind(request, ChoiceForm, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_choice(
                person=person, by=user, details=form.details(), elements=form.elements()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            changed = current.choice is not None
            messages.success(
                request,
                _("Change of option recorded. Review the support plan with the person.")
                if changed
                else "Choice recorded.",
            )
            return _to_person(person)
    return render(
        request,
        "choices/choice_form.html",
        {"form": form, "person": person, "current": current},
    )


@require_GET
def choice_detail(request: HttpRequest, person_id: str, choice_id: str) -> HttpResponse:
    user = actor(request)
    choice = access_choice(user, person_id, choice_id, page=page(request))
    context = {
        "choice": choice,
        "person": choice.person,
        "elements": list(choice.elements.all()),
        "option": selectors.option_of(choice),
        "informed": selectors.informed(choice),
    }
    return render(request, "choices/choice_detail.html", context)


@require_http_methods(["GET", "POST"])
@once
def direct_payment(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    form = bind(
        request, DirectPaymentForm, initial={"checked_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            check = services.record_direct_payment_check(
                person=person, by=user, details=form.details()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            if check.decision == "refused":
                messages.info(
                    request,
                    _("Refusal recorded. Send the person the letter with the reasons."),
                )
            else:
                messages.success(request, _("Direct payment checks recorded."))
            return _to_person(person)
    context = {
        "form": form,
        "person": person,
        "title": "Option 1: direct payment checks",
        "button": "Save",
    }
    return render(request, "choices/simple_form.html", context)


@require_GET
def refusal_letter(request: HttpRequest, person_id: str, check_id: str) -> HttpResponse:
    user = actor(request)
    check = access_direct_payment_check(user, person_id, check_id, page=page(request))
    if check.decision != "refused":
        raise Http404("No refusal")
    return render_letter_response(
        "choices/refusal_letter.html",
        {"check": check, "person": check.person},
        person=check.person,
        produced_by=user,
        filename="direct-payment-decision.pdf",
    )


@require_GET
def easy_read_for_person(request: HttpRequest, person_id: str) -> HttpResponse:
    """The Easy Read 'four options', with this person's amounts in its table, in
    their language if the partnership offers it."""
    user = actor(request)
    person = access_person(user, person_id, page=page(request))
    amounts = selectors.easy_read_amounts(person)
    with translation.override(letter_language(person.preferred_language)):
        pdf = info_documents.easy_read_for_person_pdf(amounts)
    return pdf_response(pdf, filename="your-four-options-easy-read.pdf")

"""Options 2 and 3 on a person's support and payments page: individual service
funds and services the council arranges."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once

from .. import services
from ..forms import (
    ArrangedServiceForm,
    EditArrangedServiceForm,
    EditServiceFundForm,
    ServiceFundForm,
)
from ..permissions import (
    access_arranged_service,
    access_person_finance,
    access_service_fund,
)
from .common import form_page
from .person import page_context, person_url


@require_http_methods(["GET", "POST"])
@once
def add_fund(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_finance(
        user, person_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(request, ServiceFundForm, initial={"starts_on": timezone.localdate()})
    return form_page(
        request,
        form,
        save=lambda f: services.set_up_service_fund(
            person=person, by=user, details=f.details()
        ),
        done=_("Individual service fund set up."),
        next_url=person_url(person),
        context=page_context(person, _("Set up an individual service fund (Option 2)")),
    )


@require_http_methods(["GET", "POST"])
def edit_fund(request: HttpRequest, person_id: str, fund_id: str) -> HttpResponse:
    user = actor(request)
    person, fund = access_service_fund(
        user, person_id, fund_id, action=Action.CHANGE, page=page(request)
    )
    initial = {n: getattr(fund, n) for n in ServiceFundForm.base_fields} | {
        "version": fund.version
    }
    providers = {"current_provider_id": fund.provider_id}
    form = bind(request, EditServiceFundForm, initial=initial, **providers)
    return form_page(
        request,
        form,
        save=lambda f: services.change_service_fund(
            fund=fund,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Individual service fund changed."),
        next_url=person_url(person),
        context=page_context(person, _("Change the individual service fund")),
        init_kwargs=providers,
    )


@require_http_methods(["GET", "POST"])
@once
def add_arranged(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_finance(
        user, person_id, action=Action.CHANGE, page=page(request)
    )
    initial = {"starts_on": timezone.localdate(), "unit": "hours"}
    form = bind(request, ArrangedServiceForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.arrange_service(
            person=person, by=user, details=f.details()
        ),
        done=_("Arranged service recorded."),
        next_url=person_url(person),
        context=page_context(
            person, _("Record a service the council arranges (Option 3)")
        ),
    )


@require_http_methods(["GET", "POST"])
def edit_arranged(
    request: HttpRequest, person_id: str, service_id: str
) -> HttpResponse:
    user = actor(request)
    person, service = access_arranged_service(
        user, person_id, service_id, action=Action.CHANGE, page=page(request)
    )
    initial = {n: getattr(service, n) for n in ArrangedServiceForm.base_fields} | {
        "version": service.version
    }
    providers = {"current_provider_id": service.provider_id}
    form = bind(request, EditArrangedServiceForm, initial=initial, **providers)
    return form_page(
        request,
        form,
        save=lambda f: services.change_arranged_service(
            service=service,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Arranged service changed."),
        next_url=person_url(person),
        context=page_context(person, _("Change the arranged service")),
        init_kwargs=providers,
    )

"""The providers register: list with filters, add, change, history."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from . import selectors, services
from .forms import EditProviderForm, ProviderFilterForm, ProviderForm
from .models import Provider
from .permissions import require_providers_reader

PAGE_SIZE = 50
FORM = "providers/form.html"


def _provider(provider_id: str) -> Provider:
    provider = selectors.provider(provider_id)
    if provider is None:
        raise Http404("No such provider")
    return provider


@require_GET
def provider_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require_providers_reader(user)
    form = ProviderFilterForm(request.GET or None)
    filters = selectors.ProviderFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.ProviderFilters(
            kind=data["kind"],
            contract_type=data["contract_type"],
            locality=getattr(data["locality"], "pk", None),
            include_inactive=data["include_inactive"],
        )
    queryset = selectors.providers(filters)
    page_obj = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page_obj,
        "filtered": filters != selectors.ProviderFilters(),
        "can_manage": user.can(Capability.MANAGE_PROVIDERS),
    }
    return render(request, "providers/list.html", context)


@require_GET
def provider_detail(request: HttpRequest, provider_id: str) -> HttpResponse:
    user = actor(request)
    require_providers_reader(user)
    provider = _provider(provider_id)
    context = {
        "provider": provider,
        "localities": list(provider.localities.all()),
        "history": selectors.provider_history(provider),
        "can_manage": user.can(Capability.MANAGE_PROVIDERS),
    }
    return render(request, "providers/detail.html", context)


@require_http_methods(["GET", "POST"])
@once
def add_provider(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.MANAGE_PROVIDERS)
    form = bind(
        request, ProviderForm, initial={"active": True, "contract_type": "spot"}
    )
    return form_page(
        request,
        form,
        save=lambda f: services.add_provider(
            by=user, details=f.details(), localities=list(f.cleaned_data["localities"])
        ),
        done=_("Provider added to the register."),
        next_url=reverse("providers:list"),
        context={"title": _("Add a provider"), "back": reverse("providers:list")},
        template=FORM,
    )


@require_http_methods(["GET", "POST"])
def edit_provider(request: HttpRequest, provider_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.MANAGE_PROVIDERS)
    provider = _provider(provider_id)
    names = [n for n in ProviderForm.base_fields if n != "localities"]
    initial = {n: getattr(provider, n) for n in names} | {
        "version": provider.version,
        "localities": list(provider.localities.all()),
    }
    form = bind(request, EditProviderForm, initial=initial)
    back = reverse("providers:detail", args=[provider.public_id])
    return form_page(
        request,
        form,
        save=lambda f: services.change_provider(
            provider=provider,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
            localities=list(f.cleaned_data["localities"]),
        ),
        done=_("Provider changed."),
        next_url=back,
        context={"title": _("Change %(name)s") % {"name": provider.name}, "back": back},
        template=FORM,
    )

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from . import selectors, services
from .forms import CheckedForm, PlaceForm, SearchForm, ServiceForm
from .models import Service, ServiceAtLocation


def _sign_in_first(request: HttpRequest) -> HttpResponse | None:
    """Anonymous visitors read the directory only where the partnership made it
    public (settings.DIRECTORY_PUBLIC, off by default); others sign in first."""
    if request.user.is_authenticated or settings.DIRECTORY_PUBLIC:
        return None
    return redirect_to_login(request.get_full_path())


@login_not_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    if closed := _sign_in_first(request):
        return closed
    if request.user.is_authenticated:
        require(actor(request), Capability.SEARCH_DIRECTORY)
    form = SearchForm(
        request.GET or None,
        terms=selectors.terms_with_services(),
        towns=selectors.localities(),
    )
    context: dict[str, object] = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        filters = form.filters()
        origin = selectors.locate(filters.postcode) if filters.postcode else None
        results = selectors.search_services(
            filters, now=timezone.localtime(), origin=origin
        )
        paginator = selectors.ResultPaginator(results, 20)
        context.update(
            searched=True,
            origin=origin,
            page_obj=paginator.get_page(request.GET.get("page")),
            now=timezone.localtime(),
        )
    return render(request, "directory/search.html", context)


@login_not_required
@require_GET
def service_detail(request: HttpRequest, service_id: str) -> HttpResponse:
    if closed := _sign_in_first(request):
        return closed
    can_curate = False
    if request.user.is_authenticated:
        user = actor(request)
        if not user.can(Capability.CURATE_DIRECTORY):
            require(user, Capability.SEARCH_DIRECTORY)
        can_curate = user.can(Capability.CURATE_DIRECTORY)
    service = get_object_or_404(
        selectors.with_details(Service.objects.all()), pk=service_id
    )
    context = {
        "service": service,
        "can_curate": can_curate,
        "checked_form": CheckedForm(initial={"version": service.version}),
        "history": service.history.select_related("history_user")[:10],  # type: ignore[attr-defined]
    }
    return render(request, "directory/service_detail.html", context)


@require_http_methods(["GET", "POST"])
@once
def service_form(request: HttpRequest, service_id: str | None = None) -> HttpResponse:
    user = actor(request)
    require(user, Capability.CURATE_DIRECTORY)
    service = get_object_or_404(Service, pk=service_id) if service_id else Service()
    initial = (
        {
            "version": service.version,
            "terms": list(service.attributes.values_list("taxonomy_term", flat=True)),
        }
        if service_id
        else {}
    )
    init_kwargs = {"instance": service, "initial": initial}
    form = bind(request, ServiceForm, **init_kwargs)

    def save(form: ServiceForm) -> Service:
        return services.save_service(
            service=form.save(commit=False),
            by=user,
            version=form.cleaned_data["version"] if service_id else None,
            fields=list(ServiceForm.Meta.fields),
            terms=list(form.cleaned_data["terms"]),
        )

    return form_page(
        request,
        form,  # type: ignore[arg-type]  # a ModelForm; form_page needs only BaseForm
        save=save,
        done=_("Directory entry saved."),
        next_url=reverse("directory:service", args=[service.pk]),
        context={"service": service if service_id else None},
        template="directory/service_form.html",
        init_kwargs=init_kwargs,
    )


@require_http_methods(["GET", "POST"])
@once
def place_form(
    request: HttpRequest, service_id: str, place_id: str | None = None
) -> HttpResponse:
    user = actor(request)
    require(user, Capability.CURATE_DIRECTORY)
    service = get_object_or_404(Service, pk=service_id)
    place = (
        get_object_or_404(
            ServiceAtLocation.objects.select_related("location"),
            pk=place_id,
            service=service,
        )
        if place_id
        else None
    )
    init_kwargs = {"initial": selectors.place_initial(service, place)}
    form = bind(request, PlaceForm, **init_kwargs)

    def save(form: PlaceForm) -> None:
        saved = services.save_place(
            service=service,
            by=user,
            version=form.cleaned_data["version"],
            place=place,
            details=form.details(),
        )
        if saved.location.latitude is None:
            messages.warning(
                request,
                _(
                    "That postcode is not in the postcode table, so this place "
                    "will not be found by distance until a postcode table with it "
                    "is imported (the import then fills in the place's location)."
                ),
            )

    context = {
        "service": service,
        "place": place,
        "more_times": selectors.more_place_times(place),
    }
    return form_page(
        request,
        form,
        save=save,
        done=_("Place and opening times saved."),
        next_url=reverse("directory:service", args=[service.pk]),
        context=context,
        template="directory/place_form.html",
        init_kwargs=init_kwargs,
    )


@require_POST
def mark_checked(request: HttpRequest, service_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.CURATE_DIRECTORY)
    service = get_object_or_404(Service, pk=service_id)
    form = CheckedForm(request.POST)
    if form.is_valid():
        try:
            services.mark_service_checked(
                service=service,
                by=user,
                version=form.cleaned_data["version"],
                checked_on=timezone.localdate(),
            )
        except EditConflict:
            messages.error(
                request,
                _("Someone changed this entry since you opened it. Check it again."),
            )
        else:
            messages.success(request, _("Marked as checked today."))
    return redirect("directory:service", service_id=service.pk)


@require_GET
def stale(request: HttpRequest) -> HttpResponse:
    require(actor(request), Capability.CURATE_DIRECTORY)
    paginator = CappedPaginator(selectors.stale_services(timezone.localdate()), 25)
    context = {
        "page_obj": paginator.get_page(request.GET.get("page")),
        "months": selectors.rules.stale_months(),
    }
    return render(request, "directory/stale.html", context)

"""The indicators dashboard: one page per area, downloads, drill-through, and the
page where finance enters the year's total spend. Thin: the figures come from
`dashboard.py` (and the engine under `indicators/`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability, Role
from selfdirect.core.charts import bar_chart
from selfdirect.core.form_pages import show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.people.access import access_person

from . import dashboard, downloads, drill, services
from .indicator_forms import IndicatorFilterForm, SpendForm
from .indicators.periods import Period
from .models import AdultSocialCareSpend


def _filters(request: HttpRequest) -> tuple[IndicatorFilterForm, Period, str]:
    today = timezone.localdate()
    default = Period.containing(today)
    initial = {"year": str(default.year), "breakdown": "locality"}
    form = IndicatorFilterForm(request.GET or None, initial=initial, today=today)
    if form.is_bound and form.is_valid():
        return form, form.period(), form.cleaned_data["breakdown"] or "locality"
    return form, default, "locality"


@require_GET
def indicators_home(request: HttpRequest) -> HttpResponse:
    require(actor(request), Capability.SEE_INDICATORS)
    return render(
        request, "insights/indicators/home.html", {"areas": dashboard.AREAS.values()}
    )


@require_GET
def indicators_area(request: HttpRequest, area: str) -> HttpResponseBase:
    user = actor(request)
    require(user, Capability.SEE_INDICATORS)
    chosen = dashboard.AREAS.get(area)
    if chosen is None:
        raise Http404
    form, period, dimension = _filters(request)
    as_at = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    figures = dashboard.area_figures(chosen, period, dimension)
    download = request.GET.get("download")
    name = f"sds-{area}-{period.label.replace(' ', '-')}"
    if download == "csv":
        return downloads.as_csv(figures, as_at, period.label, name)
    if download == "publication":
        return downloads.as_csv(figures, as_at, period.label, name, publication=True)
    if download == "xlsx":
        return downloads.as_excel(figures, as_at, period.label, name)
    teams = []
    if user.role == Role.TEAM_MANAGER:
        names = list(user.teams.values_list("name", flat=True))
        teams = dashboard.team_figures(chosen, period, names)
    charts = {
        f.id: _chart(f.tables[0]) for f in figures if f.tables and chosen.broken_down
    }
    context = {
        "form": form,
        "area": chosen,
        "areas": dashboard.AREAS.values(),
        "period": period,
        "figures": [(f, charts.get(f.id)) for f in figures],
        "team_tables": teams,
        "as_at": as_at,
        "can_drill": user.can(Capability.VIEW_PEOPLE),
        "query": request.GET.urlencode(),
    }
    return render(request, "insights/indicators/area.html", context)


def _chart(table: dashboard.Table) -> object:
    values = [r[1] if isinstance(r[1], int) else 0 for r in table.rows]
    return bar_chart(
        title=table.caption,
        labels=[str(r[0]) for r in table.rows],
        series={str(table.columns[1]): values},
    )


@require_GET
def indicator_people(request: HttpRequest, indicator: str, count: str) -> HttpResponse:
    """The people counted in a figure whom the user reaches."""
    user = actor(request)
    require(user, Capability.SEE_INDICATORS)
    require(user, Capability.VIEW_PEOPLE)
    if (indicator, count) not in drill.COUNTS:
        raise Http404
    form, period, _dimension = _filters(request)
    people = drill.people_counted(user, indicator, count, period)
    listing = Paginator(people, 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "period": period,
        "title": dashboard.TITLES[indicator],
        "count": count,
        "page_obj": listing,
    }
    return render(request, "insights/indicators/people.html", context)


@require_GET
def indicator_person(request: HttpRequest, person_id: str) -> HttpResponse:
    """Why one person was or was not counted, for a period (the access is logged)."""
    user = actor(request)
    require(user, Capability.SEE_INDICATORS)
    person = access_person(user, person_id, page=page(request))
    form, period, _dimension = _filters(request)
    context = {
        "form": form,
        "period": period,
        "person": person,
        "checks": drill.why(person, period),
    }
    return render(request, "insights/indicators/person.html", context)


@require_GET
def spend_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    if not (user.can(Capability.RECORD_FINANCE) or user.can(Capability.SEE_INDICATORS)):
        raise PermissionDenied(Capability.RECORD_FINANCE)
    context = {
        "years": AdultSocialCareSpend.objects.select_related("recorded_by"),
        "can_record": user.can(Capability.RECORD_FINANCE),
    }
    return render(request, "insights/indicators/spend_list.html", context)


@require_http_methods(["GET", "POST"])
@once
def spend_new(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RECORD_FINANCE)
    form = bind(request, SpendForm, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            row = services.record_spend(
                details=services.SpendDetails(**form.cleaned_data), by=user
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Spend for %(year)s recorded.") % {"year": row})
            return redirect("insights:spend_list")
    return render(request, "insights/indicators/spend_form.html", {"form": form})

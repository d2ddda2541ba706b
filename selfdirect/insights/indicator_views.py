"""The indicators dashboard: one page per area, downloads and drill-through (the
spend finance enters is in spend_views.py). Thin: the figures come from
`dashboard.py` (and the engine under `indicators/`)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability, Role
from selfdirect.audit.services import log_list_access
from selfdirect.core import summaries
from selfdirect.core.charts import bar_chart
from selfdirect.core.http import actor, page
from selfdirect.core.models import SummarySnapshot
from selfdirect.core.summary_pages import keep_or_watch
from selfdirect.people.access import access_person

from . import dashboard, downloads, drill
from .indicator_forms import DrillRowForm, IndicatorFilterForm
from .indicators.periods import Period
from .summaries import INDICATOR_AREA, area_params


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
    params = area_params(area, period, dimension)
    snapshot, found = _kept_or_live(chosen, period, params)
    as_at = timezone.localtime(
        snapshot.computed_at if snapshot and snapshot.computed_at else None
    ).strftime("%d/%m/%Y %H:%M")
    figures = dashboard.area_figures(chosen, period, dimension, found)
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
        by_team = area_params(area, period, "team")
        _kept, found_by_team = _kept_or_live(chosen, period, by_team)
        teams = dashboard.team_figures(chosen, period, names, found_by_team)
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
        "summary_url": reverse("insights:indicators_summary", args=[area]),
        **summaries.page_context(INDICATOR_AREA, params, snapshot),
    }
    return render(request, "insights/indicators/area.html", context)


def _kept_or_live(
    area: dashboard.Area, period: Period, params: dict[str, str]
) -> tuple[SummarySnapshot | None, dict[str, Any]]:
    """The kept summary of an area's figures (shown as out of date when it is), or
    the figures worked out now."""
    snapshot = summaries.current(INDICATOR_AREA, params)
    if snapshot is not None and snapshot.data is not None:
        return snapshot, snapshot.data
    return snapshot, dashboard.area_found(area, period, params["breakdown"])


@require_http_methods(["GET", "POST"])
def indicators_summary(request: HttpRequest, area: str) -> HttpResponse:
    """Keep or refresh an area's summary for a period and breakdown (POST), and
    watch the background worker work it out (GET)."""
    user = actor(request)
    require(user, Capability.SEE_INDICATORS)
    chosen = dashboard.AREAS.get(area)
    if chosen is None:
        raise Http404
    area_url = reverse("insights:indicators_area", args=[area])
    asked = request.GET.copy()
    asked.pop("refresh", None)  # the progress page's own switch
    query = f"?{asked.urlencode()}"
    form, period, dimension = _filters(request)
    if form.errors:
        return redirect(area_url + query)
    params = area_params(area, period, dimension)
    breakdown = str(dashboard.DIMENSION_NAMES[dimension]).lower()
    return keep_or_watch(
        request,
        INDICATOR_AREA,
        params,
        by=user,
        report_url=area_url + query,
        progress_url=request.path + query,
        report_title=chosen.title,
        scope=_("For %(period)s, by %(breakdown)s.")
        % {"period": period.label, "breakdown": breakdown},
    )


def _chart(table: dashboard.Table) -> object:
    values = [r[1] if isinstance(r[1], int) else 0 for r in table.rows]
    return bar_chart(
        title=table.caption,
        labels=[str(r[0]) for r in table.rows],
        series={str(table.columns[1]): values},
    )


@require_GET
def indicator_people(request: HttpRequest, indicator: str, count: str) -> HttpResponse:
    """The people counted in a figure, or in one group of its breakdown (`by`,
    `group`), whom the user reaches; the names shown are in the access log."""
    user = actor(request)
    require(user, Capability.SEE_INDICATORS)
    require(user, Capability.VIEW_PEOPLE)
    if not drill.drillable(indicator, count):
        raise Http404
    form, period, _dimension = _filters(request)
    row = DrillRowForm(request.GET)
    context: dict[str, Any] = {
        "form": form,
        "row": row,
        "period": period,
        "title": dashboard.TITLES[indicator],
        "count": count,
    }
    if not row.is_valid() or not drill.drillable(
        indicator, count, row.cleaned_data["by"]
    ):
        if row.is_valid():
            row.add_error("by", _("These figures are not broken down that way"))
        context["page_obj"] = None
        return render(request, "insights/indicators/people.html", context, status=400)
    by, group = row.cleaned_data["by"], row.cleaned_data["group"]
    people = drill.people_counted(user, indicator, count, period, by, group)
    listing = Paginator(people, 50).get_page(request.GET.get("page"))
    log_list_access(user=user, person_ids=[p.pk for p in listing], page=request.path)
    context["page_obj"] = listing
    if by:
        context["row_label"] = f"{dashboard.DIMENSION_NAMES[by]}: {group}"
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

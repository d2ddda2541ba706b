"""The outcomes report page, its CSV, and the drill-through to the people counted."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import may, require
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.audit.services import log_list_access
from selfdirect.core import summaries
from selfdirect.core.charts import bar_chart
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor
from selfdirect.core.pagination import CappedPaginator
from selfdirect.core.summary_pages import keep_or_watch
from selfdirect.reviews import aggregates

from . import outcome_drill as drill
from . import outcome_tables, outcomes
from .forms import DrillForm, OutcomesPeriodForm
from .summaries import OUTCOMES, period_params

PAGE_SIZE = 25
Period = tuple[datetime.date | None, datetime.date | None]


def _period(request: HttpRequest) -> tuple[OutcomesPeriodForm, Period, dict[str, str]]:
    """The period form and the period it gives. Opened without one, the report
    covers the twelve months up to today; a period given, or cleared to both ends
    open, is used as given. Also the period as link parameters."""
    today = timezone.localdate()
    start: datetime.date | None
    end: datetime.date | None
    start, end = outcomes.default_period(today)
    data = {k: v for k, v in request.GET.items() if k in ("year", "start", "end")}
    form = OutcomesPeriodForm(
        data or None, today=today, initial={"start": start, "end": end}
    )
    if form.is_bound:
        start = end = None
        if form.is_valid():
            start, end = form.period()
    link = {
        "start": start.strftime("%d/%m/%Y") if start else "",
        "end": end.strftime("%d/%m/%Y") if end else "",
    }
    return form, (start, end), link


@require_GET
def outcomes_report(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    user = actor(request)
    require(user, Capability.SEE_OUTCOMES_REPORT)
    form, (start, end), link = _period(request)
    params = period_params(start, end)
    # The kept summary for this period if there is one (said to be out of date
    # when it is), else the live computation.
    snapshot = summaries.current(OUTCOMES, params)
    if snapshot is not None and snapshot.data is not None:
        report = outcomes.report_from_data(snapshot.data)
    else:
        report = outcomes.outcomes_report(start, end)
    if request.GET.get("download") == "csv" and not form.errors:
        return csv_response("outcomes-report.csv", outcome_tables.csv_rows(report))
    drills = may(user, Purpose.PRACTICE, Action.VIEW)
    context = {
        "form": form,
        "report": report,
        "tables": outcome_tables.tables(report, link if drills else None),
        "reasons": outcome_tables.reason_rows(report, link if drills else None),
        "choice": outcome_tables.choice_rows(report, link if drills else None),
        "timeliness": outcome_tables.timeliness_rows(report, link if drills else None),
        "chart": _trend_chart(report),
        "drills": drills,
        "summary_url": reverse("insights:outcomes_summary"),
        **summaries.page_context(OUTCOMES, params, snapshot),
    }
    return render(request, "insights/outcomes_report.html", context)


@require_http_methods(["GET", "POST"])
def outcomes_summary(request: HttpRequest) -> HttpResponse:
    """Keep or refresh the report's summary for a period (POST), and watch it
    being worked out (GET)."""
    user = actor(request)
    require(user, Capability.SEE_OUTCOMES_REPORT)
    form, (start, end), _link = _period(request)
    report_url = reverse("insights:outcomes_report")
    if form.errors:
        return redirect(f"{report_url}?{request.GET.urlencode()}")
    params = period_params(start, end)
    query = f"?{urlencode(params)}"
    return keep_or_watch(
        request,
        OUTCOMES,
        params,
        by=user,
        report_url=report_url + query,
        progress_url=request.path + query,
        report_title=_("Outcomes report"),
        scope=_scope(start, end),
    )


def _scope(start: datetime.date | None, end: datetime.date | None) -> str:
    """The period a summary covers, in words."""
    named = {
        k: date_format(v, "j F Y") for k, v in (("start", start), ("end", end)) if v
    }
    if start and end:
        return _("For reviews agreed from %(start)s to %(end)s.") % named
    if start:
        return _("For reviews agreed from %(start)s.") % named
    if end:
        return _("For reviews agreed up to %(end)s.") % named
    return _("For every agreed review.")


def _trend_chart(report: outcomes.Report) -> object:
    shown = [lv for lv in report.levels if lv.code != "no_longer_relevant"]
    return bar_chart(
        title=_("Share of reviewed outcomes, by quarter (per cent)"),
        labels=[r.label for r in report.quarters],
        series={
            lv.name: [
                (cell.share if (cell := r.cell(lv.code)) else 0)
                for r in report.quarters
            ]
            for lv in shown
        },
        horizontal=False,
    )


@require_GET
def outcomes_people(request: HttpRequest) -> HttpResponse:
    """The people behind one count of the report, those the user reaches."""
    user = actor(request)
    require(user, Capability.SEE_OUTCOMES_REPORT)
    form, (start, end), link = _period(request)
    answers = [a for a, _label in aggregates.FEEDBACK_ANSWERS]
    wanted = DrillForm(request.GET, rows=drill.ROWS, answers=answers)
    if form.errors or not wanted.is_valid():
        context = {"form": form, "wanted": wanted, "link": link}
        return render(
            request, "insights/outcomes_people_refused.html", context, status=400
        )
    chosen = drill.Drill(**{k: v or "" for k, v in wanted.cleaned_data.items()})
    may_see = may(user, Purpose.PRACTICE, Action.VIEW)
    people = drill.people_shown(user, chosen, start, end)
    page_obj = CappedPaginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    if may_see:
        log_list_access(
            user=user,
            person_ids=[p.pk for p in page_obj],
            page=request.path,
        )
    context = {
        "form": form,
        "link": link,
        "start": start,
        "end": end,
        "row_label": drill.row_label(chosen, start, end),
        "measure": outcome_tables.measure_label(chosen),
        "counted": drill.counted(chosen, start, end),
        "page_obj": page_obj if may_see else None,
        "report_query": "&".join(f"{k}={v}" for k, v in link.items()),
    }
    return render(request, "insights/outcomes_people.html", context)

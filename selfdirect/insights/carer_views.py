"""The carers report page and its CSV (counts only: nobody is named)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor

from . import carer_report, carer_tables
from .indicator_forms import CarersPeriodForm
from .indicators.periods import Period


@require_GET
def carers_report(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    user = actor(request)
    require(user, Capability.SEE_CARERS_REPORT)
    today = timezone.localdate()
    period = Period.containing(today)
    data = {k: v for k, v in request.GET.items() if k in ("year", "quarter")}
    form = CarersPeriodForm(
        data or None, today=today, initial={"year": str(period.year)}
    )
    if form.is_bound and form.is_valid():
        period = form.period()
    report = carer_report.carers_report(period)
    if request.GET.get("download") == "csv" and not form.errors:
        return csv_response(
            f"carers-report-{period.label.replace(' ', '-')}.csv",
            carer_tables.csv_rows(report),
        )
    context = {
        "form": form,
        "report": report,
        "period": period,
        "measures": carer_report.measure_names(),
        "tables": carer_tables.tables(report),
        "domain_tables": carer_tables.domain_tables(report),
        "break_tables": carer_tables.break_tables(report),
        "chart": carer_tables.chart(report),
    }
    return render(request, "insights/carers_report.html", context)

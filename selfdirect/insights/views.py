import datetime
from collections.abc import Iterator
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core import summaries
from selfdirect.core.charts import bar_chart
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor
from selfdirect.core.summary_pages import keep_or_watch

from . import signposting
from .forms import PeriodForm
from .summaries import (
    SIGNPOSTING,
    compute_signposting,
    period_params,
    signposting_tables,
)


def _period(
    request: HttpRequest,
) -> tuple[PeriodForm, datetime.date | None, datetime.date | None]:
    """The period asked for: opened without one, the last twelve months (counting
    every contact ever recorded costs seconds at national scale); a period the
    user gives, or clears to both ends open, is used as given."""
    start: datetime.date | None
    end: datetime.date | None
    start, end = signposting.default_period(timezone.localdate())
    asked = request.GET.copy()
    asked.pop("refresh", None)  # the progress page's own switch
    form = PeriodForm(asked or None, initial={"start": start, "end": end})
    if form.is_bound:
        start = end = None
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


@require_GET
def signposting_report(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    require(actor(request), Capability.SEE_SIGNPOSTING_REPORT)
    form, start, end = _period(request)
    params = period_params(start, end)
    # The kept summary for this period if there is one (said to be out of date
    # when it is), else the live computation.
    snapshot = summaries.current(SIGNPOSTING, params)
    if snapshot is not None and snapshot.data is not None:
        data = snapshot.data
    else:
        data = compute_signposting(params)
    rows, terms, from_plans = signposting_tables(data)
    if request.GET.get("download") == "csv" and not form.errors:
        return _csv(rows, terms, from_plans)
    chart = bar_chart(
        title=_("People signposted, by need"),
        labels=[r.label for r in terms],
        series={
            _("Signposted"): [r.signposted for r in terms],
            _("Need met"): [r.need_met for r in terms],
            _("Formal assessment within 12 months"): [r.within_12 for r in terms],
        },
    )
    context = {
        "form": form,
        "rows": rows,
        "terms": terms,
        "from_plans": from_plans,
        "chart": chart,
        **summaries.page_context(SIGNPOSTING, params, snapshot),
    }
    return render(request, "insights/signposting_report.html", context)


@require_http_methods(["GET", "POST"])
def signposting_summary(request: HttpRequest) -> HttpResponse:
    """Refresh the report's summary for a period (POST) and watch it (GET)."""
    user = actor(request)
    require(user, Capability.SEE_SIGNPOSTING_REPORT)
    form, start, end = _period(request)
    report_url = reverse("insights:signposting_report")
    if form.errors:
        return redirect(f"{report_url}?{request.GET.urlencode()}")
    params = period_params(start, end)
    query = f"?{urlencode(params)}"
    return keep_or_watch(
        request,
        SIGNPOSTING,
        params,
        by=user,
        report_url=report_url + query,
        progress_url=request.path + query,
        report_title=_("Signposting report"),
        scope=_scope(start, end),
    )


def _scope(start: datetime.date | None, end: datetime.date | None) -> str:
    """The period a summary covers, in words."""
    named = {
        k: date_format(v, "j F Y") for k, v in (("start", start), ("end", end)) if v
    }
    if start and end:
        return _("For first contacts from %(start)s to %(end)s.") % named
    if start:
        return _("For first contacts from %(start)s.") % named
    if end:
        return _("For first contacts up to %(end)s.") % named
    return _("For every first contact recorded.")


def _csv(
    rows: list[signposting.ReportRow],
    terms: list[signposting.ReportRow],
    from_plans: list[signposting.PlanRow],
) -> StreamingHttpResponse:
    return csv_response("signposting-report.csv", _csv_rows(rows, terms, from_plans))


def _csv_rows(
    rows: list[signposting.ReportRow],
    terms: list[signposting.ReportRow],
    from_plans: list[signposting.PlanRow],
) -> Iterator[list[object]]:
    yield [
        "group",
        "name",
        "people signposted",
        "follow-ups done",
        "used it",
        "need met",
        "formal assessment within 3 months",
        "within 6 months",
        "within 12 months",
    ]
    for group, items in (("service", rows), ("need", terms)):
        for r in items:
            yield [
                group,
                r.label,
                r.signposted,
                r.followed_up,
                r.used,
                r.need_met,
                r.within_3,
                r.within_6,
                r.within_12,
            ]
    for p in from_plans:
        yield ["service in support plans", p.label, p.people, p.followed_up] + [
            p.used,
            p.need_met,
            "",
            "",
            "",
        ]

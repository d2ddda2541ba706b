import datetime
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.charts import bar_chart
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor

from . import signposting
from .forms import PeriodForm


@require_GET
def signposting_report(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    require(actor(request), Capability.SEE_SIGNPOSTING_REPORT)
    # Opened without a period, the report covers the last twelve months (counting
    # every contact ever recorded costs seconds at national scale); a period the
    # user gives, or clears to both ends open, is used as given.
    start: datetime.date | None
    end: datetime.date | None
    start, end = signposting.default_period(timezone.localdate())
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if form.is_bound:
        start = end = None
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    rows = signposting.by_service(start, end)
    terms = signposting.by_term(start, end)
    from_plans = signposting.plan_supports_by_service(start, end)
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
    }
    return render(request, "insights/signposting_report.html", context)


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

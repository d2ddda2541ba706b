"""Finance views: spend by option, service group and locality; monitoring; surplus."""

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core import summaries
from selfdirect.core.charts import bar_chart
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor
from selfdirect.core.pagination import CappedPaginator
from selfdirect.core.summary_pages import keep_or_watch

from .. import rules, selectors
from .. import summaries as spend_summary
from ..forms import DueFilterForm
from ..summaries import SPEND

PAGE_SIZE = 25
DUE_SOON_DAYS = 14


def _spend(request: HttpRequest) -> tuple[selectors.Spend, dict[str, Any]]:
    """The reader's spend figures: the kept summary where their figures are kept
    (said to be out of date when it is), else worked out over the live records;
    and what the page says about where they came from."""
    user = actor(request)
    require(user, Capability.SEE_FINANCE)
    today = timezone.localdate()
    params = spend_summary.params_for(user, today)
    snapshot = summaries.current(SPEND, params) if params else None
    if snapshot is not None and snapshot.data is not None:
        spend = spend_summary.from_data(snapshot.data, _("Not recorded"))
    else:
        spend = selectors.spend(user, today, _("Not recorded"))
    status = summaries.page_context(SPEND, params, snapshot) if params else {}
    return spend, status


@require_http_methods(["GET", "POST"])
def spend_refresh(request: HttpRequest) -> HttpResponse:
    """Refresh the kept spend figures (POST) and watch the progress (GET)."""
    user = actor(request)
    require(user, Capability.SEE_FINANCE)
    params = spend_summary.params_for(user, timezone.localdate())
    if params is None:  # this reader's figures are worked out live
        return redirect("delivery:finance")
    return keep_or_watch(
        request,
        SPEND,
        params,
        by=user,
        report_url=reverse("delivery:finance"),
        progress_url=reverse("delivery:finance_summary"),
        report_title=_("Spend on support"),
        scope=_("For the whole partnership, today."),
    )


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    spend, status = _spend(request)
    labels = [_("Option 1"), _("Option 2"), _("Option 3")]
    chart = bar_chart(
        title=_("Yearly committed spend by option (£)"),
        labels=labels,
        series={_("Committed a year (£)"): list(spend.by_option.values())},
    )
    locality_chart = bar_chart(
        title=_("Yearly committed spend by locality and option (£)"),
        labels=[row.label for row in spend.rows["locality"]],
        series={
            label: [row.by_option[option] for row in spend.rows["locality"]]
            for option, label in zip((1, 2, 3), labels, strict=True)
        },
    )
    context = {
        "spend": spend,
        "chart": chart,
        "locality_chart": locality_chart,
        "options": list(zip(labels, spend.by_option.values(), strict=True)),
        **status,
    }
    return render(request, "delivery/finance.html", context)


@require_GET
def spend_csv(request: HttpRequest) -> StreamingHttpResponse:
    return csv_response("spend-by-option.csv", _spend_rows(_spend(request)[0]))


def _spend_rows(spend: selectors.Spend) -> Iterator[list[object]]:
    yield [
        "view",
        "group",
        "option_1",
        "option_2",
        "option_3",
        "total",
        "dp_paid_this_year",
    ]
    yield ["all", "all", *spend.by_option.values(), spend.total, spend.paid]
    for view, rows in spend.rows.items():
        for row in rows:
            yield [view, row.label, *row.by_option.values(), row.total, row.paid]


@require_GET
def monitoring_due(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_FINANCE)
    form = DueFilterForm(request.GET or None)
    within = DUE_SOON_DAYS
    if form.is_bound and form.is_valid() and form.cleaned_data["within"] is not None:
        within = form.cleaned_data["within"]
    today = timezone.localdate()
    returns = selectors.returns_due(user, today=today, within_days=within)
    page_obj = CappedPaginator(returns, PAGE_SIZE).get_page(request.GET.get("page"))
    rows: list[tuple[Any, Any]] = [
        (
            r,
            rules.monitoring_status(
                due_on=r.due_on, received_on=None, today=today, within_days=within
            ),
        )
        for r in page_obj.object_list
    ]
    context = {
        "form": form,
        "page_obj": page_obj,
        "rows": rows,
        "within": within,
        "can_record": user.can(Capability.RECORD_FINANCE),
    }
    return render(request, "delivery/monitoring_due.html", context)


@require_GET
def surplus(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_FINANCE)
    returns = selectors.surplus_to_recover(user)
    page_obj = CappedPaginator(returns, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "total": selectors.surplus_outstanding(returns),
        "today": timezone.localdate(),
        "can_record": user.can(Capability.RECORD_FINANCE),
    }
    return render(request, "delivery/surplus.html", context)

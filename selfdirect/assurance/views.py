"""The reading of every case file: results (GET) and starting it and watching its
progress. Counts only, never a person's record: the capability decides who sees
them (quality leads and inspectors), and only a quality lead starts a reading."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core import summaries
from selfdirect.core.charts import bar_chart
from selfdirect.core.http import actor
from selfdirect.core.summary_pages import keep_or_watch

from .selectors import results_rows
from .summaries import POPULATION, params


@require_GET
def population_reading(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_FILE_READING)
    kept = params()
    snapshot = summaries.current(POPULATION, kept)
    rows = results_rows(snapshot.data) if snapshot and snapshot.data is not None else []
    chart = (
        bar_chart(
            title=_("Files answering yes, as a share of those the question applies to"),
            labels=[r["id"].replace("_", " ") for r in rows],
            series={_("Yes (%)"): [r["rate"] for r in rows]},
        )
        if rows
        else None
    )
    context = {
        "rows": rows,
        "chart": chart,
        "data": snapshot.data if snapshot else None,
        "may_run": user.can(Capability.RUN_FILE_READING),
        **summaries.page_context(POPULATION, kept, snapshot),
    }
    return render(request, "assurance/population.html", context)


@require_http_methods(["GET", "POST"])
def population_progress(request: HttpRequest) -> HttpResponse:
    """Start a reading (POST, quality leads) and watch how far it has got (GET)."""
    user = actor(request)
    require(user, Capability.SEE_FILE_READING)
    kept = params()
    report_url = reverse("assurance:population_reading")
    if request.method == "POST":
        require(user, Capability.RUN_FILE_READING)
    return keep_or_watch(
        request,
        POPULATION,
        kept,
        by=user,
        report_url=report_url,
        progress_url=request.path + "?" + summaries.encode(kept),
        report_title=_("Reading every case file"),
        scope=_("Every person's case file, read against criteria set %(version)s.")
        % {"version": kept["criteria"]},
    )

"""The page every kept summary shares: keep or refresh it (POST), then watch the
background worker work it out (GET, `core/summary_progress.html`). Each report's
view checks the user's right to the report first and passes what it alone knows:
the parameters, where the report and this page are, and what the summary covers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import summaries


def keep_or_watch(
    request: HttpRequest,
    summary: summaries.Summary,
    params: summaries.Params,
    *,
    by: Any,
    report_url: str,
    progress_url: str,
    report_title: Any,
    scope: Any,
) -> HttpResponse:
    """POST: queue the summary's refresh as `by` and show its progress. GET: its
    progress, or back to the report when it is not being worked out."""
    if request.method == "POST":
        summaries.refresh(summary, params, by=by)
        return redirect(progress_url)
    snapshot = summaries.current(summary, params)
    if snapshot is None or snapshot.job is None:
        return redirect(report_url)
    context = {
        **summaries.progress_context(
            snapshot,
            report_url=report_url,
            progress_url=progress_url,
            stop=request.GET.get("refresh") == "off",
        ),
        "report_title": report_title,
        "scope": scope,
    }
    return render(request, "core/summary_progress.html", context)

"""The funder's report (an organisation's manager) and the partnership's report of
the uptake of independent support (council managers, quality leads, inspectors)."""

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor
from selfdirect.core.pdf import render_pdf_response

from .. import case_studies, reports
from ..report_forms import period


def _funder(request: HttpRequest) -> dict[str, Any]:
    user = actor(request)
    require(user, Capability.MANAGE_ORGANISATION)
    form, start, end = period(request.GET)
    return {
        "form": form,
        "start": start,
        "end": end,
        "organisation": user.organization,
        "sections": reports.funder_report(user, start, end),
        "stories": case_studies.chosen(user, start, end),
        "query": request.GET.urlencode(),
    }


@require_GET
def funder_report(request: HttpRequest) -> HttpResponse:
    return render(request, "independent/funder_report.html", _funder(request))


@require_GET
def funder_report_csv(request: HttpRequest) -> StreamingHttpResponse:
    context = _funder(request)

    def rows() -> Iterator[list[object]]:
        yield [_("Section"), _("Measure"), _("Count")]
        for section in context["sections"]:
            for label, count in section.rows:
                yield [section.title, label, reports.suppressed(count)]
        for story in context["stories"]:
            yield [_("Case studies"), f"{story.title} ({story.told_on:%d/%m/%Y})", ""]

    return csv_response("funder-report.csv", rows())


@require_GET
def funder_report_pdf(request: HttpRequest) -> HttpResponse:
    context = _funder(request) | {"suppress": True}
    return render_pdf_response(
        "independent/funder_report_pdf.html", context, filename="funder-report.pdf"
    )


def _uptake(request: HttpRequest) -> dict[str, Any]:
    require(actor(request), Capability.SEE_INDEPENDENT_UPTAKE)
    form, start, end = period(request.GET)
    return {
        "form": form,
        "start": start,
        "end": end,
        "rows": reports.uptake(start, end),
        "outcomes": reports.uptake_outcomes(start, end),
        "query": request.GET.urlencode(),
    }


@require_GET
def uptake_report(request: HttpRequest) -> HttpResponse:
    return render(request, "independent/uptake_report.html", _uptake(request))


@require_GET
def uptake_report_csv(request: HttpRequest) -> StreamingHttpResponse:
    context = _uptake(request)
    s = reports.suppressed

    def rows() -> Iterator[list[object]]:
        yield [
            _("Organisation"),
            _("Locality"),
            _("Referrals made"),
            _("Waiting"),
            _("Accepted"),
            _("Declined"),
            _("Closed"),
        ]
        for r in context["rows"]:
            yield [r.organisation, r.locality, s(r.made), s(r.waiting)] + [
                s(r.accepted),
                s(r.declined),
                s(r.closed),
            ]

    return csv_response("independent-support-uptake.csv", rows())

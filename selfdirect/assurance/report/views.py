"""An exercise's results page, its CSV and its tagged PDF."""

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from selfdirect.core.charts import Chart, bar_chart
from selfdirect.core.csv import csv_response
from selfdirect.core.http import actor
from selfdirect.core.pdf import render_pdf_response

from ..models import ReadingExercise
from .access import require_results
from .queries import ExerciseReport, exercise_report


def _report(request: HttpRequest, exercise_id: str) -> ExerciseReport:
    require_results(actor(request))
    exercise = get_object_or_404(ReadingExercise, public_id=exercise_id)
    return exercise_report(exercise)


def _context(report: ExerciseReport) -> dict[str, Any]:
    return {"report": report, "exercise": report.exercise}


@require_GET
def exercise_results(request: HttpRequest, exercise_id: str) -> HttpResponse:
    """The results page: by criterion, by team, the change, and agreement."""
    report = _report(request, exercise_id)
    context = {**_context(report), "chart": results_chart(report)}
    return render(request, "assurance/exercise_results.html", context)


@require_GET
def exercise_results_pdf(request: HttpRequest, exercise_id: str) -> HttpResponse:
    report = _report(request, exercise_id)
    return render_pdf_response(
        "assurance/exercise_results_pdf.html",
        _context(report),
        filename="file-reading-results.pdf",
    )


@require_GET
def exercise_results_csv(
    request: HttpRequest, exercise_id: str
) -> StreamingHttpResponse:
    report = _report(request, exercise_id)
    return csv_response("file-reading-results.csv", csv_rows(report))


def results_chart(report: ExerciseReport) -> Chart:
    """Share answered yes by criterion, with the previous exercise beside it."""
    rows = report.results.criteria
    series: dict[str, list[int | None]] = {
        report.exercise.name: [r.tally.percent for r in rows]
    }
    if report.previous is not None:
        series[report.previous.name] = [
            None if r.previous is None else r.previous.percent for r in rows
        ]
    return bar_chart(
        title=_("Files answered yes, as a percentage of the files each applies to"),
        labels=[r.criterion.replace("_", " ").capitalize() for r in rows],
        series=series,
    )


CSV_HEADER: list[object] = [
    "criterion",
    "question",
    "team",
    "yes",
    "partly",
    "no",
    "not_applicable",
    "applies_to",
    "percent_yes",
    "quantity_term",
    "previous_percent_yes",
    "change_points",
    "kappa_between_readers",
    "files_read_twice",
    "kappa_people_and_automatic_reader",
    "percent_overridden",
    "rule_needs_work",
]


def csv_rows(report: ExerciseReport) -> Iterator[list[object]]:
    """A row per criterion for all teams (with agreement), then one per team."""
    yield CSV_HEADER
    readers = {a.criterion: a for a in report.readers}
    automatic = {a.criterion: a for a in report.automatic}
    overrides = {o.criterion: o for o in report.overrides}
    for result in report.results.criteria:
        previous = result.previous
        pair, auto = readers[result.criterion], automatic[result.criterion]
        rate = overrides[result.criterion]
        yield [
            result.criterion,
            result.question,
            "all teams",
            *_tally_cells(result.tally),
            "" if previous is None or previous.percent is None else previous.percent,
            "" if result.change is None else result.change,
            pair.kappa_display,
            pair.pairs,
            auto.kappa_display,
            "" if rate.percent is None else rate.percent,
            "yes" if rate.needs_work else "no",
        ]
        for team in result.teams:
            yield [
                result.criterion,
                result.question,
                team.team or "no team",
                *_tally_cells(team.tally),
                *[""] * 7,
            ]


def _tally_cells(tally: Any) -> list[object]:
    return [
        tally.yes,
        tally.partly,
        tally.no,
        tally.not_applicable,
        tally.applies,
        "" if tally.percent is None else tally.percent,
        tally.term,
    ]

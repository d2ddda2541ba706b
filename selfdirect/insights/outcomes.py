"""The outcomes report: how the outcomes in agreed reviews went, counted in the
database. The counting rules are in docs/reviews.md ("The outcomes report"), with
a worked example that insights/tests/test_outcomes.py reproduces.

Every figure is two counts: outcomes (one per outcome per agreed review) and
distinct people. Each breakdown is one GROUP BY query; the whole report is a fixed
number of queries, whatever the number of people or groups."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncQuarter
from django.utils.translation import gettext as _

from selfdirect.core.dates import add_months
from selfdirect.core.jobs import Progress
from selfdirect.reviews import aggregates
from selfdirect.reviews.selectors import levels, questions

PERSON = "review__person"
# The ways the outcomes are broken down, in the order the page shows them.
BREAKDOWNS = ("service_group", "locality", "team", "option", "domain")
NONE_KEY = "none"


def breakdown_titles() -> dict[str, str]:
    return {
        "all": _("All reviewed outcomes"),
        "service_group": _("By service group"),
        "locality": _("By locality"),
        "team": _("By team"),
        "option": _("By self-directed support option"),
        "domain": _("By outcome domain (Talking Points)"),
        "quarter": _("By quarter"),
    }


def none_labels() -> dict[str, str]:
    return {
        "service_group": _("No service group recorded"),
        "locality": _("No locality recorded"),
        "team": _("Not allocated to a team"),
        "option": _("No option (unpaid or community support, or no support)"),
        "domain": _("No outcome domain coded"),
    }


# --- Periods -----------------------------------------------------------------


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Opened without a period, the report covers the twelve months up to today."""
    return add_months(today, -12) + datetime.timedelta(days=1), today


def financial_year(year: int) -> tuple[datetime.date, datetime.date]:
    """The financial year starting 1 April `year`, to 31 March the next year."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def quarter_label(start: datetime.date) -> str:
    """A calendar quarter's first day as a financial-year quarter: April to June
    2026 is "2026/27 Q1"; January to March 2027 is "2026/27 Q4"."""
    year = start.year if start.month >= 4 else start.year - 1
    number = ((start.month - 4) % 12) // 3 + 1
    return f"{year}/{str(year + 1)[2:]} Q{number}"


# --- The report --------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    code: str
    name: str
    poor: bool


@dataclass(frozen=True)
class Cell:
    """Outcomes at one point of the scale in a row, and the people they belong to."""

    level: str
    outcomes: int
    people: int
    share: int  # per cent of the row's outcomes, rounded


@dataclass(frozen=True)
class Row:
    key: str  # what the drill-through link names the row by; NONE_KEY for "none"
    label: str
    outcomes: int
    people: int
    cells: list[Cell]

    def cell(self, code: str) -> Cell | None:
        return next((c for c in self.cells if c.level == code), None)


@dataclass(frozen=True)
class ReasonRow:
    code: str
    label: str
    outcomes: int
    people: int


@dataclass(frozen=True)
class Answer:
    answer: str
    label: str
    supports: int
    people: int


@dataclass(frozen=True)
class QuestionRow:
    code: str
    wording: str
    answers: list[Answer]
    not_recorded: int  # supports reviewed with no answer kept for this question


@dataclass(frozen=True)
class Timeliness:
    reviews: int
    people: int
    on_time: int
    on_time_people: int
    late: int
    late_people: int


@dataclass
class Report:
    start: datetime.date | None
    end: datetime.date | None
    levels: list[Level]
    overall: Row
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)
    quarters: list[Row] = field(default_factory=list)
    poor_outcomes: int = 0
    poor_people: int = 0
    reasons: list[ReasonRow] = field(default_factory=list)
    supports_reviewed: int = 0
    choice_and_control: list[QuestionRow] = field(default_factory=list)
    timeliness: Timeliness | None = None


def outcomes_report(
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    progress: Progress | None = None,
) -> Report:
    """Every figure of the outcomes report for reviews agreed in the period (as
    the background worker keeps it, with `progress`: insights/summaries.py)."""

    def step(percent: int, stage: str) -> None:
        if progress is not None:
            progress.update(percent, stage)

    scale = [Level(lv.code, lv.name, lv.poor) for lv in levels()]
    outcomes = aggregates.reviewed_outcomes(start, end)
    step(10, _("Counting all reviewed outcomes"))
    overall = _rows(outcomes, None, scale)
    report = Report(
        start=start,
        end=end,
        levels=scale,
        overall=overall[0] if overall else Row("", _("All"), 0, 0, []),
    )
    titles = breakdown_titles()
    for n, name in enumerate(BREAKDOWNS):
        step(15 + 10 * n, titles[name])
        report.breakdowns[name] = _rows(outcomes, name, scale)
    step(65, titles["quarter"])
    report.quarters = _quarters(outcomes, scale)
    step(75, _("Counting the reasons outcomes were not fully met"))
    _add_reasons(report, outcomes)
    step(82, _("Counting the choice-and-control answers"))
    _add_choice_and_control(report, start, end)
    step(90, _("Counting reviews in time and late"))
    report.timeliness = _timeliness(start, end)
    return report


# --- Kept as a summary (core.summaries) ----------------------------------------


def report_data(report: Report) -> dict[str, Any]:
    """The report as JSON-able data, to keep as a summary (`report_from_data`
    gives it back, equal)."""
    data = dataclasses.asdict(report)
    for end in ("start", "end"):
        data[end] = data[end].isoformat() if data[end] else None
    return data


def _row_from(data: Mapping[str, Any]) -> Row:
    return Row(**{**data, "cells": [Cell(**c) for c in data["cells"]]})


def report_from_data(data: Mapping[str, Any]) -> Report:
    """A report back from `report_data`."""
    when = {
        k: datetime.date.fromisoformat(data[k]) if data[k] else None
        for k in ("start", "end")
    }
    timeliness = data["timeliness"]
    return Report(
        start=when["start"],
        end=when["end"],
        levels=[Level(**lv) for lv in data["levels"]],
        overall=_row_from(data["overall"]),
        # In the page's order: PostgreSQL's jsonb keeps an object's keys in an
        # order of its own.
        breakdowns={
            k: [_row_from(r) for r in data["breakdowns"][k]]
            for k in BREAKDOWNS
            if k in data["breakdowns"]
        },
        quarters=[_row_from(r) for r in data["quarters"]],
        poor_outcomes=data["poor_outcomes"],
        poor_people=data["poor_people"],
        reasons=[ReasonRow(**r) for r in data["reasons"]],
        supports_reviewed=data["supports_reviewed"],
        choice_and_control=[
            QuestionRow(**{**q, "answers": [Answer(**a) for a in q["answers"]]})
            for q in data["choice_and_control"]
        ],
        timeliness=Timeliness(**timeliness) if timeliness is not None else None,
    )


def _level_counts(scale: list[Level], *, repeats: bool = False) -> dict[str, Any]:
    """Outcomes and distinct people, in all and at each point of the scale.
    `repeats`: the grouping can join one outcome to the same group twice (two
    supports under one option), so outcomes are counted distinct too; elsewhere
    each outcome meets a group once, and a plain count saves a sort."""
    counts: dict[str, Any] = {
        "n_outcomes": Count("id", distinct=repeats),
        "n_people": Count(PERSON, distinct=True),
    }
    for i, level in enumerate(scale):
        at = Q(level__code=level.code)
        counts[f"o{i}"] = Count("id", distinct=repeats, filter=at)
        counts[f"p{i}"] = Count(PERSON, distinct=True, filter=at)
    return counts


def _row(key: str, label: str, values: dict[str, Any], scale: list[Level]) -> Row:
    total = values["n_outcomes"]
    cells = [
        Cell(
            level.code,
            values[f"o{i}"],
            values[f"p{i}"],
            round(100 * values[f"o{i}"] / total) if total else 0,
        )
        for i, level in enumerate(scale)
    ]
    return Row(key, label, total, values["n_people"], cells)


def _rows(
    outcomes: QuerySet[Any], dimension: str | None, scale: list[Level]
) -> list[Row]:
    """One row per value of the dimension (None: one row for everything)."""
    if dimension is None:
        values = outcomes.aggregate(**_level_counts(scale))
        return [_row("", _("All reviewed outcomes"), values, scale)]
    key, label = aggregates.OUTCOME_DIMENSIONS[dimension]
    if dimension == "team":
        outcomes = aggregates.with_team(outcomes)
    counts = _level_counts(scale, repeats=dimension == "option")
    grouped = outcomes.values(key, label).annotate(**counts).order_by()
    rows = []
    for values in grouped:
        if values[key] is None:
            rows.append(_row(NONE_KEY, none_labels()[dimension], values, scale))
        elif dimension == "option":
            text = aggregates.OPTION_LABELS.get(values[key], str(values[key]))
            rows.append(_row(str(values[key]), str(text), values, scale))
        else:
            rows.append(_row(str(values[key]), str(values[label]), values, scale))
    # Sorting the few grouped rows (not the outcomes): "none" last.
    return sorted(rows, key=lambda r: (r.key == NONE_KEY, r.label.casefold()))


def _quarters(outcomes: QuerySet[Any], scale: list[Level]) -> list[Row]:
    grouped = (
        outcomes.annotate(quarter=TruncQuarter("review__agreed_on"))
        .values("quarter")
        .annotate(**_level_counts(scale))
        .order_by("quarter")
    )
    rows = []
    for values in grouped:
        first = values["quarter"]
        if isinstance(first, datetime.datetime):
            first = first.date()
        rows.append(_row(first.isoformat(), quarter_label(first), values, scale))
    return rows


def _add_reasons(report: Report, outcomes: QuerySet[Any]) -> None:
    poor = outcomes.filter(level__poor=True)
    totals = poor.aggregate(outcomes=Count("id"), people=Count(PERSON, distinct=True))
    report.poor_outcomes, report.poor_people = totals["outcomes"], totals["people"]
    grouped = (
        poor.filter(reasons__isnull=False)
        .values("reasons__code")
        .annotate(
            name=Max("reasons__name"),
            n_outcomes=Count("id"),
            n_people=Count(PERSON, distinct=True),
        )
        .order_by("-n_outcomes", "reasons__code")
    )
    report.reasons = [
        ReasonRow(r["reasons__code"], r["name"], r["n_outcomes"], r["n_people"])
        for r in grouped
    ]


def _add_choice_and_control(
    report: Report, start: datetime.date | None, end: datetime.date | None
) -> None:
    asked = list(questions())
    answers = aggregates.FEEDBACK_ANSWERS
    counts: dict[str, Any] = {"n_supports": Count("id")}
    for i, question in enumerate(asked):
        for j, (answer, _label) in enumerate(answers):
            given = Q(**{f"feedback__{question.code}": answer})
            counts[f"s{i}_{j}"] = Count("id", filter=given)
            counts[f"p{i}_{j}"] = Count(PERSON, distinct=True, filter=given)
    values = aggregates.reviewed_supports(start, end).aggregate(**counts)
    report.supports_reviewed = values["n_supports"]
    for i, question in enumerate(asked):
        answered = [
            Answer(answer, str(label), values[f"s{i}_{j}"], values[f"p{i}_{j}"])
            for j, (answer, label) in enumerate(answers)
        ]
        report.choice_and_control.append(
            QuestionRow(
                question.code,
                question.wording,
                answered,
                values["n_supports"] - sum(a.supports for a in answered),
            )
        )


def _timeliness(start: datetime.date | None, end: datetime.date | None) -> Timeliness:
    in_time, late = aggregates.on_time(), ~aggregates.on_time()
    values = aggregates.agreed_reviews(start, end).aggregate(
        reviews=Count("id"),
        people=Count("person", distinct=True),
        on_time=Count("id", filter=in_time),
        on_time_people=Count("person", distinct=True, filter=in_time),
        late=Count("id", filter=late),
        late_people=Count("person", distinct=True, filter=late),
    )
    return Timeliness(**values)

"""The outcomes report laid out for its page and its CSV: rows of figures, each
count with its drill-through link where the user may see the people behind it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from selfdirect.reviews import aggregates
from selfdirect.reviews.selectors import levels, questions, reasons

from .outcome_drill import Drill
from .outcomes import Report, Row, breakdown_titles

Link = dict[str, str] | None  # the period as link parameters; None: no links


@dataclass(frozen=True)
class Figure:
    outcomes: int
    people: int
    share: int | None = None
    link: str = ""
    name: str = ""  # what the figure counts, for its link's accessible name

    @property
    def people_text(self) -> str:
        return ngettext("%(n)s person", "%(n)s people", self.people) % {
            "n": intcomma(self.people)
        }

    @property
    def outcomes_text(self) -> str:
        return ngettext("%(n)s outcome", "%(n)s outcomes", self.outcomes) % {
            "n": intcomma(self.outcomes)
        }


@dataclass(frozen=True)
class TableRow:
    label: str
    total: Figure
    cells: list[Figure]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    rows: list[TableRow]


def _url(drill: Drill, link: Link) -> str:
    if link is None:
        return ""
    return f"{_people_url()}?{drill.query(link)}"


def _people_url() -> str:
    return reverse("insights:outcomes_people")


def _table_row(report: Report, by: str, row: Row, link: Link) -> TableRow:
    names = {lv.code: lv.name for lv in report.levels}
    return TableRow(
        row.label,
        Figure(
            row.outcomes,
            row.people,
            None,
            _url(Drill(by, row.key), link),
            _("outcomes reviewed"),
        ),
        [
            Figure(
                cell.outcomes,
                cell.people,
                cell.share,
                _url(Drill(by, row.key, level=cell.level), link),
                names[cell.level],
            )
            for cell in row.cells
        ],
    )


def tables(report: Report, link: Link) -> list[Table]:
    """The overall row, each breakdown and the quarters, in the page's order."""
    titles = breakdown_titles()
    found = [
        Table("all", titles["all"], [_table_row(report, "all", report.overall, link)])
    ]
    for name, rows in report.breakdowns.items():
        found.append(
            Table(name, titles[name], [_table_row(report, name, r, link) for r in rows])
        )
    found.append(
        Table(
            "quarter",
            titles["quarter"],
            [_table_row(report, "quarter", r, link) for r in report.quarters],
        )
    )
    return found


def reason_rows(report: Report, link: Link) -> list[TableRow]:
    return [
        TableRow(
            r.label,
            Figure(r.outcomes, r.people, None, _url(Drill(reason=r.code), link)),
            [],
        )
        for r in report.reasons
    ]


def choice_rows(report: Report, link: Link) -> list[TableRow]:
    return [
        TableRow(
            q.wording,
            Figure(0, 0),
            [
                Figure(
                    a.supports,
                    a.people,
                    None,
                    _url(Drill(question=q.code, answer=a.answer), link),
                    a.label,
                )
                for a in q.answers
            ],
        )
        for q in report.choice_and_control
    ]


def timeliness_rows(report: Report, link: Link) -> list[TableRow]:
    t = report.timeliness
    if t is None:
        return []
    return [
        TableRow(
            _("In time"),
            Figure(
                t.on_time, t.on_time_people, None, _url(Drill(reviews="on_time"), link)
            ),
            [],
        ),
        TableRow(
            _("Late"),
            Figure(t.late, t.late_people, None, _url(Drill(reviews="late"), link)),
            [],
        ),
        TableRow(
            _("All agreed reviews"),
            Figure(t.reviews, t.people, None, _url(Drill(reviews="all"), link)),
            [],
        ),
    ]


def _name(items: Any, code: str, field: str = "name") -> str:
    found = list(items.filter(code=code).values_list(field, flat=True)[:1])
    return str(found[0]) if found else code.replace("_", " ")


def measure_label(drill: Drill) -> str:
    """What the count counts, in words, for the drill-through page."""
    if drill.reviews:
        return {
            "on_time": _("People with a review agreed in time"),
            "late": _("People with a review agreed late"),
        }.get(drill.reviews, _("People with an agreed review"))
    if drill.question:
        answers = dict(aggregates.FEEDBACK_ANSWERS)
        return _("People who answered “%(answer)s” to “%(question)s”") % {
            "answer": answers.get(drill.answer, drill.answer),
            "question": _name(questions(), drill.question, "wording"),
        }
    if drill.reason:
        return _("People with an outcome not fully met because: %(reason)s") % {
            "reason": _name(reasons(), drill.reason)
        }
    if drill.level:
        return _("People with an outcome reviewed as: %(level)s") % {
            "level": _name(levels(), drill.level)
        }
    return _("People with a reviewed outcome")


def csv_rows(report: Report) -> Iterator[list[object]]:
    """The report as one CSV: every figure as outcomes and people."""
    levels = report.levels
    yield [
        "section",
        "group",
        "outcomes reviewed",
        "people",
        *[
            f"{lv.name} {what}".lower()
            for lv in levels
            for what in ("outcomes", "people", "per cent")
        ],
    ]
    for table in tables(report, None):
        for row in table.rows:
            yield [
                table.title,
                row.label,
                row.total.outcomes,
                row.total.people,
                *[v for c in row.cells for v in (c.outcomes, c.people, c.share)],
            ]
    yield [
        "Poor outcomes (partly or not met)",
        "All",
        report.poor_outcomes,
        report.poor_people,
    ]
    for row in reason_rows(report, None):
        yield [
            "Reasons outcomes were not fully met",
            row.label,
            row.total.outcomes,
            row.total.people,
        ]
    for q in report.choice_and_control:
        for a in q.answers:
            yield [
                "Choice and control (supports reviewed)",
                f"{q.wording}: {a.label}",
                a.supports,
                a.people,
            ]
    for row in timeliness_rows(report, None):
        yield [
            "Reviews agreed (reviews, people)",
            row.label,
            row.total.outcomes,
            row.total.people,
        ]

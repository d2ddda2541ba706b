"""The carers report laid out for its page, its chart and its CSV."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from selfdirect.core.charts import Chart, bar_chart

from .carer_report import (
    BREAKDOWNS,
    MEASURES,
    ItemRow,
    Report,
    Row,
    breakdown_titles,
    measure_names,
)


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class ItemTable:
    name: str
    title: str
    rows: list[ItemRow]


def tables(report: Report) -> list[Table]:
    """Everyone, then each breakdown, in the page's order."""
    titles = breakdown_titles()
    return [Table("all", titles["all"], [report.overall])] + [
        Table(name, titles[name], report.breakdowns[name]) for name in BREAKDOWNS
    ]


def domain_tables(report: Report) -> list[ItemTable]:
    titles = breakdown_titles()
    return [
        ItemTable(name, titles[name], rows) for name, rows in report.domains.items()
    ]


def break_tables(report: Report) -> list[ItemTable]:
    titles = breakdown_titles()
    return [ItemTable(name, titles[name], rows) for name, rows in report.breaks.items()]


def chart(report: Report) -> Chart:
    """The funnel for young and adult carers (the same figures as the age group
    table)."""
    names = measure_names()
    shown = ("identified", "offered", "accepted", "completed", "reviewed")
    rows = report.breakdowns["age_group"]
    return bar_chart(
        title=_(
            "Carers identified, offered, accepting, with a completed plan and reviewed"
        ),
        labels=[names[m] for m in shown],
        series={r.label: [r.counts[m] for m in shown] for r in rows}
        or {_("Carers"): [0 for _m in shown]},
        horizontal=True,
    )


def csv_rows(report: Report) -> Iterator[list[object]]:
    """The report as one CSV: every figure, with the section and group it is for."""
    names = measure_names()
    yield [
        "section",
        "group",
        *[names[m].lower() for m in MEASURES],
        "plans timed (offer to completion)",
        "median days",
        "90th percentile days",
    ]
    for table in tables(report):
        for row in table.rows:
            yield [
                table.title,
                row.label,
                *[row.counts[m] for m in MEASURES],
                row.timing.plans,
                "" if row.timing.median_days is None else row.timing.median_days,
                "" if row.timing.p90_days is None else row.timing.p90_days,
            ]
    yield []
    yield ["section", "group", "domain", "eligible (carers)", "not eligible (carers)"]
    for items in domain_tables(report):
        for item in items.rows:
            yield [
                f"{_('Eligibility by domain')}: {items.title}",
                item.group or _("All"),
                item.label,
                item.first,
                item.second,
            ]
    yield []
    yield ["section", "group", "kind of break", "breaks", "carers"]
    for items in break_tables(report):
        for item in items.rows:
            yield [
                f"{_('Breaks from caring')}: {items.title}",
                item.group or _("All"),
                item.label,
                item.first,
                item.second,
            ]

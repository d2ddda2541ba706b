"""The carers report: carers identified, offered, accepted, completed and reviewed,
the time from offer to completed plan, eligibility by domain and breaks from caring, for a
financial year or quarter, in all and by age group, locality and the cared-for
person's service group. The counting rules are in docs/carers.md ("The carers
report"), with a worked example that insights/tests/test_carer_report.py
reproduces.

Each figure is grouped in the database (`carers.aggregates`); the whole report is
a fixed number of queries, whatever the number of carers or groups. The time to
completion is the one exception to GROUP BY: its median and 90th percentile are
taken over a single list of day counts, one per plan agreed in the period."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from selfdirect.carers import aggregates
from selfdirect.carers.models import BreakFromCaring

from .indicators.periods import Period

BREAKDOWNS = ("age_group", "locality", "service_group")
NONE_KEY = "none"
# A step added to `carers.aggregates.STEPS` (carers' reviews) joins every table.
MEASURES = aggregates.MEASURES


def breakdown_titles() -> dict[str, str]:
    return {
        "all": _("All carers"),
        "age_group": _("By age group"),
        "locality": _("By the carer's locality"),
        "service_group": _("By the cared-for person's service group"),
    }


def measure_names() -> dict[str, str]:
    """Each measure's column heading (a step with no wording here is named by its
    code)."""
    names = {
        "identified": _("Identified"),
        "offered": _("Offered a plan or statement, or asked for one"),
        "accepted": _("Accepted, or asked"),
        "completed": _("Plan or statement completed"),
        "reviewed": _("Plan or statement reviewed"),
        "eligible": _("Completed, with an eligible need"),
        "not_eligible": _("Completed, no eligible need"),
        "with_break": _("Completed, with a break from caring"),
    }
    return {m: names.get(m, m.replace("_", " ").capitalize()) for m in MEASURES}


def none_labels() -> dict[str, str]:
    return {
        "age_group": _("Age not known"),
        "locality": _("No locality recorded"),
        "service_group": _("No service group recorded"),
    }


def group_label(dimension: str, key: Any, label: Any) -> str:
    if key is None:
        return none_labels()[dimension]
    if dimension == "age_group":
        return {
            aggregates.YOUNG: _("Young carers"),
            aggregates.ADULT: _("Adult carers"),
        }[key]
    return str(label)


@dataclass(frozen=True)
class Timing:
    plans: int
    median_days: int | None
    p90_days: int | None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    counts: dict[str, int]
    timing: Timing


@dataclass(frozen=True)
class ItemRow:
    """A domain's eligible and not eligible carers, or a kind of break's breaks
    and carers, for one group."""

    group: str
    item: str
    label: str
    first: int
    second: int


@dataclass
class Report:
    period: Period
    overall: Row
    breakdowns: dict[str, list[Row]] = field(default_factory=dict)
    domains: dict[str, list[ItemRow]] = field(default_factory=dict)
    breaks: dict[str, list[ItemRow]] = field(default_factory=dict)


def percentile(days: list[int], share: float) -> int | None:
    """The nearest-rank percentile of sorted day counts (as `indicators.timings`)."""
    if not days:
        return None
    return days[max(1, math.ceil(share * len(days))) - 1]


def _timing(days: list[int]) -> Timing:
    ordered = sorted(days)
    return Timing(len(ordered), percentile(ordered, 0.5), percentile(ordered, 0.9))


def _timings(period: Period) -> dict[str, dict[Any, Timing]]:
    """The time from offer to completion for everyone and by each breakdown, from
    one list of (plan, age group, locality, service group, days)."""
    found: dict[str, dict[Any, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for pk, age, locality, group, days in aggregates.offer_to_completion(
        period.start, period.end
    ):
        found["all"][""][pk] = days
        found["age_group"][age][pk] = days
        found["locality"][locality][pk] = days
        found["service_group"][group][pk] = days
    return {
        name: {key: _timing(list(plans.values())) for key, plans in groups.items()}
        for name, groups in found.items()
    }


NO_TIMING = Timing(0, None, None)


def carers_report(period: Period) -> Report:
    """Every figure of the carers report for the period."""
    timings = _timings(period)
    overall = aggregates.funnel(period.start, period.end, None)[0]
    report = Report(
        period=period,
        overall=Row(
            "",
            breakdown_titles()["all"],
            {m: overall[m] for m in MEASURES},
            timings.get("all", {}).get("", NO_TIMING),
        ),
    )
    for name in BREAKDOWNS:
        rows = [
            Row(
                NONE_KEY if g["key"] is None else str(g["key"]),
                group_label(name, g["key"], g["label"]),
                {m: g[m] for m in MEASURES},
                timings.get(name, {}).get(g["label"], NO_TIMING),
            )
            for g in aggregates.funnel(period.start, period.end, name)
        ]
        report.breakdowns[name] = sorted(
            rows, key=lambda r: (r.key == NONE_KEY, r.label.casefold())
        )
    kinds = dict(BreakFromCaring.Kind.choices)
    dimension: str | None
    for dimension in (None, *BREAKDOWNS):
        where = dimension or "all"
        report.domains[where] = _items(
            dimension,
            aggregates.domain_counts(period.start, period.end, dimension),
            lambda g: (g["order"], g["name"]),
            ("eligible", "not_eligible"),
        )
        report.breaks[where] = _items(
            dimension,
            [
                {**g, "name": str(kinds.get(g["kind"], g["kind"]))}
                for g in aggregates.break_counts(period.start, period.end, dimension)
            ],
            lambda g: (list(kinds).index(g["kind"]) if g["kind"] in kinds else 99, 0),
            ("breaks", "carers"),
        )
    return report


def _items(
    dimension: str | None,
    grouped: list[dict[str, Any]],
    order: Any,
    figures: tuple[str, str],
) -> list[ItemRow]:
    rows = sorted(
        grouped,
        key=lambda g: (
            g["key"] is None,
            group_label(dimension, g["key"], g["label"]).casefold()
            if dimension
            else "",
            order(g),
        ),
    )
    return [
        ItemRow(
            group_label(dimension, g["key"], g["label"]) if dimension else "",
            str(g["item"]),
            str(g["name"]),
            g[figures[0]],
            g[figures[1]],
        )
        for g in rows
    ]

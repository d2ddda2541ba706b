"""The indicators dashboard's content: each area's figures as headline cells and
tables (the same tables feed the charts, the CSV and Excel downloads and the
publication download, which applies disclosure control)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from . import dashboard_links
from .dashboard_parts import (  # noqa: F401 (names other modules read here)
    CARER_KINDS,
    CARER_MEASURES,
    DIMENSION_NAMES,
    OPTION_COLUMNS,
    OPTION_KEYS,
    PRACTICE_COLUMNS,
    PRACTICE_KEYS,
    TIMING_WAITS,
    TITLES,
    WAIT_NAMES,
    Cell,
    Figure,
    Table,
)
from .dashboard_tables import breakdown_tables, other_tables
from .indicators.periods import Period
from .indicators.registry import INDICATORS, trend

# Plain-English definitions shown next to each figure (docs/indicators.md).
DEFINITIONS = {
    "options": _(
        "People getting each option at any time in the period. Option 1: a direct "
        "payment. Option 2: an individual service fund with a provider they chose. "
        "Option 3: support the council arranges. Option 4: more than one of these. "
        "'Any option' counts each person once."
    ),
    "population": _(
        "People with an agreed support plan, or any support from options 1 to 3, "
        "at any time in the period."
    ),
    "implementation_rate_phs": _(
        "Of the people above, the share getting support through any option "
        "(the way Public Health Scotland counts it)."
    ),
    "implementation_rate_choice": _(
        "Of the same people, the share who chose their support themselves (not "
        "deemed) after being given information about the options (the Scottish "
        "Government's 'given a choice')."
    ),
    "informed_choice": _(
        "Of people who made a choice in the period, the share whose choice was "
        "informed: information given before it, independent support offered, and "
        "made by the person or a representative with recorded legal authority."
    ),
    "sds_discussed_first_contact": _(
        "Of first contacts in the period (contacts, not people), the share where SDS "
        "and the four options were discussed."
    ),
    "spend_options_1_2": _(
        "Spend on direct payments and individual service funds as a share of all "
        "adult social care spend for the year, which finance enters."
    ),
    "timings": _(
        "Days between steps finished in the period: the middle value (median) and "
        "the value 9 in 10 are within (90th percentile)."
    ),
    "outcomes": _("Outcomes looked at in reviews held in the period, by how far met."),
    "carers": _(
        "Unpaid carers offered an adult carer support plan or a young carer "
        "statement in the period (or who asked for one, whatever they answered), "
        "those whose plan or statement was completed (agreed) in the period, and "
        "those whose plan or statement had a carer's review agreed in the period. "
        "Each carer counts once however many people they care for. Broken down by "
        "the carer's own locality, team, service group and age. The carers report "
        "has the fuller picture."
    ),
    "practice_quality": _(
        "Of people with a conversation agreed in the period, the share whose records "
        "show each sign of good practice, as the automatic case file reader judges "
        "it (the same rules as case file reading), at its latest reading of every "
        "file."
    ),
}


@dataclass(frozen=True)
class Area:
    slug: str
    title: Any
    indicators: tuple[str, ...]
    broken_down: bool = True


AREAS = {
    a.slug: a
    for a in (
        Area(
            "options",
            _("SDS options and implementation"),
            (
                "options",
                "population",
                "implementation_rate_phs",
                "implementation_rate_choice",
            ),
        ),
        Area("choice", _("Informed choice"), ("informed_choice",)),
        Area(
            "first-contact",
            _("SDS at first contact"),
            ("sds_discussed_first_contact",),
        ),
        Area("spend", _("Spend on options 1 and 2"), ("spend_options_1_2",), False),
        Area("timings", _("Timings and waiting"), ("timings",)),
        Area("outcomes", _("Outcomes"), ("outcomes",)),
        Area("practice", _("Quality of practice"), ("practice_quality",)),
        Area("carers", _("Unpaid carers"), ("carers",)),
    )
}


def _headline(name: str, found: dict[str, Any]) -> list[Cell]:
    if name == "options":
        cells = [
            Cell(c, found[k], k)
            for c, k in zip(OPTION_COLUMNS, OPTION_KEYS, strict=True)
        ]
        for key, label in (
            ("option_1_only", _("Option 1 only (%)")),
            ("option_2_only", _("Option 2 only (%)")),
            ("option_3_only", _("Option 3 only (%)")),
            ("mix", _("A mix (%)")),
        ):
            cells.append(Cell(label, found["shares"][key]["rate"]))
        return cells
    if name == "population":
        return [Cell(_("People"), found["people"], "people")]
    if name == "practice_quality":
        if not found.get("available"):
            return [Cell(_("People"), found["people"], "people")]
        cells = [
            Cell(_("People with a conversation agreed"), found["people"], "people")
        ]
        for key, label in zip(PRACTICE_KEYS, PRACTICE_COLUMNS, strict=True):
            measure = found["measures"][key]
            cells.append(Cell(f"{label} (%)", measure["rate"]))
            cells.append(Cell(label, measure["numerator"], key))
        cells.append(Cell(_("Not read yet"), found["not_read"]))
        return cells
    if name == "carers":
        return [
            Cell(f"{kind}: {measure}", found[k][m], f"{k}_{m}")
            for k, kind in CARER_KINDS.items()
            for m, measure in CARER_MEASURES.items()
        ]
    if name == "timings":  # who is waiting now, each linked to the people
        waits = found.get("waiting_now", {})
        return [
            Cell(WAIT_NAMES[k], waits[k]["count"], k)
            for k in TIMING_WAITS
            if k in waits
        ]
    if name == "outcomes":
        return [
            Cell(_("Outcomes reviewed"), found["outcomes_reviewed"]),
            Cell(_("People whose outcomes were reviewed"), found["people"], "people"),
        ]
    if "numerator" in found and name != "spend_options_1_2":
        return [
            Cell(_("Rate (%)"), found["rate"]),
            Cell(_("People counted"), found["numerator"], "numerator"),
            Cell(_("Out of"), found["denominator"], "denominator"),
        ]
    return []


def area_found(
    area: Area, period: Period, dimension: str, progress: Any = None
) -> dict[str, Any]:
    """What the engine finds for each of the area's indicators in the period, broken
    down one way (for "trend", each of the last 12 quarters too). JSON-able, so a
    summary (insights/summaries.py) can keep it; `progress` is a core.jobs.Progress."""
    found: dict[str, Any] = {}
    for n, name in enumerate(area.indicators):
        if progress is not None:
            progress.update(10 + 80 * n // len(area.indicators), str(TITLES[name]))
        function = INDICATORS[name]
        if not area.broken_down:
            found[name] = function(period)
            continue
        dims = () if dimension == "trend" else (dimension,)
        found[name] = function(period, breakdowns=dims)
        if dimension == "trend":
            found[name]["trend_quarters"] = trend(name, period)
    return found


def area_figures(
    area: Area, period: Period, dimension: str, found: dict[str, Any] | None = None
) -> list[Figure]:
    """The area's figures for the period, broken down one way: from what the engine
    `found` (kept in a summary), or worked out now."""
    if found is None:
        found = area_found(area, period, dimension)
    figures = []
    for name in area.indicators:
        figure = Figure(
            name, TITLES[name], DEFINITIONS[name], _headline(name, found[name])
        )
        if area.broken_down:
            figure.tables.extend(breakdown_tables(name, found[name], dimension))
        figure.tables.extend(other_tables(name, found[name]))
        for table in figure.tables:
            dashboard_links.attach(table, period)
        figures.append(figure)
    return figures


def team_figures(
    area: Area, period: Period, teams: list[str], found: dict[str, Any] | None = None
) -> list[Table]:
    """For a manager: each figure's row for their own teams, beside the
    partnership's (`found` broken down by team, when kept). Their teams' counts
    link to the people, as on the team breakdown."""
    if not area.broken_down:
        return []
    if found is None:
        found = area_found(area, period, "team")
    tables = []
    for figure in area_figures(area, period, "team", found):
        if figure.id == "timings":
            tables.extend(_timing_team_tables(figure, found["timings"], teams))
            continue
        if not figure.tables:
            continue
        table = figure.tables[0]
        values = [c.value for c in figure.headline]
        if figure.id == "outcomes":  # one team a person: the teams add up
            values = [
                sum(int(str(r[k])) for r in table.rows)
                for k in range(1, len(table.columns))
            ]
        elif figure.id not in ("options", "population"):
            values = [values[1], values[2], values[0]]  # counted, out of, rate
        tables.append(
            _beside(figure.title, table, teams, values[: len(table.columns) - 1])
        )
    return tables


def _beside(title: Any, table: Table, teams: list[str], whole: list[object]) -> Table:
    """The table's rows for these teams, then the whole partnership's."""
    mine = [n for n, r in enumerate(table.rows) if r[0] in teams]
    return Table(
        f"{title}: {_('your teams and the partnership')}",
        table.columns,
        [*[table.rows[n] for n in mine], [_("Whole partnership"), *whole]],
        table.counts,
        links=[table.links[n] for n in mine if n < len(table.links)],
    )


def _timing_team_tables(
    figure: Figure, found: dict[str, Any], teams: list[str]
) -> list[Table]:
    """timings for a manager: each step (and wait) by team, their teams' rows
    beside the whole partnership's figures."""
    found = {**found, **found.get("waiting_now", {})}
    return [
        _beside(
            table.caption.rsplit(":", 1)[0],
            table,
            teams,
            [found[key][k] for k in ("count", "median_days", "p90_days")],
        )
        for table in figure.tables
        if table.dimension == "team"
        for key in table.drills[:1]
    ]

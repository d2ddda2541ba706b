"""The indicators dashboard's content: each area's figures as headline cells and
tables (the same tables feed the charts, the CSV and Excel downloads and the
publication download, which applies disclosure control)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from .indicators.periods import Period
from .indicators.registry import INDICATORS, trend

DIMENSION_NAMES = {
    "locality": _("Locality"),
    "team": _("Team"),
    "service_group": _("Service group"),
    "age_band": _("Age band"),
    "option": _("Option"),
    "trend": _("Last 12 quarters"),
}

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

TITLES = {
    "options": _("People getting each option"),
    "population": _("People with a plan or support"),
    "implementation_rate_phs": _("Implementation rate (PHS)"),
    "implementation_rate_choice": _("Implementation rate (given a choice)"),
    "informed_choice": _("Informed choice"),
    "sds_discussed_first_contact": _("SDS discussed at first contact"),
    "spend_options_1_2": _("Spend on options 1 and 2"),
    "timings": _("How long things take"),
    "outcomes": _("Outcomes reviewed"),
    "practice_quality": _("Quality of practice in the records"),
    "carers": _("Carer support plans and young carer statements"),
}

# timings' steps and waits, in the journey's order.
TIMING_STEPS = (
    "first_contact_to_agreed_conversation",
    "conversation_to_budget",
    "panel_submission_to_decision",
    "decision_to_first_delivery",
)
TIMING_WAITS = ("waiting_for_panel_decision", "waiting_for_service_to_start")
WAIT_NAMES = {
    "waiting_for_panel_decision": _("Waiting for a panel decision now"),
    "waiting_for_service_to_start": _("Approved, waiting for the service to start"),
}

# carers' kinds and measures, in order, with their names.
CARER_KINDS = {
    "plans": _("Adult carer support plans"),
    "statements": _("Young carer statements"),
    "all": _("Either"),
}
CARER_MEASURES = {
    "offered": _("offered"),
    "completed": _("completed"),
    "reviewed": _("reviewed"),
}

# practice_quality's measures, in order, with their column names.
PRACTICE_KEYS = (
    "own_words",
    "strengths",
    "risk_enablement",
    "smart",
    "contingency",
    "informal_supports",
)
PRACTICE_COLUMNS = [
    _("Outcomes in own words"),
    _("Strengths recorded"),
    _("Risk enablement"),
    _("SMART plan outcomes"),
    _("Contingency arrangements"),
    _("Informal or community support in the plan"),
]


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
        Area("timings", _("Timings and waiting"), ("timings",), False),
        Area("outcomes", _("Outcomes"), ("outcomes",)),
        Area("practice", _("Quality of practice"), ("practice_quality",)),
        Area("carers", _("Unpaid carers"), ("carers",)),
    )
}


@dataclass
class Cell:
    label: Any
    value: object
    drill: str = ""  # the count to list the people of, when there is a list


@dataclass
class Table:
    caption: str
    columns: list[Any]
    rows: list[list[object]]
    counts: int = 0  # how many columns after the label are counts (not rates)


@dataclass
class Figure:
    id: str
    title: Any
    definition: Any
    headline: list[Cell] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


RATE_COLUMNS = [_("People counted"), _("Out of"), _("Rate (%)")]
OPTION_KEYS = ("option_1", "option_2", "option_3", "option_4", "any")
OPTION_COLUMNS = [_("Option 1"), _("Option 2"), _("Option 3"), _("Option 4"), _("Any")]


def _rate_rows(items: list[dict[str, Any]]) -> list[list[object]]:
    return [[i["group"], i["numerator"], i["denominator"], i["rate"]] for i in items]


def _breakdown_table(name: str, found: dict[str, Any], dimension: str) -> Table | None:
    label = DIMENSION_NAMES[dimension]
    title = TITLES[name]
    caption = f"{title}: {str(label).lower()}"
    if dimension == "trend":
        items = [{**item, "group": item["period"]} for item in found["trend_quarters"]]
    else:
        items = found.get("breakdowns", {}).get(dimension)
        if items is None:
            return None
    if name == "options":
        rows = [[i["group"], *[i[k] for k in OPTION_KEYS]] for i in items]
        return Table(caption, [label, *OPTION_COLUMNS], rows, counts=5)
    if name == "outcomes":
        levels = found["levels"]
        if dimension == "trend":  # each quarter's headline
            items = [
                {"group": i["group"], "outcomes": i["outcomes_reviewed"]}
                | {f"level_{r['level']}": r["count"] for r in i["levels"]}
                for i in items
            ]
        rows = [
            [
                i["group"],
                i["outcomes"],
                *[i.get(f"level_{r['level']}", 0) for r in levels],
            ]
            for i in items
        ]
        columns = [label, _("Outcomes reviewed"), *[r["name"] for r in levels]]
        return Table(caption, columns, rows, counts=1 + len(levels))
    if name == "population":
        rows = [[i["group"], i["people"]] for i in items]
        return Table(caption, [label, _("People")], rows, counts=1)
    if name == "practice_quality":
        if dimension == "trend":
            items = [
                {"group": i["group"], "people": i.get("people", 0)}
                | {
                    k: (i.get("measures") or {}).get(k, {}).get("numerator", 0)
                    for k in PRACTICE_KEYS
                }
                for i in items
            ]
        rows = [
            [i["group"], i["people"], *[i[k] for k in PRACTICE_KEYS]] for i in items
        ]
        return Table(caption, [label, _("People"), *PRACTICE_COLUMNS], rows, counts=7)
    if name == "carers":
        keys = [f"{k}_{m}" for k in CARER_KINDS for m in CARER_MEASURES]
        if dimension == "trend":  # each quarter's headline: {kind: {measure: n}}
            items = [
                {"group": i["group"]}
                | {f"{k}_{m}": i[k][m] for k in CARER_KINDS for m in CARER_MEASURES}
                for i in items
            ]
        rows = [[i["group"], *[i[k] for k in keys]] for i in items]
        columns = [
            f"{kind}: {measure}"
            for kind in CARER_KINDS.values()
            for measure in CARER_MEASURES.values()
        ]
        return Table(caption, [label, *columns], rows, counts=len(keys))
    return Table(caption, [label, *RATE_COLUMNS], _rate_rows(items), counts=2)


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
            Cell(f"{kind}: {measure}", found[k][m])
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


def _other_tables(name: str, found: dict[str, Any]) -> list[Table]:
    if name == "practice_quality":
        when = found.get("as_at") or _("never")
        state = {
            "": _("up to date"),
            "changed": _("out of date: records have changed since"),
            "old": _("out of date: the reading is old"),
            "never": _("not read yet"),
        }.get(found.get("stale", "never"), "")
        return [
            Table(
                str(_("Where these figures come from")),
                [_("Figure"), _("Value")],
                [
                    [_("Case files last read at"), when],
                    [_("State"), state],
                    [_("People not read yet (not counted)"), found.get("not_read", 0)],
                ],
            )
        ]
    if name == "sds_discussed_first_contact":
        rows = [[r["reason"], r["count"]] for r in found["reasons_not_discussed"]]
        return [
            Table(
                str(_("Why SDS was not discussed")),
                [_("Reason"), _("Contacts")],
                rows,
                1,
            )
        ]
    if name == "spend_options_1_2":
        money = [
            [_("Option 1: direct payments paid"), found["option_1_spend"]],
            [
                _("Option 2: individual service funds (yearly amounts)"),
                found["option_2_spend"],
            ],
            [_("Option 3: arranged services (yearly cost)"), found["option_3_spend"]],
            [_("Total adult social care spend (finance)"), found["total_spend"] or "–"],
            [_("Share on options 1 and 2 (%)"), found["rate"]],
            [_("Share of spend held in the system (%)"), found["share_held_in_system"]],
        ]
        by_year = [[t["year"], t["rate"]] for t in found["trend"]]
        return [
            Table(
                str(_("Spend for %(year)s (£)") % {"year": found["year"]}),
                [_("Figure"), _("Value")],
                money,
            ),
            Table(
                str(_("Share on options 1 and 2, by year")),
                [_("Year"), _("Share (%)")],
                by_year,
            ),
        ]
    if name == "timings":
        # In the journey's order, not the keys' (a kept summary's JSON, in
        # PostgreSQL's jsonb, keeps no order).
        steps = [
            [
                k.replace("_", " ").capitalize(),
                found[k]["count"],
                found[k]["median_days"],
                found[k]["p90_days"],
            ]
            for k in TIMING_STEPS
        ]
        waiting = [
            [
                k.replace("_", " ").capitalize(),
                found["waiting_now"][k]["count"],
                found["waiting_now"][k]["median_days"],
                found["waiting_now"][k]["p90_days"],
            ]
            for k in TIMING_WAITS
        ]
        columns = [_("Step"), _("Number"), _("Median days"), _("90th percentile days")]
        return [
            Table(str(_("Steps finished in the period")), columns, steps, 1),
            Table(str(_("Waiting now")), [_("Waiting for"), *columns[1:]], waiting, 1),
        ]
    if name == "outcomes":
        levels = [[r["name"], r["count"]] for r in found["levels"]]
        reasons = [[r["name"], r["count"]] for r in found["top_reasons"]]
        return [
            Table(
                str(_("Outcomes by how far met")),
                [_("Level"), _("Outcomes")],
                levels,
                1,
            ),
            Table(
                str(_("Top reasons not fully met")),
                [_("Reason"), _("Outcomes")],
                reasons,
                1,
            ),
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
            table = _breakdown_table(name, found[name], dimension)
            if table is not None:
                figure.tables.append(table)
        figure.tables.extend(_other_tables(name, found[name]))
        figures.append(figure)
    return figures


def team_figures(
    area: Area, period: Period, teams: list[str], found: dict[str, Any] | None = None
) -> list[Table]:
    """For a manager: each figure's row for their own teams, beside the
    partnership's (`found` broken down by team, when kept)."""
    if not area.broken_down:
        return []
    tables = []
    for figure in area_figures(area, period, "team", found):
        if not figure.tables:
            continue
        table = figure.tables[0]
        mine = [r for r in table.rows if r[0] in teams]
        values = [c.value for c in figure.headline]
        if figure.id == "outcomes":  # one team a person: the teams add up
            values = [
                sum(int(str(r[k])) for r in table.rows)
                for k in range(1, len(table.columns))
            ]
        elif figure.id not in ("options", "population"):
            values = [values[1], values[2], values[0]]  # counted, out of, rate
        whole = [_("Whole partnership"), *values[: len(table.columns) - 1]]
        tables.append(
            Table(
                f"{figure.title}: {_('your teams and the partnership')}",
                table.columns,
                [*mine, whole],
                table.counts,
            )
        )
    return tables

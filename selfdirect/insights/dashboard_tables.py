"""The dashboard's tables: each figure's breakdown table and its other tables
(the same tables feed the charts, the downloads and the publication download)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .dashboard_parts import (
    CARER_KINDS,
    CARER_MEASURES,
    DIMENSION_NAMES,
    OPTION_COLUMNS,
    OPTION_KEYS,
    PRACTICE_COLUMNS,
    PRACTICE_KEYS,
    RATE_COLUMNS,
    STEP_NAMES,
    TIMING_STEPS,
    TIMING_WAITS,
    TITLES,
    WAIT_NAMES,
    Table,
)


def _rate_rows(items: list[dict[str, Any]]) -> list[list[object]]:
    return [[i["group"], i["numerator"], i["denominator"], i["rate"]] for i in items]


def breakdown_tables(name: str, found: dict[str, Any], dimension: str) -> list[Table]:
    """The figure's tables broken down one way, each count linked to its people
    (`drills`: the count each column lists)."""
    if name == "timings":
        return timing_tables(found, dimension)
    table = _breakdown_table(name, found, dimension)
    if table is None:
        return []
    table.indicator, table.dimension = name, dimension
    if name == "options":
        table.drills = list(OPTION_KEYS)
    elif name == "outcomes":
        table.drills = ["people", *[f"level_{r['level']}" for r in found["levels"]]]
    elif name == "population":
        table.drills = ["people"]
    elif name == "practice_quality":
        table.drills = ["people", *PRACTICE_KEYS]
    elif name == "carers":
        table.drills = [f"{k}_{m}" for k in CARER_KINDS for m in CARER_MEASURES]
    else:
        table.drills = ["numerator", "denominator", ""]
    return [table]


def timing_tables(found: dict[str, Any], dimension: str) -> list[Table]:
    """timings broken down: a table per step and per wait, a row per group with
    how many, the median and the 90th percentile (the trend: each quarter's
    headline step)."""
    label = DIMENSION_NAMES[dimension]
    columns = [label, _("Number"), _("Median days"), _("90th percentile days")]
    names = {**STEP_NAMES, **WAIT_NAMES}
    tables = []
    for key in (*TIMING_STEPS, *TIMING_WAITS):
        if dimension == "trend":
            if key in TIMING_WAITS:
                continue  # waiting is now, not per quarter
            items = [{**q[key], "group": q["period"]} for q in found["trend_quarters"]]
        else:
            items = found.get("breakdowns", {}).get(dimension, {}).get(key)
            if items is None:
                continue
        rows = [
            [i["group"], i["count"], i["median_days"], i["p90_days"]] for i in items
        ]
        caption = f"{names[key]}: {str(label).lower()}"
        tables.append(
            Table(caption, columns, rows, 1, "timings", [key, "", ""], dimension)
        )
    return tables


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


def other_tables(name: str, found: dict[str, Any]) -> list[Table]:
    if name == "practice_quality" and found.get("judged_on"):
        return [
            Table(
                str(_("Where these figures come from")),
                [_("Figure"), _("Value")],
                [
                    [
                        _("Records read as they stood on (the period's end)"),
                        found["judged_on"],
                    ]
                ],
            )
        ]
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
                _("Option 2: individual service funds (for the days in effect)"),
                found["option_2_spend"],
            ],
            [
                _("Option 3: arranged services (for the days in effect)"),
                found["option_3_spend"],
            ],
            [_("Total adult social care spend (finance)"), found["total_spend"] or "–"],
            [_("Share on options 1 and 2 (%)"), found["rate"]],
            [_("Share of spend held in the system (%)"), found["share_held_in_system"]],
            [
                _("LGBF SW2: options 1 and 2 on adults aged 18+ (£)"),
                found["lgbf_sw2"]["numerator"],
            ],
            [
                _("LGBF SW2: total spend on adults 18+ (finance)"),
                found["lgbf_sw2"]["denominator"] or "–",
            ],
            [_("LGBF SW2 (%)"), found["lgbf_sw2"]["rate"]],
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
                STEP_NAMES[k],
                found[k]["count"],
                found[k]["median_days"],
                found[k]["p90_days"],
            ]
            for k in TIMING_STEPS
        ]
        waiting = [
            [
                WAIT_NAMES[k],
                found["waiting_now"][k]["count"],
                found["waiting_now"][k]["median_days"],
                found["waiting_now"][k]["p90_days"],
            ]
            for k in TIMING_WAITS
        ]
        columns = [_("Step"), _("Number"), _("Median days"), _("90th percentile days")]
        # Each step's number links to its people (`links` per row, set later).
        return [
            Table(
                str(_("Steps finished in the period")),
                columns,
                steps,
                1,
                "timings",
                row_drills=list(TIMING_STEPS),
            ),
            Table(
                str(_("Waiting now")),
                [_("Waiting for"), *columns[1:]],
                waiting,
                1,
                "timings",
                row_drills=list(TIMING_WAITS),
            ),
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
                "outcomes",
                row_drills=[f"level_{r['level']}" for r in found["levels"]],
            ),
            Table(
                str(_("Top reasons not fully met")),
                [_("Reason"), _("Outcomes")],
                reasons,
                1,
            ),
        ]
    return []

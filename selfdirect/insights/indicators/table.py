"""The indicators as a readable plain-text table (the command line without --json)."""

from typing import Any

from .periods import Period

RATES = (
    ("implementation_rate_phs", "Implementation rate (PHS)"),
    ("implementation_rate_choice", "Implementation rate (given a choice)"),
    ("informed_choice", "Informed choice"),
    ("sds_discussed_first_contact", "SDS discussed at first contact"),
)


def _rate(figure: dict[str, Any]) -> str:
    value = "–" if figure["rate"] is None else f"{figure['rate']}%"
    return f"{value:>8}  ({figure['numerator']} of {figure['denominator']})"


def _row(label: str, value: object) -> str:
    return f"  {label:<44} {value}"


def as_table(period: Period, found: dict[str, Any]) -> str:
    lines = [f"SDS indicators for {period.label} ({period.start} to {period.end})", ""]
    if "options" in found:
        o = found["options"]
        lines.append("People receiving each option (options)")
        for key, label in (
            ("option_1", "Option 1: direct payment"),
            ("option_2", "Option 2: individual service fund"),
            ("option_3", "Option 3: arranged by the council"),
            ("option_4", "Option 4: more than one"),
            ("any", "Any option (each person once)"),
        ):
            lines.append(_row(label, o[key]))
        for key, share in o["shares"].items():
            lines.append(_row(f"Share: {key.replace('_', ' ')}", _rate(share)))
        lines.append("")
    if "population" in found:
        lines.append(
            _row(
                "Population (plan or support in effect)", found["population"]["people"]
            )
        )
        lines.append("")
    for key, label in RATES:
        if key in found:
            lines.append(_row(label, _rate(found[key])))
    if "spend_options_1_2" in found:
        s = found["spend_options_1_2"]
        value = "no total entered" if s["rate"] is None else f"{s['rate']}%"
        lines.append(_row("Spend on options 1 and 2 (share of total)", value))
    lines.append("")
    if "timings" in found:
        lines.append("Timings in days (median, 90th percentile, count)")
        for key, t in found["timings"].items():
            if key in ("waiting_now", "breakdowns"):
                continue
            lines.append(
                _row(
                    key.replace("_", " "),
                    f"{t['median_days']}, {t['p90_days']}, {t['count']}",
                )
            )
        for key, t in found["timings"]["waiting_now"].items():
            lines.append(
                _row(
                    key.replace("_", " "),
                    f"{t['count']} waiting, median {t['median_days']} days",
                )
            )
        lines.append("")
    if "carers" in found:
        lines.append("Carers (people): offered, completed")
        for key, label in (
            ("plans", "Adult carer support plans"),
            ("statements", "Young carer statements"),
            ("all", "Plans and statements"),
        ):
            figures = found["carers"][key]
            lines.append(_row(label, ", ".join(str(v) for v in figures.values())))
        lines.append("")
    if "outcomes" in found:
        out = found["outcomes"]
        lines.append(f"Outcomes reviewed: {out['outcomes_reviewed']}")
        lines.extend(_row(level["name"], level["count"]) for level in out["levels"])
    return "\n".join(lines) + "\n"

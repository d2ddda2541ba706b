"""Named rules for indicative budgets: the arithmetic of each method, rounding and
delegated authority. Pure functions of a method's configuration and the inputs."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PENNY = Decimal("0.01")
WITHIN = "within"
PANEL = "panel"


def to_the_penny(amount: Decimal) -> Decimal:
    """Money is rounded to the nearest penny, and a half penny is rounded up
    (ROUND_HALF_UP), at each step the workings show as money."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass
class Workings:
    """What a method produced: the amount, the inputs and each step as data."""

    amount: Decimal
    inputs: dict[str, Any]
    steps: list[dict[str, str]] = field(default_factory=list)


def _question_index(config: Mapping[str, Any]) -> dict[str, tuple[dict, dict]]:  # type: ignore[type-arg]
    return {
        question["code"]: (domain, question)
        for domain in config["domains"]
        for question in domain["questions"]
    }


def ras_budget(
    config: Mapping[str, Any], *, answers: Mapping[str, str], service_group: str
) -> Workings:
    """A RAS budget: each answer scores points; a domain's points are multiplied by
    its weight; the weighted points are added up; the total is priced at the pounds
    per point (or the band) for the service group, or the default where the group
    has none; the result is rounded to the penny."""
    index = _question_index(config)
    missing = [code for code in index if code not in answers]
    if missing:
        raise ValidationError(
            {code: _("Choose an answer to this question") for code in missing}
        )
    steps: list[dict[str, str]] = []
    total = Decimal(0)
    for domain in config["domains"]:
        points = 0
        for question in domain["questions"]:
            answer = _answer(question, answers[question["code"]])
            points += answer["points"]
            steps.append(
                {
                    "step": "answer",
                    "domain": domain["name"],
                    "question": question["text"],
                    "answer": answer["text"],
                    "points": str(answer["points"]),
                }
            )
        weighted = Decimal(points) * Decimal(domain["weight"])
        total += weighted
        steps.append(
            {
                "step": "domain",
                "domain": domain["name"],
                "points": str(points),
                "weight": domain["weight"],
                "weighted": str(weighted),
            }
        )
    steps.append({"step": "total_points", "points": str(total)})
    raw = _price(config["pricing"], total, service_group, steps)
    amount = to_the_penny(raw)
    steps.append({"step": "rounded", "before": str(raw), "amount": str(amount)})
    inputs = {"answers": dict(answers), "service_group": service_group}
    return Workings(amount=amount, inputs=inputs, steps=steps)


def _answer(question: Mapping[str, Any], code: str) -> dict[str, Any]:
    for answer in question["answers"]:
        if answer["code"] == code:
            return dict(answer)
    raise ValidationError({question["code"]: _("Choose one of the answers given")})


def _price(
    pricing: Mapping[str, Any],
    points: Decimal,
    service_group: str,
    steps: list[dict[str, str]],
) -> Decimal:
    own = service_group in pricing["by_service_group"]
    table = pricing["by_service_group"].get(service_group, pricing["default"])
    if pricing["type"] == "per_point":
        rate = Decimal(table)
        raw = points * rate
        steps.append(
            {
                "step": "per_point",
                "points": str(points),
                "rate": str(rate),
                "own_rate": "yes" if own else "no",
                "amount": str(raw),
            }
        )
        return raw
    band = band_for(table, points)
    steps.append(
        {
            "step": "band",
            "points": str(points),
            "from_points": band["from_points"],
            "own_rate": "yes" if own else "no",
            "amount": band["amount"],
        }
    )
    return Decimal(band["amount"])


def band_for(bands: Sequence[Mapping[str, str]], points: Decimal) -> Mapping[str, str]:
    """The band a score falls in is the one with the highest starting score at or
    below it; a score below every band falls in the lowest."""
    ordered = sorted(bands, key=lambda b: Decimal(b["from_points"]))
    chosen = ordered[0]
    for band in ordered:
        if Decimal(band["from_points"]) <= points:
            chosen = band
    return chosen


def equivalence_budget(
    config: Mapping[str, Any], *, lines: Sequence[Mapping[str, Any]]
) -> Workings:
    """An equivalence budget prices the support that would otherwise be arranged:
    each line costs its hours a week times the hourly rate (or the weekly cost
    given), rounded to the penny; the weekly total is multiplied by the weeks in a
    year and rounded to the penny. Each line says what the support is and is
    priced; at least one line is needed. Problems are keyed by the line's number
    from 1 (``what_2``, ``hours_2``) so a form can show them beside the line."""
    check_equivalence_lines(lines)
    steps: list[dict[str, str]] = []
    weekly = Decimal(0)
    stored = []
    for line in (_priced_by(line) for line in lines if not _blank(line)):
        cost = _line_cost(line)
        weekly += cost
        stored.append({k: str(v) for k, v in line.items() if v not in (None, "")})
        steps.append(
            {
                "step": "line",
                "what": str(line["what"]),
                "hours": str(line.get("hours_per_week") or ""),
                "rate": str(line.get("hourly_rate") or ""),
                "weekly": str(cost),
            }
        )
    weeks = Decimal(config["weeks_per_year"])
    raw = weekly * weeks
    amount = to_the_penny(raw)
    steps.append({"step": "weekly_total", "amount": str(weekly)})
    steps.append(
        {
            "step": "yearly",
            "weekly": str(weekly),
            "weeks": str(weeks),
            "amount": str(raw),
        }
    )
    steps.append({"step": "rounded", "before": str(raw), "amount": str(amount)})
    return Workings(amount=amount, inputs={"lines": stored}, steps=steps)


def check_equivalence_lines(lines: Sequence[Mapping[str, Any]]) -> None:
    """Raise ValidationError unless there is a line, and every line says what the
    support is and has hours and a rate, or a cost a week. A line with nothing in
    it is left out."""
    if all(_blank(line) for line in lines):
        raise ValidationError({"what_1": _("Price at least one line of support")})
    problems: dict[str, str] = {}
    for n, line in enumerate(lines, start=1):
        if _blank(line):
            continue
        if not str(line.get("what") or "").strip():
            problems[f"what_{n}"] = _("Say what this support is")
        elif not _priced(line):
            problems[f"hours_{n}"] = _("Give hours and a rate, or a cost a week")
    if problems:
        raise ValidationError(problems)


def _blank(line: Mapping[str, Any]) -> bool:
    return not str(line.get("what") or "").strip() and all(
        line.get(k) is None for k in ("hours_per_week", "hourly_rate", "weekly_cost")
    )


def _priced_by(line: Mapping[str, Any]) -> dict[str, Any]:
    """The line with hours and rate kept only when both are given (else the cost
    a week prices it)."""
    both = (
        line.get("hours_per_week") is not None and line.get("hourly_rate") is not None
    )
    return {
        **line,
        "hours_per_week": line.get("hours_per_week") if both else None,
        "hourly_rate": line.get("hourly_rate") if both else None,
    }


def _priced(line: Mapping[str, Any]) -> bool:
    hours, rate = line.get("hours_per_week"), line.get("hourly_rate")
    return (hours is not None and rate is not None) or line.get(
        "weekly_cost"
    ) is not None


def _line_cost(line: Mapping[str, Any]) -> Decimal:
    hours, rate = line.get("hours_per_week"), line.get("hourly_rate")
    if hours is not None and rate is not None:
        return to_the_penny(Decimal(hours) * Decimal(rate))
    return to_the_penny(Decimal(line["weekly_cost"]))


def authority_for(amount: Decimal, limit: Decimal | None) -> str:
    """A budget at or below the setter's yearly delegated limit is within delegated
    authority (Standard 8); above it, or where the setter's role has no limit, it
    goes to the resource panel."""
    if limit is not None and amount <= limit:
        return WITHIN
    return PANEL


def budget_stage(*, amount: Decimal | None, worked_out_on: Any) -> tuple[str, str]:
    """The indicative budget stage is done once a budget is worked out."""
    from django.utils.formats import date_format

    from selfdirect.people.hook_points import StageStatus

    if amount is None:
        return StageStatus.NOT_STARTED, _("No indicative budget worked out yet.")
    return StageStatus.DONE, _("£%(amount)s a year, worked out on %(day)s.") % {
        "amount": f"{amount:,.2f}",
        "day": date_format(worked_out_on, "j F Y"),
    }


def letter_blocker(*, method_confirmed: bool | None) -> str | None:
    """A budget reaches a letter to the person only if the partnership has
    confirmed the figures of the method that worked it out: a method still
    marked as examples ("illustrative"), or no method, gives a reason not to."""
    if method_confirmed:
        return None
    return _(
        "This budget was worked out with figures the partnership has not yet "
        "confirmed, so it cannot be sent to the person as a letter. Ask the "
        "person who looks after budget methods to confirm the method, then "
        "work out the budget again."
    )

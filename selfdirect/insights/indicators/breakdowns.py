"""Breakdowns: the same counts grouped by locality, team, service group, age band
and option, each one GROUP BY in the database."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from selfdirect.people.models import Allocation

from .periods import Period, in_effect, years_before

NOT_RECORDED = "Not recorded"
DIMENSIONS = ("locality", "team", "service_group", "age_band", "option")
OPTION_LABELS = {0: "No option", 1: "Option 1 only", 2: "Option 2 only"} | {
    3: "Option 3 only",
    4: "A mix (option 4)",
}


def team_at(period: Period, person: str = "pk") -> Subquery:
    """The team the person was allocated to at the period's end (the latest
    allocation in effect in the period)."""
    return Subquery(
        Allocation.objects.filter(
            in_effect(period, "started_on", "ended_on"), person=OuterRef(person)
        )
        .order_by("-started_on", "-id")
        .values("team__name")[:1]
    )


def age_band(period: Period, dob: str = "date_of_birth") -> Case:
    """0–17, 18–64 or 65+ on the period's last day."""
    return Case(
        When(**{f"{dob}__gt": years_before(period.end, 18)}, then=Value("0-17")),
        When(**{f"{dob}__gt": years_before(period.end, 65)}, then=Value("18-64")),
        default=Value("65+"),
        output_field=CharField(),
    )


def keyed(
    rows: QuerySet[Any], dimension: str, period: Period, person: str
) -> QuerySet[Any]:
    """Annotate `group` (the breakdown's label) on rows; `person` is the path from
    a row to its person ('' when the rows are people)."""
    p = f"{person}__" if person else ""
    match dimension:
        case "locality":
            group: Any = Coalesce(F(f"{p}locality__name"), Value(NOT_RECORDED))
        case "team":
            group = Coalesce(team_at(period, person or "pk"), Value(NOT_RECORDED))
        case "service_group":
            group = Coalesce(F(f"{p}service_groups__name"), Value(NOT_RECORDED))
        case "age_band":
            group = age_band(period, f"{p}date_of_birth")
        case "option":
            group = F("option_mix")
        case _:
            raise ValueError(dimension)
    return rows.annotate(group=group)


def breakdown(
    rows: QuerySet[Any],
    counts: dict[str, Q | None],
    period: Period,
    *,
    person: str = "",
    dimensions: tuple[str, ...] = DIMENSIONS,
) -> dict[str, list[dict[str, Any]]]:
    """For each dimension, a list of {"group": label, name: count...}, counting
    distinct rows (a person in two service groups counts in each)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for dimension in dimensions:
        if dimension == "option" and "option_mix" not in rows.query.annotations:
            continue
        grouped = (
            keyed(rows, dimension, period, person)
            .order_by()
            .values("group")
            .annotate(
                **{
                    f"n_{name}": Count("pk", filter=q, distinct=True)
                    if q is not None
                    else Count("pk", distinct=True)
                    for name, q in counts.items()
                }
            )
            .order_by("group")
        )
        # (The counts' names differ from the annotations they filter on.)
        items = [
            {"group": row["group"], **{n: row[f"n_{n}"] for n in counts}}
            for row in grouped
        ]
        if dimension == "option":
            for item in items:
                item["group"] = OPTION_LABELS[item["group"]]
        found[dimension] = items
    return found

"""`carers`: people offered an adult carer support plan (ACSP) or a young carer
statement (YCS), or who asked for one, in the period, people with one completed
(agreed) in the period, and people whose plan or statement had a carer's review
agreed in the period; plans and statements separately and together.

Each measure is a function from the period and the kind ("acsp" or "ycs") to the
carer's records that make them counted (`MEASURES`). Adding a measure is one
entry there: the headline, the `all` figures and the
breakdowns follow. The unit is the carer (a person, counted once however many
people they care for); breakdowns are the carer's own locality, team, service
group and age band, as for every indicator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet

from selfdirect.carers import aggregates

from . import cohorts
from .breakdowns import breakdown
from .periods import Period

# The kinds of plan, and their names in the indicator's document.
KINDS = {"acsp": "plans", "ycs": "statements"}


def offered(period: Period, kind: str) -> QuerySet[Any]:
    """An offer of that kind made, or asked for, in the period (any answer)."""
    return aggregates.offers_made(period.start, period.end).filter(kind=kind)


def completed(period: Period, kind: str) -> QuerySet[Any]:
    """A plan or statement of that kind agreed in the period."""
    return aggregates.completed_plans(period.start, period.end).filter(kind=kind)


def reviewed(period: Period, kind: str) -> QuerySet[Any]:
    """A plan or statement of that kind with a carer's review agreed in the
    period."""
    return aggregates.reviewed_plans(period.start, period.end).filter(kind=kind)


# Measure name -> the carer's records of a kind that count them (related to the
# carer's Person through `carer__person`).
MEASURES: dict[str, Callable[[Period, str], QuerySet[Any]]] = {
    "offered": offered,
    "completed": completed,
    "reviewed": reviewed,
}
DIMENSIONS = ("locality", "team", "service_group", "age_band")


def _flag_name(measure: str, kind: str) -> str:
    return f"{measure}_{kind}"


def carer_people(period: Period) -> QuerySet[Any]:
    """People counted under any measure, with a 1/0 flag per measure and kind."""
    flags = {
        _flag_name(m, kind): cohorts._flag(
            function(period, kind).filter(carer__person=OuterRef("pk"))
        )
        for m, function in MEASURES.items()
        for kind in KINDS
    }
    anyone = Q()
    for name in flags:
        anyone |= Q(**{name: 1})
    return cohorts.people().annotate(**flags).filter(anyone)


def counts() -> dict[str, Q | None]:
    """Each figure's filter: `<kind's name>_<measure>` and `all_<measure>`."""
    found: dict[str, Q | None] = {}
    for m in MEASURES:
        either = Q()
        for kind, name in KINDS.items():
            found[f"{name}_{m}"] = Q(**{_flag_name(m, kind): 1})
            either |= Q(**{_flag_name(m, kind): 1})
        found[f"all_{m}"] = either
    return found


def carers(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """`{"plans": {"offered": n, "completed": n}, "statements": {…}, "all": {…}}`,
    people counted once in each; `breakdowns` gives every figure by group."""
    rows = carer_people(period)
    wanted = counts()
    totals = rows.aggregate(
        **{name: Count("pk", filter=q) for name, q in wanted.items()}
    )
    found: dict[str, Any] = {
        group: {m: totals[f"{group}_{m}"] for m in MEASURES}
        for group in (*KINDS.values(), "all")
    }
    if breakdowns:
        dims: tuple[str, ...] = DIMENSIONS
        if not isinstance(breakdowns, bool):
            dims = tuple(d for d in breakdowns if d in DIMENSIONS)
        found["breakdowns"] = breakdown(rows, wanted, period, dimensions=dims)
    return found

"""The indicator engine: every SDS indicator for a period, counted in the database.

`compute(period)` gives each indicator by its stable id (docs/indicators.md).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from typing import Any

from .. import signposting as signposting_report
from . import measures
from .carers import carers
from .outcomes import outcomes
from .periods import Period, last_quarters
from .practice import practice_quality
from .spend import spend_options_1_2
from .timings import timings


def signposting(period: Period) -> dict[str, Any]:
    """The signposting effectiveness report (insights/signposting.py) for the
    period's contacts, one row per directory service."""
    return {
        "by_service": [
            dataclasses.asdict(r)
            for r in signposting_report.by_service(period.start, period.end)
        ]
    }


# Stable ids, in the order they are shown.
INDICATORS: dict[str, Callable[..., dict[str, Any]]] = {
    "options": measures.options,
    "population": measures.population,
    "implementation_rate_phs": measures.implementation_rate_phs,
    "implementation_rate_choice": measures.implementation_rate_choice,
    "informed_choice": measures.informed_choice,
    "sds_discussed_first_contact": measures.sds_discussed_first_contact,
    "spend_options_1_2": spend_options_1_2,
    "timings": timings,
    "outcomes": outcomes,
    "signposting": signposting,
    "carers": carers,
    "practice_quality": practice_quality,
}
# Indicators with breakdowns and a headline figure per quarter for the trend.
BROKEN_DOWN = (
    "options",
    "population",
    "implementation_rate_phs",
    "implementation_rate_choice",
    "informed_choice",
    "sds_discussed_first_contact",
    "carers",
    "practice_quality",
    "outcomes",
)


def compute(
    period: Period,
    *,
    breakdowns: bool = False,
    only: tuple[str, ...] | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """Every indicator (or those named in `only`) for the period."""
    found: dict[str, Any] = {}
    for name, function in INDICATORS.items():
        if only and name not in only:
            continue
        if name in BROKEN_DOWN:
            found[name] = function(period, breakdowns=breakdowns)
        elif name == "timings":
            found[name] = function(period, today, breakdowns=breakdowns)
        else:
            found[name] = function(period)
    return found


def trend(name: str, period: Period, count: int = 12) -> list[dict[str, Any]]:
    """The indicator's headline for each of the last `count` quarters."""
    function = INDICATORS[name]
    return [
        {"period": q.label, **function(q, breakdowns=False)}
        for q in last_quarters(period, count)
    ]

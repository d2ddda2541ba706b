"""The dashboard's drill-through addresses: each count in a table links to the
list of the people counted (`indicator_people`), with the period and, for a
breakdown's row, the breakdown and the row's group; a trend's row links to its
quarter's list. The page shows the links only to users who may see people."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode

from .dashboard_parts import Table
from .drill import drillable
from .indicators.periods import Period


def period_query(period: Period) -> dict[str, str]:
    return {"year": str(period.year), "quarter": str(period.quarter or "")}


def _row_query(table: Table, group: object, period: Period) -> dict[str, str] | None:
    """The query of one row's list (None: this row has no list)."""
    if table.dimension == "trend":
        label = str(group)  # "2025-26 Q1"
        try:
            quarter = Period.parse(label[:7], int(label[-1]))
        except ValueError:
            return None
        return period_query(quarter)
    if table.dimension:
        return {**period_query(period), "by": table.dimension, "group": str(group)}
    return period_query(period)


def _address(indicator: str, count: str, query: dict[str, str]) -> str:
    url = reverse("insights:indicator_people", args=[indicator, count])
    return f"{url}?{urlencode(query)}"


def attach(table: Table, period: Period) -> None:
    """Set `table.links`: for each row, each cell's list address ("" for none).
    Only counts above 0 link: a list of nobody helps no one."""
    if not table.indicator or not (table.drills or table.row_drills):
        return
    by = "" if table.dimension == "trend" else table.dimension
    links: list[list[str]] = []
    for r, row in enumerate(table.rows):
        query = _row_query(table, row[0], period)
        counts = table.drills or [
            table.row_drills[r] if r < len(table.row_drills) else ""
        ]
        cells = [""]
        for c, value in enumerate(row[1:]):
            count = counts[c] if c < len(counts) else ""
            linked = (
                query is not None
                and count
                and isinstance(value, int)
                and value > 0
                and drillable(table.indicator, count, by)
            )
            cells.append(_address(table.indicator, count, query) if linked else "")  # type: ignore[arg-type]
        links.append(cells)
    table.links = links

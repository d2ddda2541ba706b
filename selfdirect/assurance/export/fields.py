"""Turning records into the case file's JSON values."""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from django.db import models

Row = dict[str, Any]

# The references records imported from another system keep there, by (model
# label, primary key), for the export being built (set by export.build).
EXTERNAL: ContextVar[dict[tuple[str, int], str]] = ContextVar("EXTERNAL")


def external(record: models.Model) -> str | None:
    return EXTERNAL.get({}).get((record._meta.label, record.pk))


def ref(record: models.Model | None) -> str | None:
    if record is None:
        return None
    public = getattr(record, "public_id", None)
    return str(public) if public else f"{record._meta.label}:{record.pk}"


def iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def plain(record: models.Model, names: Iterable[str]) -> Row:
    """Plain fields as JSON values: dates as ISO strings, money as strings."""
    row: Row = {}
    for name in names:
        value = getattr(record, name)
        if isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = f"{value:.2f}"
        row[name] = value
    return row


def row_of(record: models.Model, names: Iterable[str]) -> Row:
    return {
        "ref": ref(record),
        "external_ref": external(record),
        **plain(record, names),
    }


def by_person(rows: Iterable[Any], make: Callable[[Any], Row]) -> dict[int, list[Row]]:
    """Rows made from records, grouped by each record's person, in order."""
    found: dict[int, list[Row]] = defaultdict(list)
    for record in rows:
        found[record.person_id].append(make(record))
    return found

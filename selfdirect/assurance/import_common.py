"""What the importer's stage modules share: dates, and naming the part of a record
a service refused (so a problem's path points at the field inside the record)."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

Record = dict[str, Any]


def day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def money(value: str | None) -> Decimal | None:
    return None if value in (None, "") else Decimal(value)  # type: ignore[arg-type]


@contextmanager
def within(part: str) -> Iterator[None]:
    """Refusals inside this block name the part of the record (`decisions/1`):
    a service's field `present` becomes `decisions/1/present`."""
    try:
        yield
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(
                {
                    (part if name == "__all__" else f"{part}/{name}"): messages
                    for name, messages in error.message_dict.items()
                }
            ) from error
        raise ValidationError({part: error.messages}) from error


def fresh(row: Any) -> Any:
    """The row as it is now in the database (services move versions and states)."""
    return type(row)._default_manager.get(pk=row.pk)


def agreed_day(record: Record, what: str) -> datetime.date:
    """The day an agreed record (a plan, a review) was agreed; a file that says it
    was agreed must say when."""
    agreed_on = day(record.get("agreed_on"))
    if agreed_on is None:
        raise ValidationError(
            {"agreed_on": f"an agreed {what} needs the day it was agreed"}
        )
    return agreed_on

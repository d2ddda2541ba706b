"""Date arithmetic shared by every stage."""

import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, months later (the month's last day if shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - February always has 28 days

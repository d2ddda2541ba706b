"""Date arithmetic shared by every stage.

Every helper stays within the dates Python can hold (years 1 to 9999): a sum that
would pass either end gives the first or last day there is, never an error, so a
date typed as 0001-01-01 or 9999-12-31 cannot break a page (forms refuse such
dates anyway: see core/forms.py `DateRange`)."""

import datetime

from django.utils import dateformat


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, months later (the month's last day if shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    if year < datetime.MINYEAR:
        return datetime.date.min
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - February always has 28 days


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day, years later (28 February for 29 February in a common year)."""
    return add_months(day, 12 * years)


def add_days(day: datetime.date, days: int) -> datetime.date:
    """`day` plus `days` (which may be negative), kept within the dates there are."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


def long_date(day: datetime.date) -> str:
    """A date as the design system writes it in a sentence: 1 January 1900."""
    return dateformat.format(day, "j F Y")

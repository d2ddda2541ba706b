"""Periods: a financial year (1 April to 31 March) or one of its quarters.

A record is *in effect in a period* when it starts on or before the period's last
day and has no end, or ends on or after the period's first day (`in_effect`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q

# Quarter n of a financial year starts in this month (PHS: 1 April, 1 July,
# 1 October, 1 January).
QUARTER_STARTS = {1: 4, 2: 7, 3: 10, 4: 1}
_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A financial year (`quarter` None) or one quarter of it."""

    year: int  # the calendar year the financial year starts in (2025 for 2025-26)
    quarter: int | None = None

    @classmethod
    def parse(cls, text: str, quarter: int | None = None) -> Period:
        """`2025-26` (with an optional quarter 1–4); ValueError on anything else."""
        match = _YEAR.match(text.strip())
        if not match:
            raise ValueError(f"A period is a financial year like 2025-26, not {text!r}")
        year = int(match.group(1))
        if (year + 1) % 100 != int(match.group(2)):
            raise ValueError(f"{text!r} is not one financial year (2025-26, say)")
        if quarter is not None and quarter not in QUARTER_STARTS:
            raise ValueError("A quarter is 1, 2, 3 or 4")
        return cls(year, quarter)

    @classmethod
    def containing(cls, day: datetime.date, *, quarterly: bool = False) -> Period:
        """The financial year (or quarter) a day falls in."""
        year = day.year if day.month >= 4 else day.year - 1
        if not quarterly:
            return cls(year)
        quarter = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3}
        return cls(year, quarter.get(day.month, 4))

    @property
    def start(self) -> datetime.date:
        if self.quarter is None:
            return datetime.date(self.year, 4, 1)
        month = QUARTER_STARTS[self.quarter]
        return datetime.date(self.year + (month < 4), month, 1)

    @property
    def end(self) -> datetime.date:
        if self.quarter is None:
            return datetime.date(self.year + 1, 3, 31)
        nxt = (
            self.next().start
            if self.quarter < 4
            else datetime.date(self.year + 1, 4, 1)
        )
        return nxt - datetime.timedelta(days=1)

    def next(self) -> Period:
        if self.quarter is None:
            return Period(self.year + 1)
        if self.quarter == 4:
            return Period(self.year + 1, 1)
        return Period(self.year, self.quarter + 1)

    def previous(self) -> Period:
        if self.quarter is None:
            return Period(self.year - 1)
        if self.quarter == 1:
            return Period(self.year - 1, 4)
        return Period(self.year, self.quarter - 1)

    @property
    def label(self) -> str:
        """`2025-26`, or `2025-26 Q2`."""
        year = f"{self.year}-{(self.year + 1) % 100:02d}"
        return year if self.quarter is None else f"{year} Q{self.quarter}"

    @property
    def phs_code(self) -> str:
        """The data mart's period: `YYYY` for a year, `YYYYQn` for a quarter."""
        return str(self.year) if self.quarter is None else f"{self.year}Q{self.quarter}"

    def __str__(self) -> str:
        return self.label


def last_quarters(period: Period, count: int = 12) -> list[Period]:
    """The `count` quarters ending with the period's last quarter, oldest first."""
    last = Period(period.year, period.quarter or 4)
    found = [last]
    while len(found) < count:
        found.append(found[-1].previous())
    return found[::-1]


def in_effect(period: Period, start: str, end: str, prefix: str = "") -> Q:
    """Records that start on or before the period's last day and have no end or end
    on or after its first day. `start` and `end` name the date fields."""
    return Q(**{f"{prefix}{start}__lte": period.end}) & (
        Q(**{f"{prefix}{end}__isnull": True})
        | Q(**{f"{prefix}{end}__gte": period.start})
    )


def within(period: Period, field: str) -> Q:
    """Records whose date falls in the period."""
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})


# Age bands, as at the period's last day.
AGE_BANDS = (("0-17", 0, 17), ("18-64", 18, 64), ("65+", 65, None))


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)

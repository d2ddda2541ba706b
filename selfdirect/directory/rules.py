"""Directory rules: when a service counts as free, open now, near, or stale."""

import datetime
import math
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MILES_PER_DEGREE_LATITUDE = 69.05
DEFAULT_STALE_MONTHS = 12


def is_free(amounts: Iterable[Decimal | None]) -> bool:
    """A service is free when it has a cost option and none of them costs anything."""
    values = list(amounts)
    return bool(values) and all(not amount for amount in values)


def stale_months() -> int:
    """Entries not checked for this many months are listed for checking (setting
    DIRECTORY_STALE_MONTHS, default 12)."""
    return int(getattr(settings, "DIRECTORY_STALE_MONTHS", DEFAULT_STALE_MONTHS))


def stale_before(today: datetime.date, months: int | None = None) -> datetime.date:
    """The date before which a last check is too old (same day, `months` earlier)."""
    months = stale_months() if months is None else months
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(today.day, _days_in_month(year, month + 1))
    return datetime.date(year, month + 1, day)


def _days_in_month(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def _has_token(field: str, token: str) -> Q:
    """The comma-separated HSDS list in `field` contains exactly `token`."""
    return (
        Q(**{field: token})
        | Q(**{f"{field}__startswith": f"{token},"})
        | Q(**{f"{field}__endswith": f",{token}"})
        | Q(**{f"{field}__contains": f",{token},"})
    )


def open_at(moment: datetime.datetime, prefix: str = "") -> Q:
    """A schedule is open at a moment when the date is within valid_from/valid_to,
    the day matches (WEEKLY: byday has the weekday; MONTHLY: byday has the weekday's
    place in the month such as 1MO or -1FR; no freq and no byday: every day), and
    opens_at <= time < closes_at. Schedules without times are never "open now"."""
    day, time = moment.date(), moment.time().replace(microsecond=0)
    code = WEEKDAYS[day.weekday()]
    nth = (day.day - 1) // 7 + 1
    last = day.day + 7 > _days_in_month(day.year, day.month)
    byday = f"{prefix}byday"
    monthly = _has_token(byday, f"{nth}{code}")
    if last:
        monthly |= _has_token(byday, f"-1{code}")
    days = (
        Q(**{f"{prefix}freq": "WEEKLY"}) & _has_token(byday, code)
        | Q(**{f"{prefix}freq": "MONTHLY"}) & monthly
        | Q(**{f"{prefix}freq": "", byday: ""})
        | Q(**{f"{prefix}freq": ""}) & _has_token(byday, code)
    )
    return (
        days
        & Q(**{f"{prefix}opens_at__lte": time, f"{prefix}closes_at__gt": time})
        & (
            Q(**{f"{prefix}valid_from__isnull": True})
            | Q(**{f"{prefix}valid_from__lte": day})
        )
        & (
            Q(**{f"{prefix}valid_to__isnull": True})
            | Q(**{f"{prefix}valid_to__gte": day})
        )
    )


def bounding_box(
    latitude: float, longitude: float, miles: float
) -> tuple[float, float, float, float]:
    """The latitude/longitude box holding every point within `miles` (min/max)."""
    dlat = miles / MILES_PER_DEGREE_LATITUDE
    dlon = miles / (MILES_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude)))
    return latitude - dlat, latitude + dlat, longitude - dlon, longitude + dlon


def longitude_scale(latitude: float) -> float:
    """Miles per degree of longitude at this latitude (equirectangular; within a
    fraction of a percent of the great-circle distance over tens of miles)."""
    return MILES_PER_DEGREE_LATITUDE * math.cos(math.radians(latitude))

"""The bounds every answer on a form keeps: how long text may be, the largest
amount and whole number, and the plausible range of a date (`DateRange`).

`core.plain_errors` gives every field these bounds; `core.forms` offers them to
the forms that set their own (`PAST_DATE`, a `DateField` with its `dates`)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .dates import add_days, add_years, long_date

LONG_TEXT = 10_000
# Amounts and counts no record needs to exceed (and every database can hold).
LARGEST_AMOUNT = Decimal(100_000_000)
LARGEST_WHOLE_NUMBER = 1_000_000
EARLIEST_DATE = datetime.date(1900, 1, 1)
YEARS_AHEAD = 10


@dataclass(frozen=True)
class DateRange:
    """The dates a question can plausibly be answered with.

    A date must be after `after`, and before `years_ahead` years from today (None:
    no later limit); `not_future` dates must also be today or in the past."""

    after: datetime.date = EARLIEST_DATE
    years_ahead: int | None = YEARS_AHEAD
    not_future: bool = False

    def problem(
        self, value: datetime.date, today: datetime.date, label: str
    ) -> str | None:
        """Why `value` cannot be the answer to the question `label`; None if it can."""
        if value <= self.after:
            return str(
                _("%(label)s must be after %(date)s")
                % {"label": label, "date": long_date(self.after)}
            )
        if self.not_future and value > today:
            return str(_("%(label)s must be today or in the past") % {"label": label})
        if self.years_ahead is not None:
            before = add_years(today, self.years_ahead)
            if value >= before:
                return str(
                    _("%(label)s must be before %(date)s")
                    % {"label": label, "date": long_date(before)}
                )
        return None

    def picker_bounds(self, today: datetime.date) -> tuple[str, str]:
        """The first and last dates the design system's date picker offers, as
        dd/mm/yyyy ("" for no last date): the same range `problem` accepts."""
        first = add_days(self.after, 1)
        last: datetime.date | None = today if self.not_future else None
        if last is None and self.years_ahead is not None:
            last = add_days(add_years(today, self.years_ahead), -1)
        return f"{first:%d/%m/%Y}", f"{last:%d/%m/%Y}" if last else ""


PAST_DATE = DateRange(not_future=True)
ANY_DATE = DateRange()

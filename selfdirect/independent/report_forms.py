"""The period a report covers."""

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.core.dates import add_years
from selfdirect.core.forms import DateField, Form


class PeriodForm(Form):
    start = DateField(label=_("From"), help_text=_("For example, 1/4/2026"))
    end = DateField(label=_("To"), help_text=_("For example, 31/3/2027"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("To must be the same as or after From"))
        return data


def period(params: Any) -> tuple[PeriodForm, datetime.date, datetime.date]:
    """The period asked for, or the last 12 months when none (or a wrong one) is."""
    end = timezone.localdate()
    start = add_years(end, -1) + datetime.timedelta(days=1)
    form = PeriodForm(params or None, initial={"start": start, "end": end})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end

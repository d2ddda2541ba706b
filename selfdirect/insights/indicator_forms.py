"""The dashboard's filters: the financial year, an optional quarter, a breakdown."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import Form, VersionField

from .dashboard import DIMENSION_NAMES
from .indicators.periods import Period

YEARS_SHOWN = 6


def year_choices(today: datetime.date) -> list[tuple[str, str]]:
    latest = Period.containing(today).year
    return [(str(y), Period(y).label) for y in range(latest, latest - YEARS_SHOWN, -1)]


class IndicatorFilterForm(Form):
    year = forms.ChoiceField(label=_("Financial year"))
    quarter = forms.ChoiceField(
        label=_("Quarter"),
        required=False,
        choices=[("", _("The whole year"))]
        + [(str(q), _("Quarter %(q)s") % {"q": q}) for q in (1, 2, 3, 4)],
    )
    breakdown = forms.ChoiceField(
        label=_("Break down by"),
        required=False,
        choices=list(DIMENSION_NAMES.items()),
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)  # type: ignore[attr-defined]

    def period(self) -> Period:
        data = self.cleaned_data
        quarter = int(data["quarter"]) if data.get("quarter") else None
        return Period(int(data["year"]), quarter)


class DrillRowForm(Form):
    """Which row of a breakdown table a drill-through lists (both empty: the
    headline count)."""

    by = forms.ChoiceField(
        label=_("Breakdown"),
        required=False,
        choices=[("", _("None"))]
        + [(k, v) for k, v in DIMENSION_NAMES.items() if k != "trend"],
    )
    group = forms.CharField(label=_("Group"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("by") and not data.get("group"):
            self.add_error("group", _("Say which group of the breakdown to list"))
        return data


class SpendForm(Form):
    """Finance enters a year's total adult social care spend."""

    financial_year = forms.TypedChoiceField(label=_("Financial year"), coerce=int)
    total = forms.DecimalField(
        label=_("Total adult social care spend (£)"),
        max_digits=14,
        decimal_places=2,
        min_value=1,
    )
    adults_only_total = forms.DecimalField(
        label=_("Of which on adults aged 18 or over (£)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text=_("Leave blank if the ledger does not split it"),
    )
    source = forms.CharField(
        label=_("Where the figure comes from"),
        max_length=300,
        help_text=_("For example, the ledger report and the date it was run"),
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["financial_year"].choices = year_choices(today)  # type: ignore[attr-defined]


class SpendChangeForm(SpendForm):
    """Finance corrects a recorded year: the year itself stays."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, today=timezone.localdate(), **kwargs)
        del self.fields["financial_year"]


class CarersPeriodForm(Form):
    """The carers report's period: a financial year and, optionally, a quarter."""

    year = forms.ChoiceField(label=_("Financial year"))
    quarter = forms.ChoiceField(
        label=_("Quarter"),
        required=False,
        choices=[("", _("The whole year"))]
        + [(str(q), _("Quarter %(q)s") % {"q": q}) for q in (1, 2, 3, 4)],
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(today)  # type: ignore[attr-defined]

    def period(self) -> Period:
        data = self.cleaned_data
        quarter = int(data["quarter"]) if data.get("quarter") else None
        return Period(int(data["year"]), quarter)

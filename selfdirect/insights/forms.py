import datetime
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import Form


class PeriodForm(Form):
    """A report's period: both ends optional, the end not before the start."""

    start = forms.DateField(
        label=_("Signposted from"), required=False, help_text=_("For example, 1/4/2026")
    )
    end = forms.DateField(
        label=_("Signposted up to"),
        required=False,
        help_text=_("For example, 31/3/2027"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date must be after the start date"))
        return data


def _financial_years(today: datetime.date, count: int = 6) -> list[tuple[str, Any]]:
    latest = today.year if today.month >= 4 else today.year - 1
    return [("", _("Choose dates instead"))] + [
        (str(y), f"1 April {y} to 31 March {y + 1}")
        for y in range(latest, latest - count, -1)
    ]


def _choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


class OutcomesPeriodForm(PeriodForm):
    """The outcomes report's period: a financial year, or reviews agreed between
    two dates (both ends optional)."""

    year = forms.ChoiceField(
        label=_("Financial year"),
        required=False,
        help_text=_("A financial year is used instead of the dates below."),
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "year", _financial_years(today))
        self.fields["start"].label = _("Reviews agreed from")
        self.fields["end"].label = _("Reviews agreed up to")
        self.order_fields(["year", "start", "end"])

    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        """The period chosen (call after is_valid)."""
        year = self.cleaned_data.get("year")
        if year:
            first = int(year)
            return datetime.date(first, 4, 1), datetime.date(first + 1, 3, 31)
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")


class DrillForm(Form):
    """Which count on the outcomes report a drill-through names (from its link)."""

    by = forms.ChoiceField(label=_("Row"), required=False)
    key = forms.RegexField(
        label=_("Row value"),
        regex=r"^(none|\d{1,12}|\d{4}-\d{2}-\d{2})$",
        required=False,
    )
    level = forms.SlugField(label=_("How far met"), max_length=40, required=False)
    reason = forms.SlugField(label=_("Reason"), max_length=40, required=False)
    question = forms.SlugField(label=_("Question"), max_length=40, required=False)
    answer = forms.ChoiceField(label=_("Answer"), required=False)
    reviews = forms.ChoiceField(label=_("Reviews"), required=False)

    def __init__(
        self, *args: Any, rows: tuple[str, ...], answers: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "by", [(r, r) for r in rows])
        _choices(self, "answer", [("", "")] + [(a, a) for a in answers])
        _choices(
            self,
            "reviews",
            [("", ""), ("all", "all"), ("on_time", "on_time"), ("late", "late")],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["by"] = by = data.get("by") or "all"
        key = data.get("key") or ""
        if "key" in self.errors:
            return data
        if by == "all":
            if key:
                self.add_error("key", _("This count has no row value"))
        elif not key:
            self.add_error("key", _("Enter the row value"))
        elif (by == "quarter") != ("-" in key) or (
            by == "quarter" and not _quarter_start(key)
        ):
            self.add_error("key", _("Row value does not fit the row"))
        if data.get("question") and not data.get("answer"):
            self.add_error("answer", _("Choose an answer"))
        return data


def _quarter_start(text: str) -> bool:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return day.day == 1 and day.month in (1, 4, 7, 10)

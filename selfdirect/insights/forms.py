from typing import Any

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

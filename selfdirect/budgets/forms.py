"""Forms for working out indicative budgets (input shape only)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import Form, LongText
from selfdirect.people.models import ServiceGroup

from .models import BudgetMethod

DATE_HINT = _("For example, 3/11/2026")
LINES = 6


class RasForm(Form):
    worked_out_on = forms.DateField(label=_("Date worked out"), help_text=DATE_HINT)
    service_group = forms.ModelChoiceField(
        label=_("Service group"),
        queryset=ServiceGroup.objects.all(),
        required=False,
        empty_label=_("None (the default rate)"),
        help_text=_("The pounds per point depend on the service group"),
    )
    explanation = LongText(
        label=_("Anything the person should know about how this was worked out"),
        required=False,
        max_length=3000,
    )

    def __init__(self, *args: Any, method: BudgetMethod, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.domains = []
        for domain in method.config["domains"]:
            names = []
            for question in domain["questions"]:
                name = f"q_{question['code']}"
                self.fields[name] = forms.ChoiceField(
                    label=question["text"],
                    choices=[(a["code"], a["text"]) for a in question["answers"]],
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer to this question")},
                )
                names.append(name)
            self.domains.append((domain["name"], names))

    def domain_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(name, [self[f] for f in fields]) for name, fields in self.domains]

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix("q_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q_")
        }


class EquivalenceForm(Form):
    worked_out_on = forms.DateField(label=_("Date worked out"), help_text=DATE_HINT)
    explanation = LongText(
        label=_("Anything the person should know about how this was worked out"),
        required=False,
        max_length=3000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        money: dict[str, Any] = {"required": False, "min_value": 0, "decimal_places": 2}
        for n in range(1, LINES + 1):
            self.fields[f"what_{n}"] = forms.CharField(
                label=_("Support %(n)s: what it is") % {"n": n},
                max_length=200,
                required=False,
            )
            self.fields[f"hours_{n}"] = forms.DecimalField(
                label=_("Support %(n)s: hours (or sessions) a week") % {"n": n},
                max_digits=6,
                **money,
            )
            self.fields[f"rate_{n}"] = forms.DecimalField(
                label=_("Support %(n)s: rate per hour or session (£)") % {"n": n},
                max_digits=8,
                **money,
            )
            self.fields[f"weekly_{n}"] = forms.DecimalField(
                label=_("Support %(n)s: or a cost a week (£)") % {"n": n},
                max_digits=8,
                **money,
            )

    def line_fields(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"{part}_{n}"] for part in ("what", "hours", "rate", "weekly")]
            for n in range(1, LINES + 1)
        ]

    def clean(self) -> dict[str, Any]:
        # Only gathers the lines, by position; what a line needs is checked by the
        # rules (rules.check_equivalence_lines), whose errors the view shows by line.
        data = super().clean() or {}
        self._lines = [
            {
                "what": data.get(f"what_{n}") or "",
                "hours_per_week": data.get(f"hours_{n}"),
                "hourly_rate": data.get(f"rate_{n}"),
                "weekly_cost": data.get(f"weekly_{n}"),
            }
            for n in range(1, LINES + 1)
        ]
        return data

    def lines(self) -> list[dict[str, Any]]:
        return self._lines

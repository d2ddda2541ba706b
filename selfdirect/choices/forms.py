"""Forms for information given, independent support and choices (shape only)."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import Form, LongText, VersionField
from selfdirect.directory.models import Organization

from .models import (
    AmountStated,
    DirectPaymentCheck,
    ElementChoice,
    IndependentSupport,
    InformationGiven,
    SdsOption,
    SupportChoice,
)
from .services import (
    ChoiceDetails,
    DirectPaymentCheckDetails,
    IndependentSupportDetails,
    ReferralProgress,
)

DATE_HINT = "For example, 3/11/2026"
OPTION_CHOICES = [(str(value), label) for value, label in SdsOption.choices]
ELEMENT_OPTIONS = [
    ("", _("Not needed")),
    ("1", _("Option 1")),
    ("2", _("Option 2")),
    ("3", _("Option 3")),
]


class InformationForm(Form):
    given_on = forms.DateField(
        label=_("Date the information was given"), help_text=DATE_HINT
    )
    options_explained = forms.MultipleChoiceField(
        label=_("Which options did you explain?"),
        choices=OPTION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    amount_1 = needed_when(
        forms.DecimalField(
            label=_("Amount stated for option 1 (£)"),
            required=False,
            min_value=0,
            max_digits=10,
            decimal_places=2,
        ),
        _("if you explained option 1"),
    )
    amount_2 = needed_when(
        forms.DecimalField(
            label=_("Amount stated for option 2 (£)"),
            required=False,
            min_value=0,
            max_digits=10,
            decimal_places=2,
        ),
        _("if you explained option 2"),
    )
    amount_3 = needed_when(
        forms.DecimalField(
            label=_("Amount stated for option 3 (£)"),
            required=False,
            min_value=0,
            max_digits=10,
            decimal_places=2,
        ),
        _("if you explained option 3"),
    )
    amount_4 = needed_when(
        forms.DecimalField(
            label=_("Amount stated for option 4 (£)"),
            required=False,
            min_value=0,
            max_digits=10,
            decimal_places=2,
        ),
        _("if you explained option 4"),
    )
    period = forms.ChoiceField(
        label=_("The amounts are"),
        choices=AmountStated.Period.choices,
        widget=forms.RadioSelect,
        initial=AmountStated.Period.WEEK,
    )
    formats = forms.MultipleChoiceField(
        label=_("How was the information given?"),
        choices=InformationGiven.Format.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.CharField(label=_("Language"), max_length=60, initial="English")
    who_else_can_help = LongText(
        label=_("Who else did you say can help?"),
        required=False,
        max_length=2000,
        help_text=_(
            "For example, the local independent support organisation or an advocacy service"
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for option in data.get("options_explained", []):
            if data.get(f"amount_{option}") is None:
                self.add_error(
                    f"amount_{option}",
                    _("Enter the amount stated for option %(option)s")
                    % {"option": option},
                )
        return data

    def amounts(self) -> dict[int, tuple[Decimal, str]]:
        data = self.cleaned_data
        return {
            int(option): (data[f"amount_{option}"], data["period"])
            for option in data["options_explained"]
        }

    def details(self) -> dict[str, Any]:
        keep = (
            "given_on",
            "options_explained",
            "formats",
            "language",
            "who_else_can_help",
        )
        return {name: self.cleaned_data[name] for name in keep}


class IndependentSupportForm(Form):
    kind = forms.ChoiceField(
        label=_("What was offered?"),
        choices=IndependentSupport.Kind.choices,
        widget=forms.RadioSelect,
    )
    offered_on = forms.DateField(label=_("Date offered"), help_text=DATE_HINT)
    response = forms.ChoiceField(
        label=_("What did the person say?"),
        choices=IndependentSupport.Response.choices,
        widget=forms.RadioSelect,
    )
    organisation = needed_when(
        forms.CharField(
            label=_("Organisation referred to"), max_length=200, required=False
        ),
        _("if the person was referred"),
    )
    provider = forms.ModelChoiceField(
        label=_("Or an organisation that works in Selfdirect"),
        queryset=Organization.objects.filter(independent_support_provider=True),
        required=False,
        empty_label=_("None of these"),
        help_text=_(
            "The referral reaches their inbox once they record the person's consent "
            "to share, and their answer and outcome come back here."
        ),
    )
    referred_on = forms.DateField(
        label=_("Date referred"), required=False, help_text=DATE_HINT
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        named = data.get("organisation") or data.get("provider")
        if data.get("referred_on") and not named:
            self.add_error(
                "organisation", "Enter the organisation the person was referred to"
            )
        return data

    def details(self) -> IndependentSupportDetails:
        return IndependentSupportDetails(**self.cleaned_data)


class UpdateIndependentSupportForm(Form):
    version = VersionField()
    status = forms.ChoiceField(
        label=_("Where is the referral now?"),
        choices=IndependentSupport.Status.choices,
        widget=forms.RadioSelect,
    )
    feedback = LongText(label=_("The organisation's feedback"), required=False)

    def details(self) -> ReferralProgress:
        return ReferralProgress(
            status=self.cleaned_data["status"], feedback=self.cleaned_data["feedback"]
        )


class ChoiceForm(Form):
    made_on = forms.DateField(label=_("Date of the choice"), help_text=DATE_HINT)
    decided_by = forms.ChoiceField(
        label=_("Who made the choice?"),
        choices=SupportChoice.DecidedBy.choices,
        widget=forms.RadioSelect,
    )
    representative_name = forms.CharField(
        label=_("Representative's name"), max_length=200, required=False
    )
    representative_authority = forms.ChoiceField(
        label=_("Their legal authority"),
        choices=[
            ("", _("Not a legal representative")),
            *SupportChoice.Authority.choices,
        ],
        required=False,
    )
    reasons = LongText(
        label=_("The person's reasons, in their own words"), required=False
    )
    no_choice = forms.BooleanField(
        label=_("The person did not make a choice (Option 3 is then deemed chosen)"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in ElementChoice.Element.choices:
            self.fields[f"element_{value}"] = forms.ChoiceField(
                label=str(label),
                choices=ELEMENT_OPTIONS,
                required=False,
                widget=forms.RadioSelect,
            )

    def element_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("element_")]

    def elements(self) -> dict[str, int]:
        return {
            name.removeprefix("element_"): int(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("element_") and value
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = any(v for k, v in data.items() if k.startswith("element_"))
        if not chosen and not data.get("no_choice"):
            self.add_error(
                None,
                "Choose an option for at least one element of support, or tick that the person did not make a choice",
            )
        if chosen and data.get("no_choice"):
            self.add_error("no_choice", _("Untick this: options have been chosen"))
        return data

    def details(self) -> ChoiceDetails:
        keep = (
            "made_on",
            "decided_by",
            "representative_name",
            "representative_authority",
            "reasons",
        )
        return ChoiceDetails(**{name: self.cleaned_data[name] for name in keep})


def family_conditions() -> list[tuple[str, str]]:
    """The conditions for employing a family member, kept as data (unverified)."""
    data = json.loads(
        (Path(__file__).parent / "data" / "family_member_conditions.json").read_text(
            encoding="utf-8"
        )
    )
    return [(row["code"], row["text"]) for row in data["conditions"]]


class DirectPaymentForm(Form):
    checked_on = forms.DateField(label=_("Date of the checks"), help_text=DATE_HINT)
    payment_starts_on = forms.DateField(
        label=_("First payment due"), required=False, help_text=DATE_HINT
    )
    means_test_on = forms.DateField(
        label=_("Means test done on"),
        required=False,
        help_text=_(
            "Optional. If there is one, it must be no later than a year after payments start"
        ),
    )
    third_party_payee = forms.CharField(
        label=_("Third-party payee, if any"), max_length=200, required=False
    )
    payee_at_persons_request = forms.BooleanField(
        label=_("The person asked for a third-party payee"), required=False
    )
    family_member_employed = forms.BooleanField(
        label=_("A family member would be employed"), required=False
    )
    family_member = forms.CharField(
        label=_("The family member"), max_length=200, required=False
    )
    undue_pressure = forms.BooleanField(
        label=_("There is a sign of undue pressure on the person"), required=False
    )
    family_member_has_powers = forms.BooleanField(
        label=_(
            "The family member is a guardian, continuing attorney or welfare attorney with relevant powers"
        ),
        required=False,
    )
    family_conditions = forms.MultipleChoiceField(
        label=_("Conditions met for employing a family member"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "From the partnership's list: check it against the regulations in force"
        ),
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=DirectPaymentCheck.Decision.choices,
        widget=forms.RadioSelect,
    )
    refusal_reasons = LongText(
        label=_("If refused, the reasons in plain words"),
        required=False,
        help_text=_("These go in the letter to the person"),
    )
    review_on = forms.DateField(
        label=_("If refused, when it will be reviewed"),
        required=False,
        help_text=DATE_HINT,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["family_conditions"].choices = family_conditions()  # type: ignore[attr-defined]

    def details(self) -> DirectPaymentCheckDetails:
        return DirectPaymentCheckDetails(**self.cleaned_data)

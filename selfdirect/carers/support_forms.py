"""Forms for (i) the carer's budget and options and (j) signposting: HTTP only;
the rules are in `support_rules` and the budgets app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.budgets.forms import EquivalenceForm, RasForm
from selfdirect.core.forms import DateField, Form, LongText, VersionField
from selfdirect.core.input_bounds import PAST_DATE
from selfdirect.directory.models import Service

from .details import FollowUpDetails, SignpostingDetails, SupportDetails
from .models import ELEMENT_OPTIONS, CarerSignposting, CarerSupport
from .selectors import carer_services


class CarerRasForm(RasForm):
    """The budgets app's points-based form, without the service group (a
    carer's method prices by the default bands) and with the plan's version."""

    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["service_group"]


class CarerEquivalenceForm(EquivalenceForm):
    version = VersionField()


class SupportForm(Form):
    what = forms.CharField(
        label=_("The support"),
        max_length=200,
        help_text=_("For example, a weekly sitter so the carer can go swimming"),
    )
    option = forms.TypedChoiceField(
        label=_("The option the carer chose for it"),
        choices=ELEMENT_OPTIONS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    yearly_amount = forms.DecimalField(
        label=_("Yearly amount (£), if known"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
    )
    chosen_by = forms.ChoiceField(
        label=_("Who chose the option"),
        choices=CarerSupport.ChosenBy.choices,
        widget=forms.RadioSelect,
    )
    chosen_by_name = forms.CharField(
        label=_("Their name, if not the carer"), max_length=200, required=False
    )
    chosen_on = DateField(label=_("Date of the choice"), dates=PAST_DATE)
    version = VersionField(required=False)

    def details(self) -> SupportDetails:
        d = self.cleaned_data
        return SupportDetails(
            what=d["what"],
            option=d["option"],
            yearly_amount=d["yearly_amount"],
            chosen_by=d["chosen_by"],
            chosen_by_name=d["chosen_by_name"],
            chosen_on=d["chosen_on"],
        )


class SignpostingForm(Form):
    service = forms.ModelChoiceField(
        label=_("A service in the community directory"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("None: name it below"),
    )
    support_name = forms.CharField(
        label=_("Or the support's name"), max_length=200, required=False
    )
    signposted_on = DateField(label=_("Signposted on"), dates=PAST_DATE)
    follow_up_due = DateField(label=_("Follow up by"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = carer_services()  # type: ignore[attr-defined]

    def details(self) -> SignpostingDetails:
        d = self.cleaned_data
        return SignpostingDetails(
            service=d["service"],
            support_name=d["support_name"],
            signposted_on=d["signposted_on"],
            follow_up_due=d["follow_up_due"],
        )


USED = [("", _("Not known")), ("yes", _("Yes")), ("no", _("No"))]


class FollowUpForm(Form):
    followed_up_on = DateField(label=_("Followed up on"), dates=PAST_DATE)
    result = forms.ChoiceField(
        label=_("What came of it"),
        choices=CarerSignposting.Result.choices,
        widget=forms.RadioSelect,
    )
    used_it = forms.ChoiceField(
        label=_("Did the carer use it?"),
        choices=USED,
        required=False,
        widget=forms.RadioSelect,
    )
    notes = LongText(label=_("Follow-up notes"), required=False)
    version = VersionField()

    def details(self) -> FollowUpDetails:
        d = self.cleaned_data
        used = {"yes": True, "no": False}.get(d["used_it"])
        return FollowUpDetails(
            followed_up_on=d["followed_up_on"],
            result=d["result"],
            used_it=used,
            notes=d["notes"],
        )

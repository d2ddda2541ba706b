"""Forms for option delivery records (shape only; rules in rules.py)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.forms import Form, LongText, VersionField
from selfdirect.providers import selectors as register

from . import rules
from .models import (
    ArrangedService,
    DirectPaymentAgreement,
    Frequency,
    MonitoringReturn,
)
from .services import (
    ArrangedServiceDetails,
    DirectPaymentDetails,
    DirectPaymentEnding,
    MonitoringReturnDetails,
    PaEmploymentDetails,
    PaymentDetails,
    ServiceFundDetails,
    SurplusDetails,
)

DATE_HINT = _("For example, 3/11/2026")


def money(label: Any, *, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, min_value=0, max_digits=10, decimal_places=2
    )


class DetailsForm(Form):
    """A form whose cleaned data, less the version (values()), make the details
    its details() gives the service."""

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class DirectPaymentForm(DetailsForm):
    starts_on = forms.DateField(label=_("Start date"), help_text=DATE_HINT)
    amount = money(_("Amount each time (£)"))
    frequency = forms.ChoiceField(
        label=_("How often is it paid?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
    spend_on = forms.MultipleChoiceField(
        label=_("What can it be spent on?"),
        choices=list(rules.SPEND_CATEGORIES.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    spend_notes = LongText(
        label=_("More about what it can be spent on"), required=False, max_length=2000
    )
    responsibilities = forms.MultipleChoiceField(
        label=_("Which responsibilities has the person accepted?"),
        choices=list(rules.RESPONSIBILITIES.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "The first four are always needed; employer's duties and insurance are "
            "needed when the payment employs personal assistants."
        ),
    )
    payee_requested_by_person = forms.BooleanField(
        label=_("The person asked for the payment to go to someone else"),
        required=False,
    )
    payee_name = forms.CharField(
        label=_("Third-party payee's name"), max_length=200, required=False
    )
    payee_relationship = forms.CharField(
        label=_("Payee's relationship to the person"), max_length=100, required=False
    )
    monitoring_every_months = forms.IntegerField(
        label=_("Months between monitoring returns"),
        min_value=1,
        max_value=12,
        initial=3,
    )

    def details(self) -> DirectPaymentDetails:
        return DirectPaymentDetails(**self.values())


class EditDirectPaymentForm(DirectPaymentForm):
    version = VersionField()


class EndDirectPaymentForm(DetailsForm):
    version = VersionField()
    ended_on = forms.DateField(label=_("End date"), help_text=DATE_HINT)
    end_ground = forms.ChoiceField(
        label=_("Why did it end?"),
        choices=DirectPaymentAgreement.Ground.choices,
        widget=forms.RadioSelect,
    )
    notice_given_on = forms.DateField(
        label=_("Date notice was given"),
        required=False,
        help_text=_("Needed when the council ends the payment"),
    )
    notice_days = forms.IntegerField(
        label=_("Days of notice"), required=False, min_value=0, max_value=365
    )
    end_notes = LongText(
        label=_("More about the ending"), required=False, max_length=2000
    )

    def details(self) -> DirectPaymentEnding:
        return DirectPaymentEnding(**self.values())


class PaymentForm(DetailsForm):
    paid_on = forms.DateField(label=_("Date paid"), help_text=DATE_HINT)
    amount = money(_("Amount (£)"))
    period_from = forms.DateField(label=_("Period covered from"), help_text=DATE_HINT)
    period_to = forms.DateField(label=_("Period covered to"), help_text=DATE_HINT)

    def details(self) -> PaymentDetails:
        return PaymentDetails(**self.values())


class CorrectPaymentForm(PaymentForm):
    version = VersionField()


class MonitoringReturnForm(DetailsForm):
    version = VersionField()
    received_on = forms.DateField(label=_("Date received"), help_text=DATE_HINT)
    evidence = forms.MultipleChoiceField(
        label=_("What evidence was received?"),
        choices=MonitoringReturn.Evidence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    balance_held = money(_("Balance held at the end of the period (£)"))
    surplus = money(_("Surplus (£)"), required=False)
    notes = LongText(label=_("Notes"), required=False, max_length=2000)

    def __init__(self, *args: Any, weeks_allowed: int = 8, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["surplus"].help_text = _(
            "Leave blank to work it out: the balance less %(weeks)s weeks of payment"
        ) % {"weeks": weeks_allowed}

    def details(self) -> MonitoringReturnDetails:
        return MonitoringReturnDetails(**self.values())


class SurplusForm(DetailsForm):
    version = VersionField()
    surplus_decision = forms.ChoiceField(
        label=_("What happens to the surplus?"),
        choices=MonitoringReturn.SurplusDecision.choices,
        widget=forms.RadioSelect,
    )
    recovered_amount = money(_("Amount recovered (£)"), required=False)
    recovered_on = forms.DateField(
        label=_("Date recovered"), required=False, help_text=DATE_HINT
    )

    def details(self) -> SurplusDetails:
        return SurplusDetails(**self.values())


class PaEmploymentForm(DetailsForm):
    starts_on = forms.DateField(label=_("Employing from"), help_text=DATE_HINT)
    number_of_pas = forms.IntegerField(
        label=_("Number of personal assistants"), min_value=0, max_value=50
    )
    payroll_support = forms.CharField(
        label=_("Payroll service"), max_length=200, required=False
    )
    insurance_provider = forms.CharField(
        label=_("Employer's liability insurance with"), max_length=200, required=False
    )

    def details(self) -> PaEmploymentDetails:
        return PaEmploymentDetails(**self.values())


def _provider_field(required: bool) -> forms.ModelChoiceField:  # type: ignore[type-arg]
    return forms.ModelChoiceField(
        label=_("Provider"),
        queryset=register.active_providers(),
        required=required,
        empty_label=_("Choose a provider") if required else _("None (in-house)"),
    )


class ProviderChoices(forms.Form):
    """Providers on the register to choose from; editing a record also offers its
    own provider even if it has since left the register, so saving keeps it."""

    def __init__(
        self, *args: Any, current_provider_id: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if current_provider_id is not None:
            field = self.fields["provider"]
            field.queryset = register.active_providers(  # type: ignore[attr-defined]
                keeping=current_provider_id
            )


class ServiceFundForm(ProviderChoices, DetailsForm):
    provider = _provider_field(True)
    yearly_amount = money(_("Yearly amount (£)"))
    person_directs = LongText(
        label=_("What does the person direct?"),
        max_length=2000,
        help_text=_("For example, which staff, what times, what they do together"),
    )
    starts_on = forms.DateField(label=_("Start date"), help_text=DATE_HINT)
    ends_on = forms.DateField(label=_("End date"), required=False, help_text=DATE_HINT)

    def details(self) -> ServiceFundDetails:
        return ServiceFundDetails(**self.values())


class ArrangedServiceForm(ProviderChoices, DetailsForm):
    arrangement = forms.ChoiceField(
        label=_("How is it arranged?"),
        choices=ArrangedService.Arrangement.choices,
        widget=forms.RadioSelect,
    )
    provider = _provider_field(False)
    description = forms.CharField(label=_("What is the service?"), max_length=300)
    quantity = forms.DecimalField(
        label=_("How much each week"), min_value=0, max_digits=6, decimal_places=2
    )
    unit = forms.ChoiceField(label=_("Unit"), choices=ArrangedService.Unit.choices)
    yearly_cost = money(_("Yearly cost (£)"))
    starts_on = forms.DateField(label=_("Start date"), help_text=DATE_HINT)
    ends_on = forms.DateField(label=_("End date"), required=False, help_text=DATE_HINT)

    def details(self) -> ArrangedServiceDetails:
        return ArrangedServiceDetails(**self.values())


class EditServiceFundForm(ServiceFundForm):
    version = VersionField()


class EditArrangedServiceForm(ArrangedServiceForm):
    version = VersionField()


class DueFilterForm(Form):
    within = forms.IntegerField(
        label=_("Include returns due in the next (days)"),
        min_value=0,
        max_value=365,
        required=False,
        initial=14,
    )

"""Forms for the providers register (shape only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality
from selfdirect.core.forms import Form, PhoneField, VersionField

from .models import Provider
from .services import ProviderDetails


class ProviderForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Type of provider"),
        choices=Provider.Kind.choices,
        widget=forms.RadioSelect,
    )
    contract_type = forms.ChoiceField(
        label=_("Contract type"),
        choices=Provider.ContractType.choices,
        widget=forms.RadioSelect,
    )
    localities = forms.ModelMultipleChoiceField(
        label=_("Localities served"),
        queryset=Locality.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    active = forms.BooleanField(
        label=_("On the register (active)"), required=False, initial=True
    )
    contact_name = forms.CharField(
        label=_("Contact name"), max_length=200, required=False
    )
    phone = PhoneField(label=_("Phone"), required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    care_inspectorate_number = forms.CharField(
        label=_("Care Inspectorate registration number"), max_length=40, required=False
    )

    def details(self) -> ProviderDetails:
        """The provider's own fields (less the version and localities)."""
        skip = {"version", "localities"}
        data = {k: v for k, v in self.cleaned_data.items() if k not in skip}
        return ProviderDetails(**data)


class EditProviderForm(ProviderForm):
    version = VersionField()


class ProviderFilterForm(Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("Any type")), *Provider.Kind.choices],
        required=False,
    )
    contract_type = forms.ChoiceField(
        label=_("Contract type"),
        choices=[("", _("Any contract")), *Provider.ContractType.choices],
        required=False,
    )
    locality = forms.ModelChoiceField(
        label=_("Locality served"),
        queryset=Locality.objects.order_by("name"),
        required=False,
        empty_label=_("Any locality"),
    )
    include_inactive = forms.BooleanField(
        label=_("Include providers no longer on the register"), required=False
    )

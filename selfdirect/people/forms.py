"""Forms for people's records. They check the shape of input; services check rules."""

import dataclasses
import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality, Team, User
from selfdirect.core.forms import (
    DateField,
    Form,
    LongText,
    ModelForm,
    PhoneField,
    ReadOnceChoiceField,
    SearchText,
    VersionField,
)
from selfdirect.core.input_bounds import PAST_DATE

from . import rules
from .models import Person, Relationship, ServiceGroup
from .services import PersonDetails, RelationshipDetails

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def past_date(value: datetime.date | None, label: str) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(
            _("%(label)s must be today or in the past") % {"label": label}
        )


class PersonForm(ModelForm):
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    date_of_birth = DateField(
        label=_("Date of birth"),
        dates=PAST_DATE,
        help_text=_("For example, 27/03/1950"),
    )
    phone = PhoneField(label=_("Phone"), required=False)
    chi_number = forms.CharField(
        label=_("CHI number"),
        required=False,
        help_text=_("10 digits. Leave blank if you do not know it."),
    )
    postcode = forms.CharField(
        max_length=20, required=False, help_text=_("For example, G81 1UE")
    )
    address = LongText(max_length=500, required=False)
    communication_needs = LongText(
        required=False,
        help_text=_(
            "For example, uses BSL, needs Easy Read, hard of hearing, "
            "prefers a phone call to a letter"
        ),
    )
    locality = forms.ModelChoiceField(
        Locality.objects.all(), required=False, empty_label=_("Not known")
    )
    service_groups = forms.ModelMultipleChoiceField(
        ServiceGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    consent_to_share = forms.ChoiceField(
        label=_(
            "Has the person agreed to share their information with other services?"
        ),
        choices=Person.Consent.choices,
        widget=forms.RadioSelect,
        initial=Person.Consent.NOT_ASKED,
    )
    consent_recorded_on = DateField(
        label=_("Date consent was recorded"),
        dates=PAST_DATE,
        required=False,
        help_text=_("For example, 3/11/2026"),
    )

    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "chi_number",
            "address",
            "postcode",
            "locality",
            "phone",
            "communication_needs",
            "preferred_language",
            "service_groups",
            "consent_to_share",
            "consent_recorded_on",
        ]
        help_texts = {
            "preferred_name": "What the person likes to be called, if different",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].required = False

    def validate_unique(self) -> None:
        """Uniqueness is the service's job: it says a record exists, never whose."""

    def clean_chi_number(self) -> str | None:
        chi = rules.normalise_chi(self.cleaned_data.get("chi_number") or "")
        if not chi:
            return None
        problem = rules.chi_problem(chi)
        if problem:
            raise forms.ValidationError(problem)
        return chi

    def clean_date_of_birth(self) -> datetime.date:
        born = self.cleaned_data["date_of_birth"]
        problem = rules.date_of_birth_problem(born, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return born

    def clean_postcode(self) -> str:
        raw = self.cleaned_data.get("postcode") or ""
        if raw and not rules.is_postcode(raw):
            raise forms.ValidationError("Enter a real postcode, like G81 1UE")
        return rules.normalise_postcode(raw) if raw else ""

    def clean_consent_recorded_on(self) -> datetime.date | None:
        value = self.cleaned_data.get("consent_recorded_on")
        past_date(value, "Date consent was recorded")
        return value

    def details(self) -> PersonDetails:
        names = [field.name for field in dataclasses.fields(PersonDetails)]
        return PersonDetails(**{name: self.cleaned_data[name] for name in names})


class AddPersonForm(PersonForm):
    team = forms.ModelChoiceField(
        Team.objects.none(),
        empty_label=None,
        help_text=_("The team the person is allocated to"),
    )
    not_a_duplicate = forms.BooleanField(
        required=False,
        label=_(
            "I have checked: this is a different person from the records listed above"
        ),
    )

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]


class EditPersonForm(PersonForm):
    version = VersionField()
    status = forms.ChoiceField(
        choices=[c for c in Person.Status.choices if c[0] != Person.Status.MERGED],
        widget=forms.RadioSelect,
        label=_("Is the record open or closed?"),
    )

    class Meta(PersonForm.Meta):
        fields = [*PersonForm.Meta.fields, "status"]


class CaseloadFilterForm(Form):
    q = SearchText(label=_("Search"), help_text=_("Name, CHI number or postcode"))
    team = ReadOnceChoiceField(
        Team.objects.none(), required=False, empty_label=_("All teams")
    )
    locality = ReadOnceChoiceField(
        Locality.objects.all(), required=False, empty_label=_("All localities")
    )
    service_group = ReadOnceChoiceField(
        ServiceGroup.objects.all(), required=False, empty_label=_("All service groups")
    )
    worker = ReadOnceChoiceField(
        User.objects.none(), required=False, empty_label=_("All workers")
    )
    status = forms.ChoiceField(
        choices=[
            ("open", _("Open")),
            ("closed", _("Closed")),
            ("", _("Open and closed")),
        ],
        required=False,
    )

    def __init__(self, *args: Any, teams: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["worker"].queryset = workers  # type: ignore[attr-defined]


class AllocationForm(Form):
    team = forms.ModelChoiceField(Team.objects.all(), empty_label=None)
    worker = forms.ModelChoiceField(
        User.objects.none(), required=False, empty_label=_("No named worker yet")
    )
    started_on = forms.DateField(
        label=_("Allocated from"), help_text=_("For example, 3/11/2026")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            teams__isnull=False, is_active=True
        ).distinct()


class RelationshipForm(Form):
    kind = forms.ChoiceField(
        label=_("Who are they to the person?"),
        choices=Relationship.Kind.choices,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(max_length=200, required=False)
    carer_chi = forms.CharField(
        label=_("Their CHI number, if they have a record in Selfdirect"),
        required=False,
        help_text=_("Links the two records, so each shows the other"),
    )
    description = forms.CharField(
        label=_("How they are related"),
        max_length=200,
        required=False,
        help_text=_("For example, daughter, husband, neighbour"),
    )
    contact = forms.CharField(
        label=_("Contact details"), max_length=200, required=False
    )
    lives_with_person = forms.BooleanField(
        label=_("They live with the person"), required=False
    )

    def clean_carer_chi(self) -> str:
        chi = rules.normalise_chi(self.cleaned_data.get("carer_chi") or "")
        problem = rules.chi_problem(chi) if chi else None
        if problem:
            raise forms.ValidationError(problem)
        return chi

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name") and not data.get("carer_chi") and not self.errors:
            raise forms.ValidationError(
                "Enter their name, or their CHI number if they have a record"
            )
        return data

    def details(self, related_person: Person | None) -> RelationshipDetails:
        data = {k: v for k, v in self.cleaned_data.items() if k != "carer_chi"}
        return RelationshipDetails(**data, related_person=related_person)


class MergeForm(Form):
    duplicate = forms.UUIDField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I have checked these are the same person"),
        error_messages={
            "required": "Confirm you have checked these are the same person"
        },
    )

"""Carers' forms: HTTP only; the rules are in services and rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Team
from selfdirect.core.forms import (
    DateField,
    Form,
    LongText,
    ModelForm,
    VersionField,
)
from selfdirect.core.input_bounds import PAST_DATE

from . import rules
from .details import (
    BreakDetails,
    CarerDetails,
    DischargeDetails,
    IdentifyDetails,
    OfferDetails,
    SharingDetails,
)
from .models import BreakFromCaring, Carer, CarerPlan, Impact, Offer
from .sections import Section
from .selectors import carer_services


class IdentifyForm(Form):
    identified_on = DateField(label=_("Identified on"), dates=PAST_DATE)
    still_at_school = forms.BooleanField(
        label=_("The carer is still at school"), required=False
    )
    cared_for_terminally_ill = forms.BooleanField(
        label=_("The person cared for is terminally ill"),
        required=False,
        help_text=_("The plan is then due sooner"),
    )

    def details(self) -> IdentifyDetails:
        d = self.cleaned_data
        return IdentifyDetails(
            identified_on=d["identified_on"],
            still_at_school=d["still_at_school"],
            cared_for_terminally_ill=d["cared_for_terminally_ill"],
        )


class IdentifyFromRelationshipForm(IdentifyForm):
    team = forms.ModelChoiceField(
        label=_("Team that supports the carer"),
        queryset=Team.objects.all(),
        empty_label=None,
    )
    first_name = forms.CharField(
        label=_("Carer's first name"), max_length=100, required=False
    )
    last_name = forms.CharField(
        label=_("Carer's last name"), max_length=100, required=False
    )
    date_of_birth = DateField(
        label=_("Carer's date of birth"), dates=PAST_DATE, required=False
    )

    def __init__(self, *args: Any, needs_person: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs_person = needs_person
        if not needs_person:
            for name in ("first_name", "last_name", "date_of_birth"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.needs_person:
            for name, message in (
                ("first_name", _("Enter the carer's first name")),
                ("last_name", _("Enter the carer's last name")),
                ("date_of_birth", _("Enter the carer's date of birth")),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        return data

    def new_carer(self) -> CarerDetails | None:
        if not self.needs_person:
            return None
        d = self.cleaned_data
        return CarerDetails(d["first_name"], d["last_name"], d["date_of_birth"])


class IdentifySelfForm(IdentifyForm):
    how = forms.ChoiceField(
        label=_("How was the carer identified?"),
        choices=[
            (
                Carer.IdentifiedHow.FIRST_CONTACT,
                Carer.IdentifiedHow.FIRST_CONTACT.label,
            ),
            (Carer.IdentifiedHow.HOSPITAL, Carer.IdentifiedHow.HOSPITAL.label),
        ],
        widget=forms.RadioSelect,
    )


class OfferForm(Form):
    offered_on = DateField(label=_("Offered or requested on"), dates=PAST_DATE)
    how = forms.ChoiceField(
        label=_("How"), choices=Offer.How.choices, widget=forms.RadioSelect
    )
    offered_by = forms.CharField(label=_("Offered by"), max_length=200)
    answer = forms.ChoiceField(
        label=_("The carer's answer"),
        choices=Offer.Answer.choices,
        widget=forms.RadioSelect,
    )
    answered_on = DateField(label=_("Answered on"), dates=PAST_DATE, required=False)

    def details(self) -> OfferDetails:
        d = self.cleaned_data
        return OfferDetails(
            d["offered_on"], d["how"], d["offered_by"], d["answer"], d["answered_on"]
        )


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("The carer's answer"),
        choices=Offer.Answer.choices,
        widget=forms.RadioSelect,
    )
    answered_on = DateField(label=_("Answered on"), dates=PAST_DATE, required=False)
    version = VersionField()


class DischargeForm(Form):
    hospital = forms.CharField(label=_("Hospital"), max_length=200)
    notice_on = DateField(label=_("Notice received on"), dates=PAST_DATE)
    expected_discharge_on = DateField(
        label=_("Expected discharge date"), required=False
    )
    carer_told_on = DateField(label=_("Carer told on"), dates=PAST_DATE, required=False)
    views_invited_on = DateField(
        label=_("Carer's views invited on"), dates=PAST_DATE, required=False
    )
    carers_views = LongText(label=_("The carer's views"), required=False)

    def details(self) -> DischargeDetails:
        return DischargeDetails(**self.cleaned_data)


class SharingForm(Form):
    shared_summary = LongText(
        label=_("What the carer agreed to share with the cared-for person's worker"),
        required=False,
        help_text=_(
            "The worker sees that a plan exists, its state and review date, and this."
        ),
    )
    share_whole_plan = forms.BooleanField(
        label=_("The carer agreed to share the whole plan"), required=False
    )
    consent_recorded_on = DateField(
        label=_("Consent recorded on"), dates=PAST_DATE, required=False
    )
    version = VersionField()

    def details(self) -> SharingDetails:
        d = self.cleaned_data
        return SharingDetails(
            d["shared_summary"], d["share_whole_plan"], d["consent_recorded_on"]
        )


class StartPlanForm(Form):
    started_on = DateField(label=_("Started on"), dates=PAST_DATE)


class OutcomeForm(Form):
    words = LongText(label=_("The outcome, in the carer's words"))


class BreakForm(Form):
    kind = forms.ChoiceField(
        label=_("Kind of break"),
        choices=BreakFromCaring.Kind.choices,
        widget=forms.RadioSelect,
    )
    how_often = forms.CharField(label=_("How often"), max_length=200)
    provided_by = forms.CharField(label=_("Who provides it"), max_length=200)
    notes = LongText(label=_("More about the break"), required=False)

    def details(self) -> BreakDetails:
        return BreakDetails(**self.cleaned_data)


class DateForm(Form):
    day = DateField(label=_("Date"), dates=PAST_DATE)
    version = VersionField()


def _yes_no(value: str) -> bool:
    return value == "True"


def section_form(section: Section, *, young: bool) -> type[ModelForm]:
    """A form for one section's fields of the plan, in the plan's words."""
    labels = section.young_labels if young else {}

    class SectionForm(ModelForm):
        version = VersionField()

        class Meta:
            model = CarerPlan
            fields = section.fields

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            fields = self.fields
            if "hours_band" in fields:
                fields["hours_band"] = forms.ChoiceField(
                    label=fields["hours_band"].label,
                    choices=rules.HOURS_BANDS,
                    widget=forms.RadioSelect,
                    required=False,
                )
            if "break_from_caring" in fields:
                fields["break_from_caring"] = forms.TypedChoiceField(
                    label=fields["break_from_caring"].label,
                    choices=[("True", _("Yes")), ("False", _("No"))],
                    coerce=_yes_no,
                    widget=forms.RadioSelect,
                    required=False,
                    empty_value=None,
                )
            for name in ("authority", "care_appropriate"):
                if name in fields:
                    fields[name].widget = forms.RadioSelect(
                        choices=[c for c in fields[name].choices if c[0]]  # type: ignore[attr-defined]
                    )
            if "local_services" in fields:
                services = fields["local_services"]
                services.queryset = carer_services()  # type: ignore[attr-defined]
                services.widget = forms.CheckboxSelectMultiple(
                    choices=services.choices  # type: ignore[attr-defined]
                )
                services.required = False
            for name, label in labels.items():
                if name in fields:
                    fields[name].label = str(label)

        def values(self) -> dict[str, Any]:
            return {name: self.cleaned_data[name] for name in section.fields}

    return SectionForm


class ImpactsForm(Form):
    """The impact of caring in each domain of the plan's criteria."""

    def __init__(
        self, *args: Any, domains: list[Any], current: dict[int, Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.domains = domains
        for domain in domains:
            row = current.get(domain.pk)
            self.fields[f"level_{domain.pk}"] = forms.ChoiceField(
                label=domain.name,
                choices=Impact.choices,
                widget=forms.RadioSelect,
                initial=row.level if row else None,
            )
            self.fields[f"notes_{domain.pk}"] = LongText(
                label=_("Why (%(domain)s)") % {"domain": domain.name},
                required=False,
                initial=row.notes if row else "",
            )

    def levels(self) -> dict[int, tuple[str, str]]:
        d = self.cleaned_data
        return {
            dom.pk: (d[f"level_{dom.pk}"], d[f"notes_{dom.pk}"]) for dom in self.domains
        }

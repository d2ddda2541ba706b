from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import Form, LongText, ModelForm, SearchText, VersionField

from .models import Organization, Service, TaxonomyTerm
from .selectors import SearchFilters, normalise_postcode, outward_code
from .services import PlaceDetails

MILES = [
    ("1", _("1 mile")),
    ("2", _("2 miles")),
    ("5", _("5 miles")),
    ("10", _("10 miles")),
    ("25", _("25 miles")),
]
ACCESSIBILITY = [
    ("step_free", _("Step-free access")),
    ("hearing_loop", _("Hearing loop")),
    ("accessible_toilet", _("Accessible toilet")),
]


class SearchForm(Form):
    need = forms.ChoiceField(label=_("What do they need help with?"), required=False)
    q = SearchText(label=_("Words to search for"))
    postcode = forms.CharField(
        label=_("Postcode or district"),
        required=False,
        max_length=10,
        help_text=_("For example, G81 1QF or G82"),
    )
    miles = forms.ChoiceField(
        label=_("Within"), choices=MILES, required=False, initial="5"
    )
    locality = forms.ChoiceField(label=_("Town"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free"), required=False)
    accessibility = forms.MultipleChoiceField(
        label=_("Access needs"),
        choices=ACCESSIBILITY,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, terms: Any, towns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        need: Any = self.fields["need"]
        need.choices = [("", _("Any need"))] + [(str(t.pk), t.name) for t in terms]
        town: Any = self.fields["locality"]
        town.choices = [("", _("Any town"))] + [(t, t) for t in towns]

    def clean_postcode(self) -> str:
        text = self.cleaned_data.get("postcode", "")
        if text and not (normalise_postcode(text) or outward_code(text)):
            raise forms.ValidationError(
                _("Enter a postcode, like G81 1QF, or a district, like G81")
            )
        return str(text)

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            term=data.get("need") or None,
            query=data.get("q", "").strip(),
            postcode=data.get("postcode", ""),
            miles=float(data.get("miles") or 5),
            locality=data.get("locality", ""),
            open_now=bool(data.get("open_now")),
            free=bool(data.get("free")),
            accessibility=tuple(data.get("accessibility") or ()),
        )


class ServiceForm(ModelForm):
    version = VersionField(required=False)
    terms = forms.ModelMultipleChoiceField(
        label=_("Needs it helps with"),
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "organization",
            "description",
            "status",
            "eligibility_description",
            "application_process",
            "fees_description",
            "url",
            "email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["terms"].queryset = TaxonomyTerm.objects.order_by("name")  # type: ignore[attr-defined]


class CheckedForm(Form):
    version = VersionField()


__all__ = ["CheckedForm", "LongText", "SearchForm", "ServiceForm"]


DAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


class PlaceForm(Form):
    """Where a service is offered, and its weekly opening times there."""

    version = VersionField()
    name = forms.CharField(
        label=_("Name of the place"),
        max_length=200,
        help_text=_("For example, Dalmuir Community Centre"),
    )
    address_1 = forms.CharField(label=_("Street address"), max_length=200)
    city = forms.CharField(label=_("Town"), max_length=100)
    postcode = forms.CharField(
        label=_("Postcode"), max_length=10, help_text=_("For example, G81 4AB")
    )
    transportation = forms.CharField(
        label=_("How to get there"),
        required=False,
        max_length=500,
        help_text=_("For example, Bus 60 stops outside"),
    )
    accessibility = forms.CharField(
        label=_("Access"),
        required=False,
        max_length=500,
        help_text=_("For example, Step-free access and a hearing loop"),
    )
    days = forms.MultipleChoiceField(
        label=_("Days it is open"),
        choices=DAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    opens_at = needed_when(
        forms.TimeField(
            label=_("Opens at"), required=False, help_text=_("For example, 10:00")
        ),
        _("if it has opening times"),
    )
    closes_at = needed_when(
        forms.TimeField(
            label=_("Closes at"), required=False, help_text=_("For example, 14:30")
        ),
        _("if it has opening times"),
    )
    times_note = forms.CharField(
        label=_("Opening times in words"),
        required=False,
        max_length=200,
        help_text=_("For example, Tuesdays and Thursdays, 10am to 2:30pm"),
    )

    def clean_postcode(self) -> str:
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        if not postcode:
            raise forms.ValidationError(_("Enter a full postcode, like G81 4AB"))
        return postcode

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        days, opens, closes = (
            data.get("days"),
            data.get("opens_at"),
            data.get("closes_at"),
        )
        if days or opens or closes:
            if not days:
                self.add_error("days", _("Choose the days it is open"))
            if not opens:
                self.add_error("opens_at", _("Enter when it opens"))
            if not closes:
                self.add_error("closes_at", _("Enter when it closes"))
            if opens and closes and closes <= opens:
                self.add_error("closes_at", _("It must close after it opens"))
        return data

    def details(self) -> PlaceDetails:
        return PlaceDetails(
            **{k: v for k, v in self.cleaned_data.items() if k != "version"}
        )


__all__ += ["PlaceForm"]

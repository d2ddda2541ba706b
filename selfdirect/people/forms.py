"""Forms for people's records. They check the shape of input; services check rules."""

import datetime
import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality, Team, User
from selfdirect.core.forms import Form, LongText, ModelForm, VersionField
from selfdirect.directory.models import Service as DirectoryService

from . import rules
from .models import FirstContact, Person, Relationship, ServiceGroup

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _past_date(value: datetime.date | None, label: str) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(
            _("%(label)s must be today or in the past") % {"label": label}
        )


class PersonForm(ModelForm):
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    date_of_birth = forms.DateField(help_text=_("For example, 27/03/1950"))
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
    consent_recorded_on = forms.DateField(
        label=_("Date consent was recorded"),
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
        """Uniqueness is the service's job: it says which team holds the record."""

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
        _past_date(value, "Date consent was recorded")
        return value

    def details(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("service_groups", None)
        return {name: data[name] for name in self.Meta.fields if name in data}


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
    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Name, CHI number or postcode"),
        max_length=100,
    )
    team = forms.ModelChoiceField(
        Team.objects.none(), required=False, empty_label=_("All teams")
    )
    locality = forms.ModelChoiceField(
        Locality.objects.all(), required=False, empty_label=_("All localities")
    )
    service_group = forms.ModelChoiceField(
        ServiceGroup.objects.all(), required=False, empty_label=_("All service groups")
    )
    worker = forms.ModelChoiceField(
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


class FirstContactForm(Form):
    contact_date = forms.DateField(
        label=_("Date of contact"), help_text=_("For example, 3/11/2026")
    )
    made_by = forms.ChoiceField(
        label=_("Who made contact?"),
        choices=FirstContact.MadeBy.choices,
        widget=forms.RadioSelect,
    )
    made_by_name = forms.CharField(
        label=_("Their name and role"),
        max_length=200,
        required=False,
        help_text=_("If someone other than the person made contact"),
    )
    reason = LongText(
        label=_("Why did they get in touch?"),
        help_text=_("In the person's own words, as far as you can"),
    )
    what_matters = LongText(
        label=_("What matters to them?"),
        required=False,
        help_text=_(
            "For example, staying in their own home, getting back to their club"
        ),
    )
    sds_discussed = forms.ChoiceField(
        label=_("Did you talk about self-directed support and the four options?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    sds_not_discussed_reason = LongText(
        label=_("If not, why not?"), required=False, max_length=2000
    )
    outcome = forms.ChoiceField(
        label=_("What happened as a result?"),
        choices=FirstContact.Outcome.choices,
        widget=forms.RadioSelect,
    )
    directory_search = forms.CharField(
        label=_("Find community services in the directory"),
        required=False,
        max_length=100,
        help_text=_("Type what they need or a service's name, then choose Find"),
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Directory services the person was signposted to"),
        queryset=DirectoryService.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    signposted_to = LongText(
        label=_("Other community supports, not in the directory"),
        required=False,
        max_length=2000,
        help_text=_("One on each line, for example: Dalmuir lunch club"),
    )
    follow_up_due = forms.DateField(
        label=_("When to check how it went"),
        required=False,
        help_text=_("Needed when you signpost someone. For example, 3/12/2026"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        getlist = getattr(source, "getlist", None)
        chosen = getlist("services") if getlist else source.get("services", [])
        self.fields["services"].queryset = signposting_choices(  # type: ignore[attr-defined]
            source.get("directory_search", ""), chosen
        )

    def clean_contact_date(self) -> datetime.date:
        value = self.cleaned_data["contact_date"]
        _past_date(value, "Date of contact")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sds_discussed") == "no" and not data.get(
            "sds_not_discussed_reason"
        ):
            self.add_error(
                "sds_not_discussed_reason", _("Say why SDS was not discussed")
            )
        if data.get("outcome") == FirstContact.Outcome.SIGNPOSTED:
            if not self.supports() and not data.get("services"):
                self.add_error(
                    "services" if self.shows_services() else "signposted_to",
                    _("Choose a directory service or name another community support"),
                )
            if not data.get("follow_up_due"):
                self.add_error(
                    "follow_up_due", _("Enter when to follow up the signposting")
                )
        due, when = data.get("follow_up_due"), data.get("contact_date")
        if due and when and due < when:
            self.add_error(
                "follow_up_due", _("The follow-up must be after the date of contact")
            )
        return data

    def shows_services(self) -> bool:
        """The directory services list is shown only when there is one to tick."""
        return bool(self.fields["services"].queryset)  # type: ignore[attr-defined]

    def supports(self) -> list[str]:
        text = self.cleaned_data.get("signposted_to") or ""
        return [line.strip()[:200] for line in text.splitlines() if line.strip()]

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "contact_date": data["contact_date"],
            "made_by": data["made_by"],
            "made_by_name": data["made_by_name"],
            "reason": data["reason"],
            "what_matters": data["what_matters"],
            "sds_discussed": data["sds_discussed"] == "yes",
            "sds_not_discussed_reason": data["sds_not_discussed_reason"],
            "outcome": data["outcome"],
            "follow_up_due": data["follow_up_due"],
        }


USED_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not known"))]


def signposting_choices(search: str, chosen: list[str]) -> Any:
    """Active directory services matching the search words, plus those ticked."""
    from selfdirect.directory.selectors import SearchFilters, search_services

    chosen_ids = [c for c in chosen if _is_uuid(c)]
    ticked = DirectoryService.objects.filter(pk__in=chosen_ids)
    if not search.strip():
        return ticked.order_by("name")
    found = search_services(SearchFilters(query=search), now=timezone.localtime())
    ids = list(found.values_list("pk", flat=True)[:30])
    return DirectoryService.objects.filter(pk__in=[*ids, *chosen_ids]).order_by("name")


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True


class FollowUpForm(Form):
    version = VersionField()
    followed_up_on = forms.DateField(
        label=_("Date of follow-up"), help_text=_("For example, 3/12/2026")
    )
    result = forms.ChoiceField(
        label=_("What was the result?"),
        choices=FirstContact.FollowUpResult.choices,
        widget=forms.RadioSelect,
    )
    notes = LongText(
        label=_("Notes"),
        required=False,
        help_text=_("In the person's words where you can"),
    )

    def __init__(self, *args: Any, signpostings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        answers = {True: "yes", False: "no", None: None}
        for signposting in signpostings:
            # Changing a follow-up starts from the answers already given.
            self.initial.setdefault(
                f"used_{signposting.pk}", answers[signposting.used_it]
            )
            self.initial.setdefault(
                f"met_{signposting.pk}", answers[signposting.need_met]
            )
            self.fields[f"used_{signposting.pk}"] = forms.ChoiceField(
                label=_("Did they use %(support)s?")
                % {"support": signposting.support_name},
                choices=USED_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"met_{signposting.pk}"] = forms.ChoiceField(
                label=_("Did %(support)s meet their need?")
                % {"support": signposting.support_name},
                choices=USED_CHOICES,
                widget=forms.RadioSelect,
                required=False,
            )

    def met(self) -> dict[int, bool | None]:
        answers = {"yes": True, "no": False}
        return {
            int(name.removeprefix("met_")): answers.get(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("met_") and value  # unanswered keeps what was saved
        }

    def clean_followed_up_on(self) -> datetime.date:
        value = self.cleaned_data["followed_up_on"]
        _past_date(value, "Date of follow-up")
        return value

    def used(self) -> dict[int, bool | None]:
        answers = {"yes": True, "no": False}
        return {
            int(name.removeprefix("used_")): answers.get(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("used_") and value  # unanswered keeps what was saved
        }


class MergeForm(Form):
    duplicate = forms.UUIDField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I have checked these are the same person"),
        error_messages={
            "required": "Confirm you have checked these are the same person"
        },
    )

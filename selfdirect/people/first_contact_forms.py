"""Forms for first contacts: what happened, signposting to community supports, and
the follow-up. They check the shape of input; services check rules."""

import datetime
import uuid
from typing import Any

from django import forms
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import (
    DateField,
    Form,
    LongText,
    SearchText,
    VersionField,
)
from selfdirect.core.input_bounds import PAST_DATE
from selfdirect.core.search import search_words
from selfdirect.directory.models import Service as DirectoryService

from .forms import YES_NO, past_date
from .models import FirstContact
from .services import FirstContactDetails

NEAR_MILES = 10.0
SHOWN = 30


class ServiceChoiceField(forms.ModelMultipleChoiceField):
    """Directory services to tick, each told apart by where, when and how far from
    the person's home ("Lunch club – Dalmuir; Wednesdays 12:00–14:00; 1.2 miles")."""

    distances: dict[Any, float] = {}

    def label_from_instance(self, obj: Any) -> str:
        towns = sorted(
            {
                address.city
                for place in obj.service_at_locations.all()
                for address in place.location.addresses.all()
                if address.city
            }
        )
        when = [str(schedule) for schedule in obj.schedules.all()][:2]
        parts = [", ".join(towns), "; ".join(when)]
        miles = self.distances.get(obj.pk)
        if miles is not None:
            parts.append(_("%(miles).1f miles away") % {"miles": miles})
        details = "; ".join(p for p in parts if p)
        return f"{obj.name} – {details}" if details else obj.name


class FirstContactForm(Form):
    contact_date = DateField(
        label=_("Date of contact"),
        dates=PAST_DATE,
        help_text=_("For example, 3/11/2026"),
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
    sds_not_discussed_reason = needed_when(
        LongText(label=_("If not, why not?"), required=False, max_length=2000),
        _("if self-directed support was not discussed"),
    )
    outcome = forms.ChoiceField(
        label=_("What happened as a result?"),
        choices=FirstContact.Outcome.choices,
        widget=forms.RadioSelect,
    )
    directory_search = SearchText(
        label=_("Find community services in the directory"),
        help_text=_("Type what they need or a service's name, then choose Find"),
    )
    services = ServiceChoiceField(
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
    follow_up_due = needed_when(
        forms.DateField(
            label=_("When to check how it went"),
            required=False,
            help_text=_("For example, 3/12/2026"),
        ),
        _("if you signpost someone"),
    )

    def __init__(self, *args: Any, postcode: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        source = self.data if self.is_bound else self.initial
        getlist = getattr(source, "getlist", None)
        chosen = getlist("services") if getlist else source.get("services", [])
        services, distances = signposting_choices(
            search_words(source.get("directory_search")), chosen, postcode
        )
        field = self.fields["services"]
        field.queryset = services  # type: ignore[attr-defined]
        field.distances = distances  # type: ignore[attr-defined]

    def clean_contact_date(self) -> datetime.date:
        value = self.cleaned_data["contact_date"]
        past_date(value, "Date of contact")
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

    def details(self) -> FirstContactDetails:
        data = self.cleaned_data
        return FirstContactDetails(
            contact_date=data["contact_date"],
            made_by=data["made_by"],
            made_by_name=data["made_by_name"],
            reason=data["reason"],
            what_matters=data["what_matters"],
            sds_discussed=data["sds_discussed"] == "yes",
            sds_not_discussed_reason=data["sds_not_discussed_reason"],
            outcome=data["outcome"],
            follow_up_due=data["follow_up_due"],
        )


USED_CHOICES = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not known"))]


def signposting_choices(
    search: str, chosen: list[str], postcode: str = ""
) -> tuple[Any, dict[Any, float]]:
    """Active directory services matching the search words, nearest the person's
    postcode first when it is known (else by name), plus those already ticked;
    with each found service's distance in miles."""
    from selfdirect.directory.selectors import (
        SearchFilters,
        in_results,
        locate,
        search_services,
    )

    chosen_ids = [c for c in chosen if _is_uuid(c)]
    distances: dict[Any, float] = {}
    ids: list[Any] = []
    search = search_words(search)
    if search.strip():
        filters = SearchFilters(query=search, miles=NEAR_MILES)
        now = timezone.localtime()
        origin = locate(postcode) if postcode else None
        if origin is not None and origin.located:
            near = search_services(filters, now=now, origin=origin)
            found = near.values_list("pk", "distance")  # type: ignore[misc]
            distances = dict(found[:SHOWN])
            ids = list(distances)
        if not ids:
            found = search_services(filters, now=now)
            ids = list(found.values_list("pk", flat=True)[:SHOWN])
    services = in_results(DirectoryService.objects.filter(pk__in=[*ids, *chosen_ids]))
    if not ids:
        return services.order_by("name"), distances
    # Found services in the search's order, then any ticked before, by name.
    found_first = Case(
        *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)),
        default=Value(len(ids)),
    )
    return services.order_by(found_first, "name"), distances


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(str(text))
    except ValueError:
        return False
    return True


class FollowUpForm(Form):
    version = VersionField()
    followed_up_on = DateField(
        label=_("Date of follow-up"),
        dates=PAST_DATE,
        help_text=_("For example, 3/12/2026"),
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
        past_date(value, "Date of follow-up")
        return value

    def used(self) -> dict[int, bool | None]:
        answers = {"yes": True, "no": False}
        return {
            int(name.removeprefix("used_")): answers.get(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("used_") and value  # unanswered keeps what was saved
        }

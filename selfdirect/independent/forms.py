"""Forms for an independent organisation's pages (shape only; rules in rules.py)."""

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality
from selfdirect.core.forms import (
    DateField,
    Form,
    LongText,
    ModelForm,
    SearchText,
    VersionField,
)
from selfdirect.core.input_bounds import PAST_DATE

from .models import (
    Client,
    ClientOutcome,
    Consent,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    OutcomeType,
    Referral,
    Session,
    Team,
    VoiceEntry,
)
from .selectors import teams_to_choose
from .services import ConsentDetails, ReferralAnswer, ReferralProgress

DATE_HINT = _("For example, 3/11/2026")
RADIO = forms.RadioSelect


def _date(label: Any, **kwargs: Any) -> DateField:
    return DateField(label=label, dates=PAST_DATE, help_text=DATE_HINT, **kwargs)


class ClientSearchForm(Form):
    words = SearchText(label=_("Name"))


class ClientForm(ModelForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Leave blank for an anonymous client."),
    )
    age_band = forms.ChoiceField(
        label=_("Age band"), choices=Client.AgeBand.choices, widget=RADIO
    )
    locality = forms.ModelChoiceField(
        Locality.objects.all(),
        label=_("Locality"),
        required=False,
        empty_label=_("Not known"),
    )
    heard_via = forms.ChoiceField(
        label=_("How did they hear of the service?"),
        choices=Client.HeardVia.choices,
        widget=RADIO,
    )
    first_contact_on = _date(_("Date of first contact"))
    team = forms.ModelChoiceField(
        Team.objects.none(),
        label=_("Team"),
        required=False,
        empty_label=_("The whole organisation"),
        help_text=_("Only that team's workers and the manager will see the client."),
    )

    class Meta:
        model = Client
        fields = [
            "name",
            "age_band",
            "locality",
            "heard_via",
            "first_contact_on",
            "team",
        ]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = teams_to_choose(user) if user is not None else Team.objects.none()
        if teams.exists():
            self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        else:  # an organisation without teams: no question to ask
            del self.fields["team"]


class ConsentForm(Form):
    referral_reference = forms.CharField(
        label=_("Referral reference"),
        max_length=36,
        help_text=_(
            "The reference on the council's referral, like "
            "3f2b9c1e-8d4a-4c6b-9e2f-1a2b3c4d5e6f"
        ),
    )
    date_of_birth = _date(_("The person's date of birth"))
    scope = forms.ChoiceField(
        label=_("What did they agree to share?"),
        choices=Consent.Scope.choices,
        widget=RADIO,
    )
    given_on = _date(_("Date consent was given"))
    how_given = forms.ChoiceField(
        label=_("How was consent given?"),
        choices=Consent.HowGiven.choices,
        widget=RADIO,
    )

    def clean_referral_reference(self) -> uuid.UUID:
        try:
            return uuid.UUID(self.cleaned_data["referral_reference"].strip())
        except ValueError as error:
            raise forms.ValidationError(
                _("Enter the referral reference as it is written on the referral")
            ) from error

    def details(self) -> ConsentDetails:
        return ConsentDetails(**self.cleaned_data)


class WithdrawConsentForm(Form):
    version = VersionField()
    confirm = forms.BooleanField(
        label=_("The client has withdrawn their consent to share"),
    )


class AnswerReferralForm(Form):
    answer = forms.ChoiceField(
        label=_("Will the organisation take this referral?"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=RADIO,
    )
    progress = LongText(
        label=_("Note for the council worker"), required=False, max_length=2000
    )

    def details(self) -> ReferralAnswer:
        return ReferralAnswer(
            accept=self.cleaned_data["answer"] == "accept",
            progress=self.cleaned_data["progress"],
        )


class ReferralProgressForm(Form):
    version = VersionField()
    status = forms.ChoiceField(
        label=_("Where is the support now?"),
        choices=[
            (Referral.Status.SUPPORTING, _("Supporting the person")),
            (Referral.Status.CLOSED, _("Closed")),
        ],
        widget=RADIO,
    )
    progress = LongText(label=_("How it is going"), required=False, max_length=2000)
    outcome = forms.ModelChoiceField(
        OutcomeType.objects.filter(active=True),
        label=_("Outcome (needed to close)"),
        required=False,
        empty_label=_("Not closed yet"),
    )
    closed_on = _date(_("Date closed"), required=False)

    def details(self) -> ReferralProgress:
        return ReferralProgress(**self.cleaned_data_without("version"))

    def cleaned_data_without(self, name: str) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != name}


class SessionForm(ModelForm):
    kind = forms.ChoiceField(
        label=_("Kind of session"), choices=Session.Kind.choices, widget=RADIO
    )
    held_on = _date(_("Date"))
    minutes = forms.IntegerField(
        label=_("Time spent in minutes"), min_value=1, max_value=24 * 60
    )
    notes = LongText(label=_("Notes"), required=False)

    class Meta:
        model = Session
        fields = ["kind", "held_on", "minutes", "notes"]


class ClientOutcomeForm(ModelForm):
    outcome = forms.ModelChoiceField(
        OutcomeType.objects.filter(active=True), label=_("Outcome"), widget=RADIO
    )
    achieved_on = _date(_("Date"))
    story = LongText(
        label=_("Short story (for case studies)"), required=False, max_length=2000
    )
    story_consent = forms.BooleanField(
        label=_("The client agreed to the story being told"), required=False
    )

    class Meta:
        model = ClientOutcome
        fields = ["outcome", "achieved_on", "story", "story_consent"]


class GroupSessionForm(ModelForm):
    kind = forms.ChoiceField(
        label=_("Kind of group work"), choices=GroupSession.Kind.choices, widget=RADIO
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = _date(_("Date"))
    attendance = forms.IntegerField(
        label=_("Number of people who came"), min_value=0, max_value=10000
    )
    minutes = forms.IntegerField(
        label=_("Length in minutes"), min_value=1, max_value=24 * 60
    )

    class Meta:
        model = GroupSession
        fields = ["kind", "title", "held_on", "attendance", "minutes"]


class EngagementForm(ModelForm):
    meeting = forms.CharField(label=_("Meeting or forum"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=EngagementEntry.Kind.choices,
        widget=RADIO,
    )
    held_on = _date(_("Date of the meeting"))
    invitation = forms.ChoiceField(
        label=_("Was the organisation invited?"),
        choices=EngagementEntry.Invitation.choices,
        widget=RADIO,
    )
    attended = forms.TypedChoiceField(
        label=_("Did the organisation attend?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=RADIO,
    )
    not_attended_reason = forms.ChoiceField(
        label=_("If not, why not? (needed if you did not attend)"),
        choices=[("", _("Not applicable")), *EngagementEntry.Reason.choices],
        required=False,
    )
    topics = LongText(label=_("Topics"), required=False, max_length=2000)
    contribution = LongText(
        label=_("What the organisation contributed"), required=False, max_length=2000
    )

    class Meta:
        model = EngagementEntry
        fields = [
            "meeting",
            "kind",
            "held_on",
            "invitation",
            "attended",
            "not_attended_reason",
            "topics",
            "contribution",
        ]


class InfluenceForm(ModelForm):
    change_sought = forms.CharField(label=_("Change sought"), max_length=300)
    level = forms.ChoiceField(
        label=_("Local or national?"),
        choices=InfluenceEntry.Level.choices,
        widget=RADIO,
    )
    action_taken = LongText(label=_("What the organisation did"), max_length=4000)
    started_on = _date(_("Started on"))
    result = forms.ChoiceField(
        label=_("Result"), choices=InfluenceEntry.Result.choices, widget=RADIO
    )
    result_note = LongText(label=_("About the result"), required=False, max_length=2000)

    class Meta:
        model = InfluenceEntry
        fields = [
            "change_sought",
            "level",
            "action_taken",
            "started_on",
            "result",
            "result_note",
        ]


class EvidenceForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A PDF, picture (PNG or JPEG), Word document or text file"),
    )
    link = forms.URLField(
        label=_("Or a link"), required=False, max_length=500, assume_scheme="https"
    )

    def clean_link(self) -> str:
        link: str = self.cleaned_data["link"]
        if any(ord(c) < 32 for c in link):
            raise forms.ValidationError(
                _("Link must not include hidden characters, such as a null character")
            )
        return link


class VoiceForm(ModelForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=VoiceEntry.Kind.choices, widget=RADIO
    )
    held_on = _date(_("Date"))
    people = forms.IntegerField(
        label=_("Number of people"), min_value=0, max_value=10000
    )
    story = LongText(label=_("Short story"), required=False, max_length=2000)
    story_consent = forms.BooleanField(
        label=_("The people in the story agreed to it being told"), required=False
    )

    class Meta:
        model = VoiceEntry
        fields = ["kind", "held_on", "people", "story", "story_consent"]

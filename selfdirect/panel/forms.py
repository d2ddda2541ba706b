"""Forms for the resource panel (input shape only)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality, Team
from selfdirect.core.forms import Form, LongText, VersionField

from .models import Outcome, PanelDecision, PanelMeeting, PanelSubmission

DATE_HINT = _("For example, 3/11/2026")
MONEY: dict[str, Any] = {"max_digits": 10, "decimal_places": 2, "min_value": 0}


class SubmissionForm(Form):
    budget = forms.ChoiceField(label=_("Indicative budget"))
    plan = forms.ChoiceField(label=_("Support plan"), required=False)
    amount_requested = forms.DecimalField(
        label=_("Yearly amount asked for (£)"), **MONEY
    )
    persons_words = LongText(
        label=_("What the person wants, in their own words"),
        help_text=_("Write down what they said. The panel reads this."),
    )
    contribution = forms.ChoiceField(
        label=_("Was the person (or their representative) invited to contribute?"),
        choices=PanelSubmission.Contribution.choices,
        widget=forms.RadioSelect,
    )
    contribution_notes = LongText(
        label=_("More about how they took part"), required=False, max_length=2000
    )

    def __init__(
        self, *args: Any, budgets: list[Any], plans: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["budget"].choices = [  # type: ignore[attr-defined]
            (str(b.public_id), f"£{b.amount} ({b.worked_out_on:%d/%m/%Y})")
            for b in budgets
        ]
        self.fields["plan"].choices = [  # type: ignore[attr-defined]
            ("", _("No plan yet")),
            *[(str(p.public_id), str(p)) for p in plans],
        ]


class ResubmitForm(Form):
    version = VersionField()
    amount_requested = forms.DecimalField(
        label=_("Yearly amount asked for (£)"), **MONEY
    )
    persons_words = LongText(label=_("What the person wants, in their own words"))
    contribution = forms.ChoiceField(
        label=_("Was the person (or their representative) invited to contribute?"),
        choices=PanelSubmission.Contribution.choices,
        widget=forms.RadioSelect,
    )
    contribution_notes = LongText(
        label=_("The information the panel asked for, and how the person took part"),
        max_length=4000,
    )


class MeetingForm(Form):
    meets_on = forms.DateField(label=_("Date of the meeting"), help_text=DATE_HINT)
    place = forms.CharField(
        label=_("Where, or how to join"), max_length=200, required=False
    )


class ListForm(Form):
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=PanelMeeting.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]


class DecisionForm(Form):
    outcome = forms.ChoiceField(
        label=_("What did the panel decide?"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
    )
    approved_amount = forms.DecimalField(
        label=_("Yearly amount approved (£)"),
        required=False,
        help_text=_("Only for an approval"),
        **MONEY,
    )
    reasons = LongText(
        label=_("Reasons, in plain words"),
        help_text=_(
            "The person will read these. Say what the panel asks for if it defers."
        ),
    )
    conditions = LongText(label=_("Conditions"), required=False, max_length=4000)
    decided_on = forms.DateField(label=_("Date of the decision"), help_text=DATE_HINT)
    present = LongText(
        label=_("Who was present"),
        max_length=1000,
        help_text=_("Names and roles, including the person or their representative"),
    )


class ToldForm(Form):
    version = VersionField()
    told_on = forms.DateField(
        label=_("Date the person was told"), help_text=DATE_HINT, required=False
    )
    told_how = forms.ChoiceField(
        label=_("How was the person told?"),
        choices=PanelDecision.ToldHow.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class ServiceStartForm(Form):
    version = VersionField()
    started_on = forms.DateField(
        label=_("Date the support started"), help_text=DATE_HINT
    )


class WaitingFilterForm(Form):
    category = forms.ChoiceField(
        label=_("Waiting for"),
        required=False,
        choices=[
            ("", _("Anything")),
            ("awaiting", _("The panel")),
            ("deferred", _("Resubmission after a deferral")),
            ("not_started", _("Approved support to start")),
        ],
    )
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.all(),
        required=False,
        empty_label=_("All teams"),
    )
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.all(),
        required=False,
        empty_label=_("All localities"),
    )

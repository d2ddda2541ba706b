"""Forms for conversation records: they check the shape of input only."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import Form, LongText, VersionField
from selfdirect.core.text import WholeWordsChoiceField
from selfdirect.people.models import FirstContact

from . import rules
from .models import (
    Conversation,
    EligibilityLevel,
    OutcomeDomain,
    PersonalOutcome,
    Strength,
)
from .services import ConversationDetails, PersonalOutcomeDetails

DATE_HINT = "For example, 3/11/2026"


def not_future(value: datetime.date | None, label: str) -> datetime.date | None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(
            _("%(label)s must be today or in the past") % {"label": label}
        )
    return value


class ConversationForm(Form):
    first_contact = forms.ModelChoiceField(
        FirstContact.objects.none(),
        required=False,
        label=_("Does this follow a first contact?"),
        empty_label=_("No"),
    )
    conversation_date = forms.DateField(
        label=_("Date of the conversation"), help_text=DATE_HINT
    )
    place = forms.CharField(
        label=_("Where did it take place?"),
        max_length=200,
        help_text=_("For example, at home, by phone, at the day centre"),
    )
    participants = forms.MultipleChoiceField(
        label=_("Who took part?"),
        choices=rules.PARTICIPANTS,
        widget=forms.CheckboxSelectMultiple,
    )
    participant_names = LongText(
        label=_("Their names and roles"),
        required=False,
        max_length=2000,
    )
    participation_support = forms.MultipleChoiceField(
        label=_("How was the person supported to take part?"),
        choices=rules.PARTICIPATION_SUPPORT,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Select all that apply"),
    )
    participation_notes = LongText(
        label=_("Anything else about taking part"), required=False
    )
    persons_account = LongText(
        label=_("The person's own account"),
        required=False,
        help_text=_(
            "In their words: what matters to them, what is happening in their life"
        ),
    )
    good_day = LongText(
        label=_("What does a good day look like for them?"),
        required=False,
    )
    who_helps_now = LongText(
        label=_("Who helps them now?"),
        required=False,
        help_text=_("Family, friends, neighbours, groups, services"),
    )
    carer_views = LongText(
        label=_("The unpaid carer's views"),
        required=False,
        help_text=_("If the person has an unpaid carer, record what the carer says"),
    )
    carer_offered_support_plan = forms.ChoiceField(
        label=_("Was the carer offered their own adult carer support plan?"),
        choices=[
            ("", _("Not yet")),
            ("yes", _("Yes, offered")),
            ("no", _("No carer, or not appropriate")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    eligibility_level = forms.ModelChoiceField(
        EligibilityLevel.objects.filter(active=True),
        required=False,
        label=_("Eligibility (risk to independence and wellbeing)"),
        empty_label=_("Not yet decided"),
    )
    eligibility_reason = needed_when(
        LongText(label=_("Reason for the eligibility level"), required=False),
        _("if you choose an eligibility level"),
    )

    def __init__(self, *args: Any, first_contacts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_contact"].queryset = first_contacts  # type: ignore[attr-defined]

    def clean_conversation_date(self) -> datetime.date | None:
        return not_future(
            self.cleaned_data["conversation_date"], "Date of the conversation"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("eligibility_level") and not data.get("eligibility_reason"):
            self.add_error(
                "eligibility_reason", "Give the reason for the eligibility level"
            )
        return data

    def details(self) -> ConversationDetails:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        offered = data.pop("carer_offered_support_plan")
        data["carer_offered_support_plan"] = {"yes": True, "no": False}.get(offered)
        return ConversationDetails(**data)

    @staticmethod
    def initial_from(conversation: Conversation) -> dict[str, Any]:
        offered = {True: "yes", False: "no", None: ""}[
            conversation.carer_offered_support_plan
        ]
        names = [
            f for f in ConversationForm.base_fields if f != "carer_offered_support_plan"
        ]
        initial = {name: getattr(conversation, name) for name in names}
        return {
            **initial,
            "carer_offered_support_plan": offered or "",
            "version": conversation.version,
        }


class EditConversationForm(ConversationForm):
    version = VersionField()


NEW_OUTCOMES = 3  # boxes for what matters on a new conversation record


class NewConversationForm(ConversationForm):
    """A new conversation record, with up to three things that matter to the
    person written straight in, so a worker need not add each on its own page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, NEW_OUTCOMES + 1):
            self.fields[f"outcome_{n}"] = LongText(
                label=_("What matters to them (%(n)s)") % {"n": n},
                required=False,
                max_length=2000,
                help_text=_(
                    "In their own words, the end result they want. For example: "
                    "“I want to get back to my Tuesday swimming group.”"
                )
                if n == 1
                else "",
            )

    def outcome_fields(self) -> list[Any]:
        return [self[f"outcome_{n}"] for n in range(1, NEW_OUTCOMES + 1)]

    def outcomes(self) -> list[str]:
        """The things that matter written in, in order, leaving out empty boxes."""
        words = (
            self.cleaned_data.get(f"outcome_{n}") or ""
            for n in range(1, NEW_OUTCOMES + 1)
        )
        return [w.strip() for w in words if w.strip()]

    def details(self) -> ConversationDetails:
        for n in range(1, NEW_OUTCOMES + 1):
            self.cleaned_data.pop(f"outcome_{n}", None)
        return super().details()


class OutcomeForm(Form):
    words = LongText(
        label=_("What matters to the person, in their own words"),
        max_length=2000,
        help_text=_(
            "Write the end result they want, as they say it. For example: "
            "“I want to get back to my Tuesday swimming group.”"
        ),
    )
    domains = forms.ModelMultipleChoiceField(
        OutcomeDomain.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Outcome domains (optional)"),
    )
    whats_working = LongText(
        label=_("What is working now"), required=False, max_length=2000
    )
    whats_not_working = LongText(
        label=_("What is not working"), required=False, max_length=2000
    )
    priority = forms.TypedChoiceField(
        choices=PersonalOutcome.Priority.choices,
        coerce=int,
        widget=forms.RadioSelect,
        initial=PersonalOutcome.Priority.MEDIUM,
        label=_("How important is this to them?"),
    )

    def details(self) -> PersonalOutcomeDetails:
        return PersonalOutcomeDetails(
            **{
                k: v
                for k, v in self.cleaned_data.items()
                if k not in {"domains", "version"}
            }
        )


class EditOutcomeForm(OutcomeForm):
    version = VersionField()


class StrengthForm(Form):
    kind = forms.ChoiceField(
        label=_("What kind of strength is it?"),
        choices=Strength.Kind.choices,
        widget=forms.RadioSelect,
    )
    description = LongText(
        label=_("The strength"),
        max_length=2000,
        help_text=_(
            "For example: knows everyone in the street; good with her tablet; church group visits weekly"
        ),
    )
    helps_with = WholeWordsChoiceField(
        PersonalOutcome.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which outcomes does it help with?"),
    )

    def __init__(self, *args: Any, outcomes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["helps_with"].queryset = outcomes  # type: ignore[attr-defined]


class RiskEnablementForm(Form):
    risk = LongText(label=_("The risk, in plain words"), max_length=2000)
    gain = LongText(label=_("What the person gains by taking it"), max_length=2000)
    persons_view = LongText(label=_("The person's view"), max_length=2000)
    agreed_actions = LongText(
        label=_("What was agreed, and who is responsible for what"),
        max_length=4000,
    )
    agreed_by = forms.CharField(
        label=_("Who agreed"),
        max_length=300,
        help_text=_("Names and roles, including the person"),
    )
    review_on = forms.DateField(label=_("When to review it"), help_text=DATE_HINT)


class ShareForm(Form):
    shared_on = forms.DateField(
        label=_("Date shared with the person"), help_text=DATE_HINT
    )

    def clean_shared_on(self) -> datetime.date | None:
        return not_future(self.cleaned_data["shared_on"], "Date shared")


class AgreeForm(Form):
    agreed_on = forms.DateField(label=_("Date agreed"), help_text=DATE_HINT)
    agreed_by = forms.CharField(
        label=_("Who agreed it?"),
        max_length=200,
        help_text=_(
            "The person, or their representative and their authority (for example, welfare attorney)"
        ),
    )
    agreed_how = forms.ChoiceField(
        label=_("How did they agree?"),
        choices=Conversation.AgreedHow.choices,
        widget=forms.RadioSelect,
    )

    def clean_agreed_on(self) -> datetime.date | None:
        return not_future(self.cleaned_data["agreed_on"], "Date agreed")


class CorrectionForm(Form):
    about = forms.CharField(
        label=_("Which part is it about?"),
        max_length=200,
        required=False,
        help_text=_("For example, 'What matters to me' or 'Risks'"),
    )
    words = LongText(
        label=_("What the person says, in their own words"), max_length=4000
    )
    added_on = forms.DateField(label=_("Date"), help_text=DATE_HINT)

    def clean_added_on(self) -> datetime.date | None:
        return not_future(self.cleaned_data["added_on"], "Date")

"""Forms for support plans (shape only; the rules live in rules.py and services.py)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.conversations.models import Conversation
from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import Form, LongText, VersionField
from selfdirect.core.text import WholeWordsChoiceField
from selfdirect.directory.models import Service
from selfdirect.providers.models import Provider

from .models import CONTINGENCY_FIELDS, PlanOutcome, Support, SupportPlan
from .services import ContingencyDetails, PlanOutcomeDetails, SupportDetails

DATE_HINT = _("For example, 3/11/2026")
YES_NO = [("yes", _("Yes")), ("no", _("No")), ("", _("Not asked yet"))]


class ConversationChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _("Conversation on %(date)s, agreed on %(agreed)s") % {
            "date": obj.conversation_date.strftime("%d/%m/%Y"),
            "agreed": obj.agreed_on.strftime("%d/%m/%Y") if obj.agreed_on else "-",
        }


class StartPlanForm(Form):
    conversation = ConversationChoice(
        label=_("Which agreed conversation is the plan built from?"),
        queryset=Conversation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args: Any, conversations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["conversation"].queryset = conversations  # type: ignore[attr-defined]


class OutcomeForm(Form):
    words = LongText(
        label=_("The outcome, in the person's words"),
        max_length=2000,
        help_text=_("What matters to the person: what they want to be able to do."),
    )
    how_we_will_know = LongText(
        label=_("How will we know it is achieved?"),
        max_length=2000,
        required=False,
        help_text=_(
            "Something you can see, count or the person can tell you at review, "
            "for example “goes to the swimming group at least 3 Tuesdays a month”."
        ),
    )
    target_date = forms.DateField(
        label=_("By when?"), required=False, help_text=DATE_HINT
    )
    steps = LongText(label=_("Steps towards it"), max_length=4000, required=False)
    achievable = forms.ChoiceField(
        label=_("Does the person agree this is achievable and realistic?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    achievable_agreed_by = needed_when(
        forms.CharField(
            label=_("Who said so"),
            max_length=200,
            required=False,
            help_text=_("The person, or the name of their representative"),
        ),
        _("if you say whether it is achievable"),
    )
    achievable_agreed_on = needed_when(
        forms.DateField(
            label=_("When they said so"), required=False, help_text=DATE_HINT
        ),
        _("if you say whether it is achievable"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("achievable") and not data.get("achievable_agreed_by"):
            self.add_error(
                "achievable_agreed_by", _("Say who answered whether it is achievable")
            )
        if data.get("achievable") and not data.get("achievable_agreed_on"):
            self.add_error(
                "achievable_agreed_on",
                _("Say when they answered whether it is achievable"),
            )
        return data

    @staticmethod
    def initial_from(outcome: PlanOutcome) -> dict[str, Any]:
        agreed = outcome.achievable_agreed
        answer = "" if agreed is None else ("yes" if agreed else "no")
        return {
            "words": outcome.words,
            "how_we_will_know": outcome.how_we_will_know,
            "target_date": outcome.target_date,
            "steps": outcome.steps,
            "achievable": answer,
            "achievable_agreed_by": outcome.achievable_agreed_by,
            "achievable_agreed_on": outcome.achievable_agreed_on,
            "version": outcome.version,
        }

    def details(self) -> PlanOutcomeDetails:
        data = self.cleaned_data
        answer = {"yes": True, "no": False}.get(data["achievable"])
        return PlanOutcomeDetails(
            words=data["words"],
            how_we_will_know=data["how_we_will_know"],
            target_date=data["target_date"],
            steps=data["steps"],
            achievable_agreed=answer,
            achievable_agreed_by=data["achievable_agreed_by"]
            if answer is not None
            else "",
            achievable_agreed_on=data["achievable_agreed_on"]
            if answer is not None
            else None,
        )


class EditOutcomeForm(OutcomeForm):
    version = VersionField()


class SupportForm(Form):
    what = forms.CharField(label=_("What is the support?"), max_length=300)
    provided_by = forms.ChoiceField(
        label=_("Who provides it?"),
        choices=Support.ProvidedBy.choices,
        widget=forms.RadioSelect,
    )
    who = forms.CharField(
        label=_("Their name"),
        max_length=200,
        required=False,
        help_text=_("For example, the family member or personal assistant"),
    )
    provider = forms.ModelChoiceField(
        label=_("Provider from the register"),
        queryset=Provider.objects.none(),
        required=False,
        empty_label=_("Not a registered provider"),
    )
    service = forms.ModelChoiceField(
        label=_("Community resource from the directory"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("Not from the directory"),
    )
    frequency = forms.CharField(
        label=_("How often?"),
        max_length=200,
        required=False,
        help_text=_("For example, every weekday morning"),
    )
    hours_per_week = forms.DecimalField(
        label=_("Hours a week"),
        required=False,
        min_value=0,
        max_value=168,
        max_digits=5,
        decimal_places=2,
    )
    yearly_cost = forms.DecimalField(
        label=_("Cost a year (£)"),
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=0,
        help_text=_("0 for unpaid help"),
    )
    option = forms.TypedChoiceField(
        label=_("SDS option"),
        choices=[("", _("None: unpaid help")), *Support.Option.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    outcomes = WholeWordsChoiceField(
        label=_("Which outcomes does it serve?"),
        queryset=PlanOutcome.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, outcomes: Any, providers: Any, services: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].queryset = outcomes  # type: ignore[attr-defined]
        self.fields["provider"].queryset = providers  # type: ignore[attr-defined]
        self.fields["service"].queryset = services  # type: ignore[attr-defined]

    @staticmethod
    def initial_from(support: Support) -> dict[str, Any]:
        return {
            "what": support.what,
            "provided_by": support.provided_by,
            "who": support.who,
            "provider": support.provider_id,
            "service": support.service_id,
            "frequency": support.frequency,
            "hours_per_week": support.hours_per_week,
            "yearly_cost": support.yearly_cost,
            "option": support.option,
            "outcomes": list(support.outcomes.all()),
            "version": support.version,
        }

    def details(self) -> SupportDetails:
        return SupportDetails(
            **{
                k: v
                for k, v in self.cleaned_data.items()
                if k not in {"outcomes", "version"}
            }
        )


class EditSupportForm(SupportForm):
    version = VersionField()


class RemoveForm(Form):
    version = VersionField()


class ContingencyForm(Form):
    version = VersionField()
    if_support_cannot_come = LongText(
        label=_("What happens if a personal assistant or carer cannot come?"),
        max_length=4000,
        required=False,
    )
    if_unwell = LongText(
        label=_("What happens if the person becomes unwell?"),
        max_length=4000,
        required=False,
    )
    out_of_hours = LongText(
        label=_("Who to call out of hours or in an emergency"),
        max_length=4000,
        required=False,
        help_text=_(
            "For example, the out-of-hours social work number, a neighbour with a key"
        ),
    )
    other_contingency = LongText(
        label=_("Anything else that could go wrong, and what happens then"),
        max_length=4000,
        required=False,
        help_text=_("For example, if the unpaid carer is unwell or away"),
    )

    def details(self) -> ContingencyDetails:
        return ContingencyDetails(
            **{name: self.cleaned_data[name] for name in CONTINGENCY_FIELDS}
        )


class BudgetForm(Form):
    version = VersionField()
    budget = forms.ModelChoiceField(
        label=_("Which indicative budget does the plan spend?"),
        queryset=IndicativeBudget.objects.none(),
        required=False,
        empty_label=_("No budget yet"),
    )

    def __init__(self, *args: Any, budgets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["budget"].queryset = budgets  # type: ignore[attr-defined]


class AgreeForm(Form):
    version = VersionField()
    agreed_by_role = forms.ChoiceField(
        label=_("Who agreed the plan?"),
        choices=SupportPlan.AgreedByRole.choices,
        widget=forms.RadioSelect,
    )
    agreed_by = forms.CharField(label=_("Their name"), max_length=200)
    agreed_how = forms.ChoiceField(
        label=_("How did they agree it?"),
        choices=SupportPlan.AgreedHow.choices,
        widget=forms.RadioSelect,
    )
    agreed_on = forms.DateField(label=_("Date agreed"), help_text=DATE_HINT)
    review_on = forms.DateField(
        label=_("First review by"),
        required=False,
        help_text=_(
            "Leave blank for the usual time after agreement (%(months)s months)"
        ),
    )

    def __init__(self, *args: Any, months: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["review_on"]
        field.help_text = str(field.help_text) % {"months": months}


_YES_NO_UNKNOWN = [("yes", _("Yes")), ("no", _("No")), ("unknown", _("Not known"))]
_ANSWERS = {"yes": True, "no": False, "unknown": None}


class SupportFollowUpForm(Form):
    """How a community resource in the plan went, asked after the person tried it."""

    version = VersionField()
    followed_up_on = forms.DateField(
        label=_("Date of follow-up"), help_text=_("For example, 3/12/2026")
    )
    used_it = forms.ChoiceField(
        label=_("Did the person use it?"),
        choices=_YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
    )
    need_met = forms.ChoiceField(
        label=_("Did it meet their need?"),
        choices=_YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
    )

    @staticmethod
    def initial_from(support: Support) -> dict[str, Any]:
        words = {True: "yes", False: "no", None: "unknown"}
        answered = support.followed_up_on is not None
        return {
            "version": support.version,
            "followed_up_on": support.followed_up_on,
            "used_it": words[support.used_it] if answered else None,
            "need_met": words[support.need_met] if answered else None,
        }

    def clean_followed_up_on(self) -> Any:
        value = self.cleaned_data["followed_up_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Date of follow-up must be today or earlier"))
        return value

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "followed_up_on": data["followed_up_on"],
            "used_it": _ANSWERS[data["used_it"]],
            "need_met": _ANSWERS[data["need_met"]],
        }

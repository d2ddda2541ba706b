"""Forms for reviews (shape only; the rules live in rules.py and services.py)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality
from selfdirect.core.conditional import needed_when
from selfdirect.core.forms import Form, LongText, VersionField
from selfdirect.people.models import ServiceGroup

from .details import (
    AttainmentDetails,
    NextStepDetails,
    ReviewDetails,
    RiskReviewDetails,
    SupportReviewDetails,
)
from .models import (
    AttainmentLevel,
    OutcomeAttainment,
    PoorOutcomeReason,
    Review,
    RiskReview,
    SupportReview,
)
from .rules import DUE_OPTIONS, OVERDUE_BANDS

DATE_HINT = _("For example, 3/11/2026")
YES_NO = [("yes", _("Yes")), ("no", _("No")), ("", _("Not known"))]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _bool(answer: str) -> bool | None:
    return {"yes": True, "no": False}.get(answer)


class DueFilterForm(Form):
    mine = forms.BooleanField(label=_("Only people allocated to me"), required=False)
    band = forms.ChoiceField(
        label=_("How overdue"),
        choices=[("", _("All due and overdue"))]
        + [(code, label) for code, label, _low, _high in OVERDUE_BANDS],
        required=False,
    )
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.order_by("name"),
        empty_label=_("All localities"),
        required=False,
    )
    service_group = forms.ModelChoiceField(
        label=_("Service group"),
        queryset=ServiceGroup.objects.all(),
        empty_label=_("All service groups"),
        required=False,
    )
    option = forms.TypedChoiceField(
        label=_("SDS option"),
        choices=[("", _("All options")), *DUE_OPTIONS],
        coerce=int,
        empty_value=None,
        required=False,
    )


class StartReviewForm(Form):
    kind = forms.ChoiceField(
        label=_("What kind of review is this?"),
        choices=Review.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_("Any review but a planned one is due now."),
    )
    started_on = forms.DateField(
        label=_("Date the review started"), help_text=DATE_HINT
    )


class ReviewForm(Form):
    held_on = forms.DateField(
        label=_("Date of the review meeting"), required=False, help_text=DATE_HINT
    )
    participant_names = LongText(
        label=_("Who took part"),
        max_length=2000,
        required=False,
        help_text=_("Names and roles"),
    )
    took_part = forms.ChoiceField(
        label=_("How did the person take part?"),
        choices=Review.TookPart.choices,
        widget=forms.RadioSelect,
    )
    why_not_taking_part = needed_when(
        LongText(
            label=_("Why the person did not take part"), max_length=2000, required=False
        ),
        _("if the person did not take part"),
    )
    persons_account = LongText(
        label=_("The person's own account, in their words"), required=False
    )
    carer_views = LongText(label=_("The unpaid carer's views"), required=False)
    version = VersionField()

    @staticmethod
    def initial_from(review: Review) -> dict[str, Any]:
        return {
            name: getattr(review, name)
            for name in (
                "held_on",
                "participant_names",
                "took_part",
                "why_not_taking_part",
                "persons_account",
                "carer_views",
                "version",
            )
        }

    def details(self) -> ReviewDetails:
        d = self.cleaned_data
        return ReviewDetails(
            held_on=d["held_on"],
            participant_names=d["participant_names"],
            took_part=d["took_part"],
            why_not_taking_part=d["why_not_taking_part"],
            persons_account=d["persons_account"],
            carer_views=d["carer_views"],
        )


class AttainmentForm(Form):
    level = forms.ModelChoiceField(
        label=_("How far was the outcome met?"),
        queryset=AttainmentLevel.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    persons_words = LongText(
        label=_("How it went, in the person's words"), required=False
    )
    what_helped = LongText(label=_("What helped"), required=False)
    what_got_in_the_way = LongText(label=_("What got in the way"), required=False)
    reasons = needed_when(
        forms.ModelMultipleChoiceField(
            label=_("Why was it not fully met?"),
            queryset=PoorOutcomeReason.objects.none(),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=_("Choose all that apply."),
        ),
        _("if the outcome was partly met or not met"),
    )
    reason_narrative = needed_when(
        LongText(label=_("More about why"), required=False),
        _("if the outcome was partly met or not met"),
    )
    version = VersionField()

    def __init__(self, *args: Any, levels: Any, reasons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = levels  # type: ignore[attr-defined]
        self.fields["reasons"].queryset = reasons  # type: ignore[attr-defined]

    @staticmethod
    def initial_from(row: OutcomeAttainment) -> dict[str, Any]:
        return {
            "level": row.level_id,
            "persons_words": row.persons_words,
            "what_helped": row.what_helped,
            "what_got_in_the_way": row.what_got_in_the_way,
            "reasons": list(row.reasons.values_list("pk", flat=True)),
            "reason_narrative": row.reason_narrative,
            "version": row.version,
        }

    def details(self) -> AttainmentDetails:
        d = self.cleaned_data
        return AttainmentDetails(
            level=d["level"],
            persons_words=d["persons_words"],
            what_helped=d["what_helped"],
            what_got_in_the_way=d["what_got_in_the_way"],
            reasons=tuple(d["reasons"]),
            reason_narrative=d["reason_narrative"],
        )


class SupportReviewForm(Form):
    delivered_as_planned = forms.ChoiceField(
        label=_("Was it delivered as planned?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    option_still_right = forms.ChoiceField(
        label=_("Is the option still right for the person?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    notes = LongText(label=_("More about this support"), required=False)
    version = VersionField()

    def __init__(self, *args: Any, questions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question_codes = []
        for question in questions:
            name = f"q_{question.code}"
            self.question_codes.append((name, question.code))
            self.fields[name] = forms.ChoiceField(
                label=question.wording,
                choices=SupportReview.Answer.choices,
                widget=forms.RadioSelect,
                initial=SupportReview.Answer.NOT_ASKED,
            )

    @staticmethod
    def initial_from(row: SupportReview) -> dict[str, Any]:
        return {
            "delivered_as_planned": _yes_no(row.delivered_as_planned),
            "option_still_right": _yes_no(row.option_still_right),
            "notes": row.notes,
            "version": row.version,
            **{f"q_{code}": answer for code, answer in row.feedback.items()},
        }

    def details(self) -> SupportReviewDetails:
        d = self.cleaned_data
        return SupportReviewDetails(
            delivered_as_planned=_bool(d["delivered_as_planned"]),
            option_still_right=_bool(d["option_still_right"]),
            notes=d["notes"],
            feedback={code: d[name] for name, code in self.question_codes},
        )


class RiskReviewForm(Form):
    actions_worked = forms.ChoiceField(
        label=_("Did the agreed actions work?"),
        choices=RiskReview.Worked.choices,
        widget=forms.RadioSelect,
    )
    what_was_gained = LongText(label=_("What the person gained"), required=False)
    any_harm = forms.ChoiceField(
        label=_("Was there any harm?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    harm = needed_when(
        LongText(label=_("What the harm was"), required=False),
        _("if there was harm"),
    )
    next_review_on = forms.DateField(
        label=_("Next review of this risk agreement by"),
        required=False,
        help_text=DATE_HINT,
    )
    version = VersionField()

    @staticmethod
    def initial_from(row: RiskReview) -> dict[str, Any]:
        return {
            "actions_worked": row.actions_worked,
            "what_was_gained": row.what_was_gained,
            "any_harm": _yes_no(row.any_harm),
            "harm": row.harm,
            "next_review_on": row.next_review_on,
            "version": row.version,
        }

    def details(self) -> RiskReviewDetails:
        d = self.cleaned_data
        return RiskReviewDetails(
            actions_worked=d["actions_worked"],
            what_was_gained=d["what_was_gained"],
            any_harm=_bool(d["any_harm"]),
            harm=d["harm"],
            next_review_on=d["next_review_on"],
        )


class NextStepForm(Form):
    next_step = forms.ChoiceField(
        label=_("What happens next?"),
        choices=Review.NextStep.choices,
        widget=forms.RadioSelect,
    )
    next_step_notes = LongText(label=_("More about what happens next"), required=False)
    support_ends_reason = needed_when(
        LongText(label=_("Why support ends"), required=False),
        _("if support ends"),
    )
    next_review_on = needed_when(
        forms.DateField(label=_("Next review by"), required=False, help_text=DATE_HINT),
        _("unless support ends"),
    )
    version = VersionField()

    @staticmethod
    def initial_from(review: Review) -> dict[str, Any]:
        return {
            "next_step": review.next_step,
            "next_step_notes": review.next_step_notes,
            "support_ends_reason": review.support_ends_reason,
            "next_review_on": review.next_review_on,
            "version": review.version,
        }

    def details(self) -> NextStepDetails:
        d = self.cleaned_data
        return NextStepDetails(
            next_step=d["next_step"],
            next_step_notes=d["next_step_notes"],
            support_ends_reason=d["support_ends_reason"],
            next_review_on=d["next_review_on"],
        )


class ShareForm(Form):
    shared_on = forms.DateField(
        label=_("Date shared with the person"), help_text=DATE_HINT
    )
    version = VersionField()


class AgreeForm(Form):
    agreed_on = forms.DateField(label=_("Date agreed"), help_text=DATE_HINT)
    agreed_by = forms.CharField(
        label=_("Who agreed"),
        max_length=200,
        help_text=_("The person, or the name of their representative"),
    )
    agreed_how = forms.ChoiceField(
        label=_("How was it agreed?"),
        choices=Review.AgreedHow.choices,
        widget=forms.RadioSelect,
    )
    version = VersionField()


class ConfirmForm(Form):
    """A button only: the action's rules are in its service."""

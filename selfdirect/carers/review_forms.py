"""Forms for carers' reviews: HTTP only. The outcome and next-step forms are the
reviews app's, in the carer's words."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import Locality, Team
from selfdirect.core.forms import DateField, Form, LongText, VersionField
from selfdirect.core.input_bounds import PAST_DATE
from selfdirect.reviews.forms import AttainmentForm, NextStepForm

from .details import ReviewDetails
from .models import CarerReview


class StartReviewForm(Form):
    started_on = DateField(label=_("Review started on"), dates=PAST_DATE)


class ReviewForm(Form):
    held_on = DateField(label=_("Review held on"), dates=PAST_DATE, required=False)
    participant_names = LongText(label=_("Who took part"), required=False)
    carers_account = LongText(
        label=_("How things are going, in the carer's own words"), required=False
    )
    caring_changes = LongText(
        label=_("What has changed in the caring situation"), required=False
    )
    version = VersionField()

    @staticmethod
    def initial_from(review: CarerReview) -> dict[str, Any]:
        return {
            "held_on": review.held_on,
            "participant_names": review.participant_names,
            "carers_account": review.carers_account,
            "caring_changes": review.caring_changes,
            "version": review.version,
        }

    def details(self) -> ReviewDetails:
        d = self.cleaned_data
        return ReviewDetails(
            held_on=d["held_on"],
            participant_names=d["participant_names"],
            carers_account=d["carers_account"],
            caring_changes=d["caring_changes"],
        )


class OutcomeReviewForm(AttainmentForm):
    """The reviews app's outcome form, asking for the carer's words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persons_words"].label = _("How it went, in the carer's words")


class CarerNextStepForm(NextStepForm):
    """The reviews app's next-step form with the carers' choices."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["next_step"]
        field.choices = CarerReview.NextStep.choices  # type: ignore[attr-defined]
        self.fields["support_ends_reason"].label = _("Why support for the carer ends")


class ReviewDateForm(Form):
    day = DateField(label=_("Date"), dates=PAST_DATE)
    version = VersionField()


class DueFilterForm(Form):
    """The carers' reviews due list: by the carer's team and locality."""

    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.order_by("name"),
        empty_label=_("All teams"),
        required=False,
    )
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.order_by("name"),
        empty_label=_("All localities"),
        required=False,
    )
    overdue = forms.BooleanField(label=_("Only overdue reviews"), required=False)

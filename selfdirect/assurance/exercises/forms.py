"""The exercise pages' forms: shape only; the rules are in services and rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import User
from selfdirect.core.forms import DateField, Form, LongText, VersionField
from selfdirect.core.input_bounds import PAST_DATE

from .models import Answer, CriterionAnswer
from .rules import READER_ROLES


class ExerciseForm(Form):
    """Set up an exercise: its name, the day, and the sample sizes."""

    name = forms.CharField(label=_("Name of the exercise"), max_length=200)
    as_of = DateField(
        label=_("Read the files as they stood on"),
        dates=PAST_DATE,
        help_text=_("For example, 31/10/2026"),
    )
    months = forms.IntegerField(
        label=_("People with an assessment in the last (months)"),
        min_value=1,
        max_value=60,
        initial=12,
    )
    assessed_size = forms.IntegerField(
        label=_("How many people with an assessment to read"),
        min_value=0,
        max_value=500,
        initial=60,
    )
    signposted_size = forms.IntegerField(
        label=_("How many people signposted at first contact, with no assessment"),
        min_value=0,
        max_value=500,
        initial=20,
    )
    seed = forms.IntegerField(
        label=_("Random seed"),
        required=False,
        min_value=0,
        max_value=10**15,
        help_text=_(
            "Leave blank for a new random sample; give an earlier exercise's seed "
            "and the same day to draw its sample again"
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("assessed_size") == 0 and data.get("signposted_size") == 0:
            raise forms.ValidationError(_("Choose at least one file to read."))
        return data


class ReadingForm(Form):
    """Confirm or change each criterion's answer, with a note when changing it."""

    version = VersionField()

    def __init__(self, *args: Any, answers: list[CriterionAnswer], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for answer in answers:
            self.fields[f"answer_{answer.criterion}"] = forms.ChoiceField(
                label=_("Your answer"),
                choices=Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=answer.confirmed_answer or answer.automatic_answer,
            )
            self.fields[f"note_{answer.criterion}"] = LongText(
                label=_("Why you changed the automatic answer"),
                required=False,
                initial=answer.note,
                help_text=_(
                    "Needed only when your answer differs from the proposed one"
                ),
            )


class ReaderForm(Form):
    """Give a reading to a reader."""

    reader = forms.ModelChoiceField(
        label=_("Reader"), queryset=User.objects.none(), empty_label=_("Choose")
    )
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["reader"]
        field.queryset = User.objects.filter(
            role__in=READER_ROLES, is_active=True
        ).order_by("role", "last_name", "username")
        field.label_from_instance = _reader_label


def _reader_label(user: User) -> str:
    return f"{user.get_full_name() or user.username} ({user.get_role_display()})"


class SecondReadingsForm(Form):
    """How many more files to give a second reader."""

    count = forms.IntegerField(
        label=_("How many files to choose for a second reader"),
        min_value=1,
        max_value=500,
        initial=10,
    )


class CompleteForm(Form):
    version = VersionField()

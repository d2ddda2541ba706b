"""Answers on a check-your-answers page read as the user gave them."""

import datetime
from decimal import Decimal

from django import forms

from selfdirect.core.check_answers import answer_text, answers


class _Form(forms.Form):
    how = forms.ChoiceField(choices=[("phone", "By phone"), ("letter", "By letter")])
    on = forms.DateField()
    amount = forms.DecimalField()
    which = forms.MultipleChoiceField(choices=[("1", "Option 1"), ("2", "Option 2")])
    note = forms.CharField(required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_answers_use_choice_labels_dates_in_words_and_money() -> None:
    form = _Form(
        {
            "how": "letter",
            "on": "2026-11-20",
            "amount": "12500",
            "which": ["1", "2"],
            "note": "",
            "version": "3",
        }
    )
    assert form.is_valid()
    assert answers(form) == [
        ("How", "By letter"),
        ("On", "20 November 2026"),
        ("Amount", "£12,500.00"),
        ("Which", "Option 1, Option 2"),
        ("Note", "Not given"),
    ]


def test_a_yes_or_no_answer_is_in_words() -> None:
    field = forms.BooleanField()
    assert answer_text(field, True) == "Yes"
    assert answer_text(forms.DateField(), datetime.date(2027, 1, 2)) == "2 January 2027"
    assert answer_text(forms.DecimalField(), Decimal("5.5")) == "£5.50"

"""The input rules every form follows (core/forms.py, docs/forms.md)."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.utils import timezone

from selfdirect.core.dates import add_days, add_months, add_years, long_date
from selfdirect.core.forms import (
    DateField,
    Form,
    PhoneField,
    SearchText,
    phone_problem,
)
from selfdirect.core.input_bounds import PAST_DATE, DateRange
from selfdirect.core.search import search_terms, search_words

D = datetime.date


class ContactForm(Form):
    contact_date = forms.DateField(label="Date of first contact")
    born = DateField(label="Date of birth", dates=PAST_DATE, required=False)
    name = forms.CharField(label="Name", max_length=200, required=False)
    notes = forms.CharField(label="Notes", required=False)
    amount = forms.DecimalField(
        label="Yearly cost (£)", max_digits=10, decimal_places=2, required=False
    )
    hours = forms.DecimalField(label="Hours a week", required=False)
    people = forms.IntegerField(label="Number of people", required=False)
    made_by = forms.ChoiceField(
        label="Who made contact?", choices=[("person", "The person")]
    )
    phone = PhoneField(label="Phone", required=False)
    q = SearchText(label="Words to search for")


def _errors(**data: str) -> dict[str, list[str]]:
    base = {"contact_date": "3/11/2026", "made_by": "person"}
    form = ContactForm({**base, **data})
    form.is_valid()
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def test_a_date_before_1900_names_the_question_and_the_limit() -> None:
    assert _errors(contact_date="0001-01-01")["contact_date"] == [
        "Date of first contact must be after 1 January 1900"
    ]


def test_a_far_future_date_is_refused_with_the_last_date_allowed() -> None:
    limit = add_years(timezone.localdate(), 10)
    assert _errors(contact_date="31/12/9999")["contact_date"] == [
        f"Date of first contact must be before {long_date(limit)}"
    ]


def test_an_impossible_date_asks_for_a_real_one() -> None:
    assert _errors(contact_date="31/02/2026")["contact_date"] == [
        "Date of first contact must be a real date, like 27/03/1950"
    ]


def test_a_birth_date_cannot_be_in_the_future() -> None:
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert _errors(born=tomorrow.strftime("%d/%m/%Y"))["born"] == [
        "Date of birth must be today or in the past"
    ]


def test_a_date_range_says_why_a_date_is_implausible() -> None:
    today = D(2026, 11, 27)
    later = DateRange(years_ahead=2)
    assert later.problem(D(2028, 11, 26), today, "Review date") is None
    assert (
        later.problem(D(2028, 11, 27), today, "Review date")
        == "Review date must be before 27 November 2028"
    )
    assert DateRange(years_ahead=None).problem(D(9999, 12, 31), today, "X") is None


def test_text_has_a_limit_and_the_message_names_the_question() -> None:
    assert _errors(name="x" * 100_000)["name"] == [
        "Name must be 200 characters or fewer. You entered 100000."
    ]
    assert _errors(notes="x" * 10_001)["notes"] == [
        "Notes must be 10000 characters or fewer. You entered 10001."
    ]


def test_null_characters_are_refused_in_words() -> None:
    assert _errors(name="Mor\x00ag")["name"] == [
        "Name must not include hidden characters, such as a null character"
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("amount", "five", "Enter the yearly cost as a number, like 5520.50"),
        ("amount", "-1", "Yearly cost must be 0 or more"),
        ("amount", "123456789", "Yearly cost must be less than 100,000,000"),
        (
            "amount",
            "1.234",
            "Yearly cost can have at most 2 digits after the decimal point",
        ),
        ("hours", "1e400", "Hours a week must be 100,000,000 or less"),
        ("people", "lots", "Enter the number of people as a whole number, like 3"),
        (
            "people",
            "99999999999999999999",
            "Number of people must be 1,000,000 or less",
        ),
    ],
)
def test_numbers_have_bounds_and_plain_messages(
    field: str, value: str, message: str
) -> None:
    assert _errors(**{field: value})[field] == [message]


def test_required_choices_use_the_design_systems_select() -> None:
    assert _errors(made_by="")["made_by"] == ["Select who made contact"]
    assert _errors(made_by="x" * 300)["made_by"] == [
        "Choose one of the answers given for “Who made contact”"
    ]


@pytest.mark.parametrize(
    "number", ["01389 737000", "07700 900982", "+44 (0)1389 737000", "0141-287-2000"]
)
def test_uk_phone_numbers_are_accepted(number: str) -> None:
    assert phone_problem(number) is None
    assert "phone" not in _errors(phone=number)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("😀", "only numbers"),
        ("\u202e01389 737000", "only numbers"),
        ("٠١٣٨٩٧٣٧٠٠٠", "only numbers"),  # Arabic-Indic digits
        ("call me", "only numbers"),
        ("0", "the right length"),
        ("1" * 30, "the right length"),
    ],
)
def test_phone_numbers_are_digits_of_a_plausible_length(
    number: str, problem: str
) -> None:
    assert problem in _errors(phone=number)["phone"][0]


def test_search_words_are_bounded() -> None:
    assert _errors(q="lunch " * 1000 + "club")["q"] == [
        "Words to search for must be 100 characters or fewer. You entered 6004."
    ]
    assert search_words("a\x00b" * 100) == ("ab" * 100)[:100]
    assert search_terms("one two three four five six seven") == [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
    ]


def test_fields_added_after_the_form_is_made_get_the_rules() -> None:
    class Later(Form):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self.fields["cost"] = forms.DecimalField(label="Cost")

    form = Later({"cost": "-1"})
    assert not form.is_valid()
    assert form.errors["cost"] == ["Cost must be 0 or more"]


def test_month_and_day_arithmetic_stays_within_the_dates_there_are() -> None:
    assert add_months(D(9999, 12, 31), 3) == datetime.date.max
    assert add_months(D(1, 1, 1), -1) == datetime.date.min
    assert add_days(D(9999, 12, 31), 1) == datetime.date.max
    assert add_days(D(1, 1, 1), -1) == datetime.date.min
    assert add_days(D(2026, 1, 31), 1) == D(2026, 2, 1)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)


def test_amounts_are_decimal_bounded() -> None:
    form = ContactForm(
        {"contact_date": "3/11/2026", "made_by": "person", "hours": "5.5"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["hours"] == Decimal("5.5")


def test_a_percent_sign_in_a_label_is_not_read_as_a_placeholder() -> None:
    class Used(Form):
        used = forms.ChoiceField(
            label="Did they use 100% Fitness?", choices=[("y", "Y")]
        )

    form = Used({"used": "nonsense"})
    assert not form.is_valid()
    assert form.errors["used"] == [
        "Choose one of the answers given for “Did they use 100 per cent Fitness”"
    ]

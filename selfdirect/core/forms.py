"""Form helpers shared by every app: the input rules every form follows.

`Form` and `ModelForm` (through `PlainErrors`) give every field a bound and a
message that names its question, in the design system's wording, so no Django
default message ("This field is required.", "Enter a number.") reaches a user:

- text has a maximum length and no NUL characters;
- whole numbers and amounts have a smallest and largest value;
- every date has a plausible range (`DateRange`): after 1 January 1900 and less
  than `YEARS_AHEAD` years from today unless the field says otherwise;
- phone numbers (`PhoneField`) are digits, spaces, +, brackets and hyphens, of a
  length a UK number can have.

docs/forms.md describes the rules."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .dates import add_days, add_years, long_date
from .middleware import rescued_data
from .search import SEARCH_TEXT

F = TypeVar("F", bound=forms.BaseForm)

LONG_TEXT = 10_000
# Amounts and counts no record needs to exceed (and every database can hold).
LARGEST_AMOUNT = Decimal(100_000_000)
LARGEST_WHOLE_NUMBER = 1_000_000
EARLIEST_DATE = datetime.date(1900, 1, 1)
YEARS_AHEAD = 10


def bind(request: HttpRequest, form_class: type[F], **kwargs: Any) -> F:
    """Bind a form to what was posted, or to what was rescued from a lost session."""
    if request.method == "POST":
        return form_class(request.POST, **kwargs)
    data = rescued_data(request)
    if data is not None:
        return form_class(data, **kwargs)
    return form_class(**kwargs)


class LongText(forms.CharField):
    """Free text in the person's words, with a clear limit."""

    def __init__(self, *, max_length: int = LONG_TEXT, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(max_length=max_length, **kwargs)


class SearchText(forms.CharField):
    """Words to search for: short, so no search is too long for the database."""

    def __init__(self, *, max_length: int = SEARCH_TEXT, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(max_length=max_length, **kwargs)


class VersionField(forms.IntegerField):
    """The version of the record the form was filled from (hidden)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=2**31 - 1, **kwargs)


@dataclass(frozen=True)
class DateRange:
    """The dates a question can plausibly be answered with.

    A date must be after `after`, and before `years_ahead` years from today (None:
    no later limit); `not_future` dates must also be today or in the past."""

    after: datetime.date = EARLIEST_DATE
    years_ahead: int | None = YEARS_AHEAD
    not_future: bool = False

    def problem(
        self, value: datetime.date, today: datetime.date, label: str
    ) -> str | None:
        """Why `value` cannot be the answer to the question `label`; None if it can."""
        if value <= self.after:
            return str(
                _("%(label)s must be after %(date)s")
                % {"label": label, "date": long_date(self.after)}
            )
        if self.not_future and value > today:
            return str(_("%(label)s must be today or in the past") % {"label": label})
        if self.years_ahead is not None:
            before = add_years(today, self.years_ahead)
            if value >= before:
                return str(
                    _("%(label)s must be before %(date)s")
                    % {"label": label, "date": long_date(before)}
                )
        return None

    def picker_bounds(self, today: datetime.date) -> tuple[str, str]:
        """The first and last dates the design system's date picker offers, as
        dd/mm/yyyy ("" for no last date): the same range `problem` accepts."""
        first = add_days(self.after, 1)
        last: datetime.date | None = today if self.not_future else None
        if last is None and self.years_ahead is not None:
            last = add_days(add_years(today, self.years_ahead), -1)
        return f"{first:%d/%m/%Y}", f"{last:%d/%m/%Y}" if last else ""


PAST_DATE = DateRange(not_future=True)
ANY_DATE = DateRange()


class DateField(forms.DateField):
    """A date with a plausible range (`DateRange`; every DateField in a `Form` gets
    the default range unless it is one of these with its own)."""

    def __init__(self, *, dates: DateRange = ANY_DATE, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dates = dates


PHONE_CHARACTERS = re.compile(r"[0-9 +()\-]+")


def phone_problem(text: str) -> str | None:
    """Why `text` cannot be a phone number a UK worker would ring; None if it can.
    The length is checked by Google's libphonenumber (the `phonenumbers` package),
    for a UK number or an international one starting with +."""
    if not PHONE_CHARACTERS.fullmatch(text):
        return str(
            _(
                "Enter a phone number using only numbers, spaces, +, brackets and hyphens"
            )
        )
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        return str(
            _(
                "Enter a phone number the right length, like 01389 737000 or 07700 900982"
            )
        )
    return None


class PhoneField(forms.CharField):
    """A phone number, as typed (kept as the worker wrote it), checked for shape."""

    def __init__(self, *, max_length: int = 40, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("For example, 01389 737000 or 07700 900982"))
        super().__init__(max_length=max_length, **kwargs)
        self.widget.attrs.setdefault("autocomplete", "tel")
        self.widget.input_type = "tel"  # type: ignore[attr-defined]

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value not in self.empty_values:
            problem = phone_problem(str(value))
            if problem:
                raise ValidationError(problem, code="phone")


def question_name(field: forms.Field, name: str) -> str:
    """How a message names a field's question: its label, without a trailing
    question mark, "(optional)" or a unit in brackets."""
    label = str(field.label or name.replace("_", " ").capitalize())
    label = re.sub(r"\s*\((optional|£|£ a year)\)$", "", label.strip())
    return label.rstrip("?").strip()


class PlainErrors:
    """Say what is wrong in words that name the question, not 'This field is
    required' (GOV.UK and Scottish Government error message pattern), and give
    every field its bounds (see the module's docstring)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self._plain_fields()

    def full_clean(self) -> None:
        # Fields a form adds after this __init__ get their rules here.
        self._plain_fields()
        super().full_clean()  # type: ignore[misc]

    def _plain_fields(self) -> None:
        for name, field in self.fields.items():
            if not getattr(field, "plain_messages", False):
                plain_messages(field, name)
                field.plain_messages = True  # type: ignore[attr-defined]


def plain_messages(field: forms.Field, name: str) -> None:
    """Give `field` its bounds and messages that name its question."""
    # Django fills in some messages with "%"; a "%" in a label (a service typed
    # as "100% Fitness") must not be read as a placeholder.
    full = str(field.label or name.replace("_", " ").capitalize())
    full = full.replace("%", " per cent")
    label = question_name(field, name).replace("%", " per cent")
    messages = field.error_messages
    if messages.get("required") == forms.Field.default_error_messages["required"]:
        messages["required"] = _required_message(field, full)
    messages["null_characters_not_allowed"] = _(
        "%(label)s must not include hidden characters, such as a null character"
    ) % {"label": label}
    messages["invalid_choice"] = _choose_again(field, full)
    messages["invalid_list"] = _choose_again(field, full)
    messages["invalid_pk_value"] = _choose_again(field, full)
    if isinstance(field, forms.ModelChoiceField):
        # Django checks a chosen record's key for NUL characters with its own
        # message, before the field's messages apply.
        field.validate_no_null_characters = _no_nul(messages)  # type: ignore[method-assign]
    if isinstance(field, forms.CharField):
        _text_bounds(field, label)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        _number_bounds(field, label, full)
    if isinstance(field, forms.DateField):
        messages["invalid"] = _("%(label)s must be a real date, like 27/03/1950") % {
            "label": label
        }
        _date_bounds(field, label)
    elif isinstance(field, forms.TimeField):
        messages["invalid"] = _("%(label)s must be a real time, like 09:30") % {
            "label": label
        }
    elif isinstance(field, forms.EmailField):
        messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
    elif isinstance(field, forms.URLField):
        messages["invalid"] = _(
            "Enter a web address in the correct format, like https://www.example.org"
        )
    elif isinstance(field, forms.UUIDField):
        messages["invalid"] = _choose_again(field, full)


def _no_nul(messages: dict[str, Any]) -> Any:
    def validate_no_null_characters(value: Any) -> None:
        if "\x00" in str(value):
            raise ValidationError(
                messages["null_characters_not_allowed"],
                code="null_characters_not_allowed",
            )

    return validate_no_null_characters


def _text_bounds(field: forms.CharField, label: str) -> None:
    if field.max_length is None and not isinstance(field.widget, forms.HiddenInput):
        field.max_length = LONG_TEXT
        field.widget.attrs.update(field.widget_attrs(field.widget))
    if field.max_length is not None and not any(
        isinstance(v, MaxLengthValidator) for v in field.validators
    ):
        field.validators.append(MaxLengthValidator(field.max_length))
    field.error_messages["max_length"] = _(
        "%(label)s must be %(limit_value)s characters or fewer. "
        "You entered %(show_value)s."
    ) % {
        "label": label,
        "limit_value": "%(limit_value)s",
        "show_value": "%(show_value)s",
    }
    field.error_messages["min_length"] = _(
        "%(label)s must be %(limit_value)s characters or more"
    ) % {"label": label, "limit_value": "%(limit_value)s"}


def _number_bounds(field: forms.Field, label: str, full: str) -> None:
    messages = field.error_messages
    number: Any = field
    whole = isinstance(field, forms.IntegerField) and not isinstance(
        field, forms.DecimalField
    )
    if number.min_value is None:
        number.min_value = 0
        field.validators.append(MinValueValidator(0))
    digits: int | None = getattr(field, "max_digits", None)
    places: int = getattr(field, "decimal_places", None) or 0
    if number.max_value is None and digits is None:
        number.max_value = LARGEST_WHOLE_NUMBER if whole else LARGEST_AMOUNT
        field.validators.append(MaxValueValidator(number.max_value))
    lowest = number_format(number.min_value, force_grouping=True)
    if number.max_value is not None or digits is None:
        too_big = _("%(label)s must be %(highest)s or less") % {
            "label": label,
            "highest": number_format(number.max_value, force_grouping=True),
        }
    else:
        too_big = _("%(label)s must be less than %(limit)s") % {
            "label": label,
            "limit": number_format(10 ** (digits - places), force_grouping=True),
        }
    named = _named(full)
    if whole:
        messages["invalid"] = _("Enter %(named)s as a whole number, like 3") % {
            "named": named
        }
    else:
        messages["invalid"] = _("Enter %(named)s as a number, like 5520.50") % {
            "named": named
        }
    messages["min_value"] = _("%(label)s must be %(lowest)s or more") % {
        "label": label,
        "lowest": lowest,
    }
    messages["max_value"] = too_big
    messages["max_digits"] = too_big
    messages["max_whole_digits"] = too_big
    messages["max_decimal_places"] = _(
        "%(label)s can have at most %(max)s digits after the decimal point"
    ) % {"label": label, "max": "%(max)s"}
    messages["step_size"] = _("%(label)s must be a multiple of %(limit_value)s") % {
        "label": label,
        "limit_value": "%(limit_value)s",
    }


def _date_bounds(field: forms.DateField, label: str) -> None:
    dates: DateRange = getattr(field, "dates", ANY_DATE)

    def plausible(value: datetime.date) -> None:
        problem = dates.problem(value, timezone.localdate(), label)
        if problem:
            raise ValidationError(problem, code="implausible_date")

    field.validators.append(plausible)


def _lower_first(label: str) -> str:
    """A label inside a sentence: its first word in lower case, unless that word
    is an abbreviation ("SDS option", "CHI number")."""
    first, _space, rest = label.partition(" ")
    if not (len(first) > 1 and first.isupper()):
        first = first.lower()
    return first + _space + rest


def _named(label: str) -> str:
    """A label as the object of "Enter …": "the yearly cost", "how much each week"."""
    if label.endswith("?") or label.lower().startswith(_QUESTION_WORDS):
        return "“{}”".format(label.rstrip("?"))
    plain = re.sub(r"\s*\((optional|£|£ a year)\)$", "", label)
    return "the {}".format(_lower_first(plain).removeprefix("the "))


_QUESTION_WORDS = ("what ", "who ", "how ", "when ", "where ", "why ", "which ")


def _required_message(field: forms.Field, label: str) -> str:
    """The design system's message for a question left unanswered: "Enter the
    date of contact", "Select who made contact", "Answer “Why did they…?”"."""
    question = label.endswith("?") or label.lower().startswith(_QUESTION_WORDS)
    # A label may start with "The"; the message already has its article.
    noun = _lower_first(label).removeprefix("the ")
    if isinstance(field, forms.BooleanField):
        return _("Tick “%(label)s” to go on") % {"label": label}
    if isinstance(field, forms.ChoiceField):
        if label.lower().startswith(_QUESTION_WORDS):
            asked = label.rstrip("?")
            return _("Select %(question)s") % {"question": _lower_first(asked)}
        if question:
            return _("Select an answer to “%(label)s”") % {"label": label}
        return _("Select the %(label)s") % {"label": noun}
    if question:
        return _("Answer “%(label)s”") % {"label": label}
    return _("Enter the %(label)s") % {"label": noun}


def _choose_again(field: forms.Field, label: str) -> str:
    """A choice that is not one of those offered (the page was old or altered)."""
    return _("Choose one of the answers given for “%(label)s”") % {
        "label": label.rstrip("?")
    }


class Form(PlainErrors, forms.Form):
    """A form with plain-English error messages."""


class ModelForm(PlainErrors, forms.ModelForm):
    """A model form with plain-English error messages."""


class _ChoicesAsRead(forms.models.ModelChoiceIterator):
    """The field's choices from its queryset as read: Django's own iterator reads
    them with ``.iterator()``, a query each time, whatever was read before."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ReadOnceChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that reads its queryset once for its choices and its
    validation (Django's validates with a ``.get()`` of its own): a page can read
    several forms' choice lists in one statement first (``read_choices``)."""

    iterator = _ChoicesAsRead

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        queryset: Any = self.queryset
        model = queryset.model
        key = self.to_field_name or "pk"
        if isinstance(value, model):
            value = getattr(value, key)
        field = model._meta.pk if key == "pk" else model._meta.get_field(key)
        invalid = ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )
        try:
            wanted = field.to_python(value)
        except (ValidationError, ValueError, TypeError):
            raise invalid from None
        for obj in queryset:
            if getattr(obj, field.attname) == wanted:
                return obj
        raise invalid


def read_choices(form: forms.Form, *names: str) -> None:
    """Read these ``ReadOnceChoiceField``s' choice lists in one statement."""
    from .batched import evaluate_together

    evaluate_together(*(form.fields[name].queryset for name in names))  # type: ignore[attr-defined]

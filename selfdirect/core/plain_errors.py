"""Plain-English error messages for every form field (GOV.UK and Scottish
Government error message pattern): each message names its question, and each
field gets its bounds from `core.input_bounds`. `core.forms.Form` and `ModelForm`
mix in `PlainErrors`; docs/forms.md describes the rules."""

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .input_bounds import (
    ANY_DATE,
    LARGEST_AMOUNT,
    LARGEST_WHOLE_NUMBER,
    LONG_TEXT,
    DateRange,
)


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

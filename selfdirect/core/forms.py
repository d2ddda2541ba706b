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

docs/forms.md describes the rules. The bounds are in `core.input_bounds`, the
messages in `core.plain_errors`; this module holds the fields and the forms."""

import re
from typing import Any, TypeVar

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .input_bounds import ANY_DATE, LONG_TEXT, DateRange
from .middleware import rescued_data
from .plain_errors import PlainErrors
from .search import SEARCH_TEXT

F = TypeVar("F", bound=forms.BaseForm)


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

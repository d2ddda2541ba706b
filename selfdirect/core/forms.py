"""Form helpers shared by every app."""

from typing import Any, TypeVar

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .middleware import rescued_data

F = TypeVar("F", bound=forms.BaseForm)

LONG_TEXT = 10_000


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
        self.error_messages["max_length"] = _(
            "Use %(limit_value)s characters or fewer. You entered %(show_value)s."
        )


class VersionField(forms.IntegerField):
    """The version of the record the form was filled from (hidden)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, **kwargs)


class PlainErrors:
    """Say what is missing in words that name the question, not 'This field is
    required' (GOV.UK and Scottish Government error message pattern)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():
            label = str(field.label or name.replace("_", " ").capitalize())
            if (
                field.error_messages.get("required")
                == forms.Field.default_error_messages["required"]
            ):
                field.error_messages["required"] = _required_message(field, label)
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = _(
                    "%(label)s must be a real date, like 27/03/1950"
                ) % {"label": label.rstrip("?")}


_QUESTION_WORDS = ("what ", "who ", "how ", "when ", "where ", "why ", "which ")


def _required_message(field: forms.Field, label: str) -> str:
    if label.endswith("?") or label.lower().startswith(_QUESTION_WORDS):
        return _("Answer “%(label)s”") % {"label": label}
    # A label may start with "The"; the message already has its article.
    noun = label.lower().removeprefix("the ")
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return _("Choose the %(label)s") % {"label": noun}
    return _("Enter the %(label)s") % {"label": noun}


class Form(PlainErrors, forms.Form):
    """A form with plain-English error messages."""


class ModelForm(PlainErrors, forms.ModelForm):
    """A model form with plain-English error messages."""

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

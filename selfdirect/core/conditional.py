"""Questions that are needed only in some cases, labelled so the label and the rule
agree: "(needed if you signpost someone)" in place of "(optional)".

The form's ``clean`` still applies the rule; this only says it beside the question.
"""

from typing import TypeVar

from django import forms
from django.utils.functional import Promise

F = TypeVar("F", bound=forms.Field)


def needed_when(field: F, case: str | Promise) -> F:
    """Mark a question that is not always required with the case it is needed in,
    in words that finish "needed …", for example ``_("if you signpost someone")``."""
    field.needed_when = case  # type: ignore[attr-defined]
    return field

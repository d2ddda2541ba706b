"""The hidden one-time token of a create form (see `selfdirect.core.once`)."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from selfdirect.core.once import FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_token(context: dict[str, Any]) -> SafeString | str:
    """A hidden field with the form's one-time token, on pages wrapped in `@once`."""
    request = context.get("request")
    token = getattr(request, "submission_token", None)
    if token is None:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)

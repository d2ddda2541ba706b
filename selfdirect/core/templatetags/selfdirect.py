import datetime
from typing import Any

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def input_value(field: BoundField) -> Any:
    """A field's current value as the text to show in an input box."""
    value = field.value()
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


@register.filter
def describedby(field: BoundField) -> str:
    """The ids of the hint and error that describe a field."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], number: int) -> str:
    """The current URL with a different page number, keeping search and filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"

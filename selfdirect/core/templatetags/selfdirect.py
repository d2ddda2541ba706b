import datetime
from decimal import ROUND_HALF_UP, Decimal
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


def _pounds(value: Any) -> str:
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{amount:,.2f}"


@register.filter
def money(value: Any) -> str:
    """An amount in pounds as people write it: £1,234.50 (blank when missing)."""
    if value is None or value == "":
        return ""
    return "£" + _pounds(value)


@register.filter
def pounds(value: Any) -> str:
    """An amount in pounds for a table whose heading says £: 1,234.50."""
    if value is None or value == "":
        return ""
    return _pounds(value)

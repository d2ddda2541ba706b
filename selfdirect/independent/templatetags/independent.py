"""A count as it may be shown in a download (1 to 4 suppressed)."""

from django import template

from selfdirect.independent.reports import suppressed as _suppressed

register = template.Library()


@register.filter
def suppressed(count: int | float | None) -> str:
    return _suppressed(count)

"""A count as it may be shown in a download (1 to 4 suppressed), and whether the
user manages their organisation."""

from typing import Any

from django import template

from selfdirect.accounts.roles import Capability
from selfdirect.independent.reports import suppressed as _suppressed

register = template.Library()


@register.filter
def suppressed(count: int | float | None) -> str:
    return _suppressed(count)


@register.filter
def manages_organisation(user: Any) -> bool:
    """Whether the user is their organisation's manager (teams, the report)."""
    return bool(getattr(user, "can", None)) and user.can(Capability.MANAGE_ORGANISATION)

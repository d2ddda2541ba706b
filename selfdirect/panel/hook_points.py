"""Hook points the resource panel reads, where later stages contribute in hooks.py.

Delivery contributes where the start of a service is recorded (direct payments,
individual service funds, arranged services), so a request approved by the panel
stops waiting once its support has started, without the panel importing delivery.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from selfdirect.core.hooks import HookPoint

# A source takes a person and a day (values or OuterRefs) and returns querysets of
# that person's services starting on or after the day, each row with `starts_on`.
ServiceStarts = Callable[[Any, Any], list[QuerySet[Any]]]

SERVICE_STARTS: HookPoint[ServiceStarts] = HookPoint(
    "panel_service_starts",
    "Where a later stage records services starting, so the waiting list knows "
    "when approved support began. Each takes a person and a day and returns "
    "querysets of services starting on or after it, with `starts_on`.",
)


def services_starting(person: Any, since: Any) -> list[QuerySet[Any]]:
    """Every contributed source's services for the person starting on or after the
    day, as querysets with `starts_on` (empty when no stage contributes one)."""
    from selfdirect.core.hooks import contributions

    return [
        qs for source in contributions(SERVICE_STARTS) for qs in source(person, since)
    ]

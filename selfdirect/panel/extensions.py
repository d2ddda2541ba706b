"""Facts later stages give the resource panel, without the panel importing them.

Delivery registers where the start of a service is recorded (direct payments,
individual service funds, arranged services), so a request approved by the panel
stops waiting once its support has started.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

# A source takes a person and a day (values or OuterRefs) and returns querysets of
# that person's services starting on or after the day, each row with `starts_on`.
ServiceStarts = Callable[[Any, Any], list[QuerySet[Any]]]

_SERVICE_STARTS: list[ServiceStarts] = []


def add_service_starts(source: ServiceStarts) -> None:
    """Register where a later stage records services starting (from AppConfig.ready)."""
    _SERVICE_STARTS.append(source)


def services_starting(person: Any, since: Any) -> list[QuerySet[Any]]:
    """Every registered source's services for the person starting on or after the
    day, as querysets with `starts_on` (empty when no stage registered one)."""
    return [qs for source in _SERVICE_STARTS for qs in source(person, since)]

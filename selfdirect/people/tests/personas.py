"""The persona's person gets a request for access from team B's practitioner,
waiting for team A's manager, and an emergency (break-glass) opening by the same
practitioner that has ended, so team B still does not reach the record."""

import datetime
from typing import Any

from django.utils import timezone

from selfdirect.people.models import AccessRequest

from .factories import AccessRequestFactory

BUILDS_ON = ()


def add_records(personas: Any) -> None:
    AccessRequestFactory.create(
        person=personas.person, requested_by=personas.practitioner_b
    )
    ended = timezone.now() - datetime.timedelta(days=2)
    AccessRequestFactory.create(
        person=personas.person,
        requested_by=personas.practitioner_b,
        kind=AccessRequest.Kind.BREAK_GLASS,
        status=AccessRequest.Status.GRANTED,
        reason="She was found at home unwell and the ambulance crew asked about care.",
        decided_at=ended - datetime.timedelta(hours=4),
        access_until=ended,
    )

"""The persona's person was imported from an old system: their record keeps its
reference there."""

from typing import Any

from selfdirect.assurance.models import ExternalReference

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    ExternalReference.objects.create(
        person=personas.person,
        source="Old case system",
        record="people.Person",
        external_ref="OLD-1001",
        object_id=personas.person.pk,
    )

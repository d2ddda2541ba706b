"""The persona's person gets an indicative budget above a practitioner's limit."""

from typing import Any

from .factories import IndicativeBudgetFactory

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    IndicativeBudgetFactory.create(
        person=personas.person, recorded_by=personas.practitioner_a, level=2
    )

"""The persona's person gets an indicative budget above a practitioner's limit,
from a method the partnership has confirmed (so it can be sent as a letter)."""

from typing import Any

from .factories import IndicativeBudgetFactory, confirmed_ras_method

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    IndicativeBudgetFactory.create(
        person=personas.person,
        recorded_by=personas.practitioner_a,
        level=2,
        method=confirmed_ras_method(),
    )

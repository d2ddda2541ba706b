"""The persona's person gets a draft conversation record with one personal outcome."""

from typing import Any

from .factories import ConversationFactory, OutcomeFactory

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    conversation = ConversationFactory.create(
        person=personas.person, team=personas.team_a
    )
    OutcomeFactory.create(conversation=conversation)

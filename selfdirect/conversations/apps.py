from typing import Any

from django.apps import AppConfig


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import conversation_signals, conversations_for

    return {
        "conversations": conversations_for(person),
        "signals": conversation_signals(person),
        "can_start": request.user.can(Capability.CHANGE_PEOPLE),
    }


class ConversationsConfig(AppConfig):
    name = "selfdirect.conversations"
    label = "conversations"
    verbose_name = "Good conversations"

    def ready(self) -> None:
        from selfdirect.audit import subject_access
        from selfdirect.core.extensions import (
            PersonSection,
            add_person_section,
        )

        from . import models

        subject_access.register(models.Conversation, "person", title="Conversations")
        for model, title in [
            (models.PersonalOutcome, "Personal outcomes"),
            (models.Strength, "Strengths and assets"),
            (models.RiskEnablement, "Risk enablement"),
            (models.PersonCorrection, "The person's own corrections"),
        ]:
            subject_access.register(model, "conversation__person", title=title)
        add_person_section(
            PersonSection(10, "conversations/person_section.html", _person_section)
        )

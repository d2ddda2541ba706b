"""What good conversations add elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from selfdirect.core.hooks import Contribution, PersonSection, SubjectAccessSection
from selfdirect.people.hook_points import LATER_ASSESSMENT


def _person_section(request: Any, person: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import conversations_with_signals

    conversations, signals = conversations_with_signals(person)
    return {
        "conversations": conversations,
        "signals": signals,
        "can_start": request.user.can(Capability.CHANGE_PEOPLE),
    }


SUBJECT_ACCESS = (
    SubjectAccessSection("conversations.Conversation", ("person",), "Conversations"),
    *(
        SubjectAccessSection(model, ("conversation__person",), title)
        for model, title in [
            ("conversations.PersonalOutcome", "Personal outcomes"),
            ("conversations.Strength", "Strengths and assets"),
            ("conversations.RiskEnablement", "Risk enablement"),
            ("conversations.PersonCorrection", "The person's own corrections"),
        ]
    ),
)

PERSON_SECTIONS = (
    PersonSection(10, "conversations/person_section.html", _person_section),
)


def _later_assessment(person_id: int, day: Any) -> Any:
    from .selectors import formal_assessment_after

    return formal_assessment_after(person_id, day)


CONTRIBUTIONS = (Contribution(LATER_ASSESSMENT, _later_assessment),)

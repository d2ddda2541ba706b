"""What good conversations add elsewhere (collected by selfdirect.core.hooks)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.core.hooks import Contribution, PersonSection, SubjectAccessSection
from selfdirect.people.hook_points import (
    JOURNEY_STAGES,
    LATER_ASSESSMENT,
    JourneyStage,
    StageProgress,
)


def _person_reads(request: Any, person: Any) -> dict[str, Any]:
    from .selectors import conversations_read

    return {"conversations": conversations_read(person)}


def _person_section(request: Any, person: Any, reads: Any) -> dict[str, Any]:
    from selfdirect.accounts.roles import Capability

    from .selectors import conversations_with_signals

    conversations, signals = conversations_with_signals(person, reads["conversations"])
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
    PersonSection(
        10, "conversations/person_section.html", _person_section, _person_reads
    ),
)


def _later_assessment(person_id: int, day: Any) -> Any:
    from .selectors import formal_assessment_after

    return formal_assessment_after(person_id, day)


def _stage_annotations() -> dict[str, Any]:
    from django.db.models import Exists, OuterRef, Subquery

    from selfdirect.people.models import FirstContact

    from .models import Conversation

    mine = Conversation.objects.filter(person=OuterRef("pk"))
    return {
        "stage_first_contact": Exists(
            FirstContact.objects.filter(person=OuterRef("pk"))
        ),
        "stage_conversation": Subquery(mine.values("public_id")[:1]),
        "stage_conversation_agreed": Exists(
            mine.filter(state="agreed", outcomes__isnull=False)
        ),
    }


def _stage_progress(row: Any, user: Any) -> StageProgress:
    from django.urls import reverse

    from selfdirect.accounts.roles import Capability

    from .rules import conversation_stage

    status, summary = conversation_stage(
        first_contact=row.stage_first_contact,
        conversation=row.stage_conversation is not None,
        agreed_with_outcomes=row.stage_conversation_agreed,
    )
    if status == "done" or not user.can(Capability.CHANGE_PEOPLE):
        return StageProgress(status, summary)
    if row.stage_conversation is None:
        url = reverse("conversations:start", args=[row.public_id])
        return StageProgress(status, summary, str(_("Record a good conversation")), url)
    url = reverse("conversations:detail", args=[row.public_id, row.stage_conversation])
    return StageProgress(status, summary, str(_("Finish the conversation record")), url)


CONTRIBUTIONS = (
    Contribution(LATER_ASSESSMENT, _later_assessment),
    Contribution(
        JOURNEY_STAGES,
        JourneyStage(
            10,
            _("First contact and a good conversation"),
            _stage_annotations,
            _stage_progress,
        ),
    ),
)

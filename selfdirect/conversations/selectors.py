"""Reads of conversation records, and the signals file reading and indicators use."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    QuerySet,
    Subquery,
)

from selfdirect.people.models import Person

from .models import Conversation, PersonalOutcome, RiskEnablement, Strength


@dataclass(frozen=True)
class ConversationSignals:
    """What a person's conversation records show, for caseloads and file reading."""

    has_conversation: bool
    agreed: bool
    outcomes_in_own_words: bool
    strengths_recorded: bool
    risks_enabled: bool


def with_conversation_signals(people: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate people with the five conversation signals, computed in the database."""
    mine = {"conversation__person": OuterRef("pk")}
    return people.annotate(
        has_conversation=Exists(Conversation.objects.filter(person=OuterRef("pk"))),
        conversation_agreed=Exists(
            Conversation.objects.filter(person=OuterRef("pk"), state="agreed")
        ),
        outcomes_in_own_words=Exists(
            PersonalOutcome.objects.filter(**mine, wording_kind="outcome")
        ),
        strengths_recorded=Exists(Strength.objects.filter(**mine)),
        risks_enabled=Exists(RiskEnablement.objects.filter(**mine)),
    )


def conversation_signals(person: Person) -> ConversationSignals:
    """The five signals for one person."""
    row = with_conversation_signals(Person.objects.filter(pk=person.pk)).get()
    return ConversationSignals(
        has_conversation=row.has_conversation,  # type: ignore[attr-defined]
        agreed=row.conversation_agreed,  # type: ignore[attr-defined]
        outcomes_in_own_words=row.outcomes_in_own_words,  # type: ignore[attr-defined]
        strengths_recorded=row.strengths_recorded,  # type: ignore[attr-defined]
        risks_enabled=row.risks_enabled,  # type: ignore[attr-defined]
    )


def conversations_for(person: Person) -> list[Conversation]:
    """A person's conversation records, newest first, with outcome counts."""
    return list(
        person.conversations.select_related("recorded_by").prefetch_related("outcomes")
    )


def conversations_read(person: Person) -> QuerySet[Conversation]:
    """A person's conversation records, newest first, each with `outcome_count` and
    what the signals need, not yet evaluated (the person page batches it)."""
    mine = {"conversation": OuterRef("pk")}
    return person.conversations.select_related("recorded_by").annotate(
        outcome_count=Subquery(
            PersonalOutcome.objects.filter(**mine)
            .order_by()
            .values("conversation")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        own_words=Exists(
            PersonalOutcome.objects.filter(**mine, wording_kind="outcome")
        ),
        has_strength=Exists(Strength.objects.filter(**mine)),
        has_risk=Exists(RiskEnablement.objects.filter(**mine)),
    )


def conversations_with_signals(
    person: Person, read: QuerySet[Conversation] | None = None
) -> tuple[list[Conversation], ConversationSignals]:
    """A person's conversation records, newest first, each with `outcome_count`,
    and the five signals worked out from them: one query, for the person page."""
    conversations: list[Conversation] = list(
        read if read is not None else conversations_read(person)
    )
    signals = ConversationSignals(
        has_conversation=bool(conversations),
        agreed=any(c.state == "agreed" for c in conversations),
        outcomes_in_own_words=any(c.own_words for c in conversations),  # type: ignore[attr-defined]
        strengths_recorded=any(c.has_strength for c in conversations),  # type: ignore[attr-defined]
        risks_enabled=any(c.has_risk for c in conversations),  # type: ignore[attr-defined]
    )
    return conversations, signals


def conversation_detail(conversation: Conversation) -> dict[str, object]:
    """Everything the conversation page shows, in a fixed number of queries."""
    outcomes = list(conversation.outcomes.prefetch_related("domains", "strengths"))
    return {
        "conversation": conversation,
        "person": conversation.person,
        "outcomes": outcomes,
        "strengths": list(conversation.strengths.prefetch_related("helps_with")),
        "risks": list(conversation.risks.all()),
        "corrections": list(conversation.corrections.select_related("recorded_by")),
        "has_unpaid_carer": conversation.person.relationships.filter(
            kind="unpaid_carer"
        ).exists(),
    }


def assessments_within(*, person: Any, after: Any, days: int) -> QuerySet[Conversation]:
    """Formal assessments (conversation records) of `person` in the `days` after the
    date `after`; both may be expressions, such as OuterRef in a report's subquery."""
    return Conversation.objects.filter(
        person=person,
        conversation_date__gt=after,
        conversation_date__lte=ExpressionWrapper(
            after + datetime.timedelta(days=days), output_field=DateField()
        ),
    )


def formal_assessment_after(person_id: int, day: datetime.date) -> datetime.date | None:
    """The date of the person's first formal assessment (a conversation record)
    after `day` (a first contact's date), or None: the rule the signposting report
    counts."""
    return (  # type: ignore[no-any-return]
        Conversation.objects.filter(person_id=person_id, conversation_date__gt=day)
        .order_by("conversation_date")
        .values_list("conversation_date", flat=True)
        .first()
    )

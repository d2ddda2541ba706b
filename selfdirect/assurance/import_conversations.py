"""Importing a case file's conversations through the conversations services: a new
one is started, given its outcomes, strengths and risks, then shared and agreed as
the file says; a draft or shared one imported before is updated; an agreed one is
not changed (the product changes agreed records only by a new conversation)."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.conversations import services
from selfdirect.conversations.models import (
    Conversation,
    EligibilityLevel,
    PersonalOutcome,
    RiskEnablement,
    Strength,
)
from selfdirect.people.models import Person

Record = dict[str, Any]


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _details(importer: Any, record: Record) -> services.ConversationDetails:
    level = None
    if record.get("eligibility"):
        level = EligibilityLevel.objects.filter(
            code=record["eligibility"], active=True
        ).first()
        if level is None:
            raise ValidationError(
                {"eligibility": f"unknown eligibility level {record['eligibility']!r}"}
            )
    return services.ConversationDetails(
        first_contact=importer.known.get(record.get("first_contact_ref") or ""),
        conversation_date=_day(record["conversation_date"]),  # type: ignore[arg-type]
        place=record.get("place", ""),
        participants=record.get("participants", []),
        participant_names=record.get("participant_names", ""),
        persons_account=record.get("persons_account", ""),
        good_day=record.get("good_day", ""),
        who_helps_now=record.get("who_helps_now", ""),
        carer_views=record.get("carer_views", ""),
        carer_offered_support_plan=record.get("carer_offered_support_plan"),
        eligibility_level=level,
        eligibility_reason=record.get("eligibility_reason", ""),
    )


def import_conversation(importer: Any, person: Person, record: Record) -> None:
    by = importer.by
    conversation = importer._match(Conversation, record)
    details = _details(importer, record)
    if conversation is None:
        conversation = services.start_conversation(
            person=person, by=by, team=importer.team, details=details
        )
        importer._remember(person, conversation, record, new=True)
    else:
        importer._remember(person, conversation, record, new=False)
        if conversation.state == Conversation.State.AGREED:
            return
        services.update_conversation(
            conversation=conversation,
            by=by,
            version=conversation.version,
            details=details,
        )
    _parts(importer, person, conversation, record)
    _move(importer, conversation, record)


def _parts(
    importer: Any, person: Person, conversation: Conversation, record: Record
) -> None:
    by = importer.by
    for outcome in record.get("outcomes", []):
        found = importer._match(PersonalOutcome, outcome)
        row = services.record_outcome(
            conversation=conversation,
            by=by,
            details=services.PersonalOutcomeDetails(
                words=outcome["words"],
                priority=outcome.get("priority", PersonalOutcome.Priority.MEDIUM),
                whats_working=outcome.get("whats_working", ""),
                whats_not_working=outcome.get("whats_not_working", ""),
            ),
            domains=[],
            outcome=found,
            version=found.version if found else None,
        )
        importer._remember(person, row, outcome, new=found is None)
    for strength in record.get("strengths", []):
        found = importer._match(Strength, strength)
        if found is None:
            found = services.record_strength(
                conversation=conversation,
                by=by,
                kind=strength["kind"],
                description=strength["description"],
                helps_with=[
                    importer.known[ref]
                    for ref in strength.get("helps_with", [])
                    if ref in importer.known
                ],
            )
            importer._remember(person, found, strength, new=True)
    for index, risk in enumerate(record.get("risks", [])):
        if importer._match(RiskEnablement, risk) is not None:
            continue
        if not risk.get("review_on"):
            raise ValidationError(
                {f"risks/{index}/review_on": "a risk agreement needs a review date"}
            )
        enablement = services.record_risk_enablement(
            conversation=conversation,
            by=by,
            risk=risk["risk"],
            gain=risk.get("gain", ""),
            persons_view=risk.get("persons_view", ""),
            agreed_actions=risk.get("agreed_actions", ""),
            agreed_by=risk.get("agreed_by", ""),
            review_on=_day(risk["review_on"]),  # type: ignore[arg-type]
        )
        importer._remember(person, enablement, risk, new=True)


def _move(importer: Any, conversation: Conversation, record: Record) -> None:
    state = record.get("state", "draft")
    if state in {"shared", "agreed"} and conversation.state == "draft":
        services.share_conversation(
            conversation=conversation,
            by=importer.by,
            shared_on=_day(record.get("shared_on") or record.get("agreed_on"))
            or conversation.conversation_date,
        )
    if state == "agreed":
        services.agree_conversation(
            conversation=conversation,
            by=importer.by,
            agreed_on=_day(record.get("agreed_on")) or conversation.conversation_date,
            agreed_by=record.get("agreed_by", ""),
            agreed_how=record.get("agreed_how", ""),
            as_recorded=importer.as_recorded,
        )

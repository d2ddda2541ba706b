"""Practitioner actions on conversation records: each one transaction, with history."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import Team, User
from selfdirect.core.concurrency import save_new, save_versioned, update_versioned
from selfdirect.core.details import field_values
from selfdirect.people.models import FirstContact, Person

from . import rules
from .models import (
    Conversation,
    EligibilityLevel,
    OutcomeDomain,
    PersonalOutcome,
    PersonCorrection,
    RiskEnablement,
    Strength,
)
from .wording import classify_outcome


@dataclass(frozen=True)
class ConversationDetails:
    """What a good conversation recorded: when and where, who took part, the
    person's own account, the carer's views and eligibility."""

    first_contact: FirstContact | None
    conversation_date: datetime.date
    place: str
    participants: list[str]
    participant_names: str = ""
    participation_support: list[str] = field(default_factory=list)
    participation_notes: str = ""
    persons_account: str = ""
    good_day: str = ""
    who_helps_now: str = ""
    carer_views: str = ""
    carer_offered_support_plan: bool | None = None
    eligibility_level: EligibilityLevel | None = None
    eligibility_reason: str = ""


@dataclass(frozen=True)
class PersonalOutcomeDetails:
    """A personal outcome in the person's words, what is and is not working, and
    how much it matters to them."""

    words: str
    priority: int
    whats_working: str = ""
    whats_not_working: str = ""


def _editable(conversation: Conversation) -> None:
    if conversation.state == Conversation.State.AGREED:
        raise ValidationError(
            _(
                "This conversation has been agreed, so it cannot be changed. Add the "
                "person's own corrections, or record a new conversation."
            )
        )


@transaction.atomic
def start_conversation(
    *,
    person: Person,
    by: User,
    team: Team,
    details: ConversationDetails,
    outcomes: Sequence[str] = (),
) -> Conversation:
    """Start a conversation record for a person, as a draft, with any personal
    outcomes written in at the start (each checked for its wording, as when added
    on its own)."""
    conversation: Conversation = save_new(
        Conversation(person=person, team=team, recorded_by=by, **field_values(details)),
        by,
    )
    for words in outcomes:
        record_outcome(
            conversation=conversation,
            by=by,
            details=PersonalOutcomeDetails(
                words=words, priority=PersonalOutcome.Priority.MEDIUM
            ),
            domains=[],
        )
    return conversation


@transaction.atomic
def update_conversation(
    *, conversation: Conversation, by: User, version: int, details: ConversationDetails
) -> Conversation:
    """Change a draft or shared conversation, refusing if someone saved since."""
    _editable(conversation)
    update_versioned(
        conversation, by=by, version=version, details=field_values(details)
    )
    return conversation


@transaction.atomic
def record_outcome(
    *,
    conversation: Conversation,
    by: User,
    details: PersonalOutcomeDetails,
    domains: list[OutcomeDomain],
    outcome: PersonalOutcome | None = None,
    version: int | None = None,
) -> PersonalOutcome:
    """Add a personal outcome (or change one, with a version check); the wording
    check is stored with it but never stops it being saved."""
    _editable(conversation)
    values = {
        **field_values(details),
        "wording_kind": classify_outcome(details.words).kind,
    }
    if outcome is None:
        outcome = save_new(PersonalOutcome(conversation=conversation, **values), by)
    else:
        update_versioned(outcome, by=by, version=version or 0, details=values)
    assert outcome is not None  # noqa: S101 - for the type checker
    outcome.domains.set(domains)
    return outcome


@transaction.atomic
def record_strength(
    *,
    conversation: Conversation,
    by: User,
    kind: str,
    description: str,
    helps_with: list[PersonalOutcome],
) -> Strength:
    """Record a strength or asset, linked to the outcomes it helps with."""
    _editable(conversation)
    if any(o.conversation_id != conversation.pk for o in helps_with):
        raise ValidationError(
            {"helps_with": _("Choose outcomes from this conversation.")}
        )
    strength: Strength = save_new(
        Strength(conversation=conversation, kind=kind, description=description), by
    )
    strength.helps_with.set(helps_with)
    return strength


@transaction.atomic
def record_risk_enablement(
    *,
    conversation: Conversation,
    by: User,
    risk: str,
    gain: str,
    persons_view: str,
    agreed_actions: str,
    agreed_by: str,
    review_on: datetime.date,
) -> RiskEnablement:
    """Record a risk the person chooses to take, with what was agreed."""
    _editable(conversation)
    enablement: RiskEnablement = save_new(
        RiskEnablement(
            conversation=conversation,
            risk=risk,
            gain=gain,
            persons_view=persons_view,
            agreed_actions=agreed_actions,
            agreed_by=agreed_by,
            review_on=review_on,
        ),
        by,
    )
    return enablement


def _move(conversation: Conversation, to: str, by: User, fields: list[str]) -> None:
    if not rules.can_move(conversation.state, to):
        raise ValidationError(
            f"A conversation that is {conversation.get_state_display().lower()} "
            f"cannot be moved to {Conversation.State(to).label.lower()}."
        )
    conversation.state = to
    conversation._history_user = by  # type: ignore[attr-defined]
    save_versioned(
        conversation, expected_version=conversation.version, fields=["state", *fields]
    )


@transaction.atomic
def share_conversation(
    *, conversation: Conversation, by: User, shared_on: datetime.date
) -> Conversation:
    """Share a draft conversation record with the person."""
    conversation.shared_on = shared_on
    _move(conversation, Conversation.State.SHARED, by, ["shared_on"])
    return conversation


@transaction.atomic
def agree_conversation(
    *,
    conversation: Conversation,
    by: User,
    agreed_on: datetime.date,
    agreed_by: str,
    agreed_how: str,
    as_recorded: bool = False,
) -> Conversation:
    """Record that the person (or their representative) agreed the record.
    `as_recorded` (an old system's record imported as it was recorded): kept
    without a personal outcome."""
    if not as_recorded and not rules.can_be_agreed(
        outcome_count=conversation.outcomes.count()
    ):
        raise ValidationError(
            _("Record at least one personal outcome before the conversation is agreed.")
        )
    conversation.agreed_on = agreed_on
    conversation.agreed_by = agreed_by
    conversation.agreed_how = agreed_how
    _move(
        conversation,
        Conversation.State.AGREED,
        by,
        ["agreed_on", "agreed_by", "agreed_how"],
    )
    return conversation


@transaction.atomic
def add_correction(
    *,
    conversation: Conversation,
    by: User,
    about: str,
    words: str,
    added_on: datetime.date,
) -> PersonCorrection:
    """Keep the person's own words about their record, beside the practitioner's."""
    if conversation.state == Conversation.State.DRAFT:
        raise ValidationError(
            _("Share the conversation with the person before adding their corrections.")
        )
    correction: PersonCorrection = save_new(
        PersonCorrection(
            conversation=conversation,
            about=about,
            words=words,
            added_on=added_on,
            recorded_by=by,
        ),
        by,
    )
    return correction

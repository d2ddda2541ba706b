"""Thin wrappers over the one chokepoint (`people.access.access_organisation_record`):
an organisation's staff reach its own records; every council role gets 403, another
organisation's staff 404, exactly as for a missing record."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, cast

from selfdirect.accounts.roles import Action
from selfdirect.choices.models import IndependentSupport
from selfdirect.people.access import access_organisation_record

from .models import (
    Client,
    ClientOutcome,
    Consent,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    Referral,
    Session,
    Team,
    VoiceEntry,
)
from .selectors import incoming_referrals

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

Id = uuid.UUID | str


def access_client(
    user: User, client_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> Client:
    """One of the organisation's clients."""
    return access_organisation_record(
        user, Client.objects.all(), client_id, action=action, page=page
    )


def access_consent(
    user: User, consent_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> Consent:
    """A consent one of the organisation's clients gave."""
    records = Consent.objects.select_related("client")
    return access_organisation_record(
        user, records, consent_id, action=action, page=page
    )


def access_incoming(
    user: User, support_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> IndependentSupport:
    """A council referral waiting in the organisation's inbox: only while a client
    of the organisation has consented to share for that person."""
    found: IndependentSupport = access_organisation_record(
        user, incoming_referrals(user), support_id, action=action, page=page
    )
    return found


def access_referral(
    user: User, referral_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> Referral:
    """A referral the organisation answered."""
    records = Referral.objects.select_related("client", "support", "outcome")
    return access_organisation_record(
        user, records, referral_id, action=action, page=page
    )


def access_influence(
    user: User, entry_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> InfluenceEntry:
    """One of the organisation's influence entries."""
    return access_organisation_record(
        user, InfluenceEntry.objects.all(), entry_id, action=action, page=page
    )


def access_evidence(
    user: User, evidence_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> InfluenceEvidence:
    """A piece of evidence the organisation uploaded."""
    return access_organisation_record(
        user, InfluenceEvidence.objects.all(), evidence_id, action=action, page=page
    )


def access_session(
    user: User, session_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> Session:
    """A session with one of the clients the user reaches."""
    records = Session.objects.select_related("client")
    found = access_organisation_record(
        user, records, session_id, action=action, page=page
    )
    return cast("Session", found)


def access_outcome(
    user: User, outcome_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> ClientOutcome:
    """An outcome of one of the clients the user reaches."""
    records = ClientOutcome.objects.select_related("client")
    found = access_organisation_record(
        user, records, outcome_id, action=action, page=page
    )
    return cast("ClientOutcome", found)


def access_group(
    user: User, group_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> GroupSession:
    """The organisation's group work."""
    return access_organisation_record(
        user, GroupSession.objects.all(), group_id, action=action, page=page
    )


def access_engagement(
    user: User, entry_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> EngagementEntry:
    """One of the organisation's strategic engagement entries."""
    return access_organisation_record(
        user, EngagementEntry.objects.all(), entry_id, action=action, page=page
    )


def access_voice(
    user: User, entry_id: Id, *, action: Action = Action.VIEW, page: str = ""
) -> VoiceEntry:
    """One of the organisation's client voice entries."""
    return access_organisation_record(
        user, VoiceEntry.objects.all(), entry_id, action=action, page=page
    )


def access_team(
    user: User, team_id: Id, *, action: Action = Action.DECIDE, page: str = ""
) -> Team:
    """One of the organisation's teams (its manager's to change)."""
    return access_organisation_record(
        user, Team.objects.all(), team_id, action=action, page=page
    )

"""Reads for the organisation's pages, always scoped to the user's own organisation
(`visible_to`), and counted in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from selfdirect.accounts.roles import Capability, Purpose
from selfdirect.choices.models import IndependentSupport

from .models import (
    Client,
    Consent,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    Referral,
    Team,
    VoiceEntry,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

INDEPENDENT = Purpose.INDEPENDENT


def _consents_for_person(user: User) -> QuerySet[Consent]:
    return (
        Consent.objects.visible_to(user, INDEPENDENT)
        .active()
        .filter(person=OuterRef("person"))
    )


def incoming_referrals(user: User) -> QuerySet[IndependentSupport]:
    """Council referrals to the user's organisation not yet answered, for people a
    client of the organisation consented to share for: nothing else arrives."""
    consents = _consents_for_person(user)
    return (
        IndependentSupport.objects.visible_to(user, INDEPENDENT)
        .filter(status=IndependentSupport.Status.REFERRED)
        .filter(organisation_referral__isnull=True)
        .filter(Exists(consents))
        .annotate(
            client_public_id=Subquery(consents.values("client__public_id")[:1]),
            client_name=Subquery(consents.values("client__name")[:1]),
        )
        .order_by("referred_on", "pk")
    )


def client_of_referral(user: User, support: IndependentSupport) -> Client | None:
    """The organisation's client who consented for this referral's person."""
    consent = (
        Consent.objects.visible_to(user, INDEPENDENT)
        .active()
        .filter(person_id=support.person_id)
        .select_related("client")
        .first()
    )
    return consent.client if consent else None


def clients(user: User, *, words: str = "") -> QuerySet[Client]:
    """The organisation's clients, optionally by name."""
    found = Client.objects.visible_to(user, INDEPENDENT)
    if words:
        found = found.filter(name__icontains=words)
    return found.select_related("locality")


def referrals(user: User) -> QuerySet[Referral]:
    """Referrals the organisation answered, open ones first."""
    return (
        Referral.objects.visible_to(user, INDEPENDENT)
        .select_related("client", "outcome")
        .order_by("closed_on", "-received_on")
    )


def group_sessions(user: User) -> QuerySet[GroupSession]:
    return GroupSession.objects.visible_to(user, INDEPENDENT)


def engagement(user: User) -> QuerySet[EngagementEntry]:
    return EngagementEntry.objects.visible_to(user, INDEPENDENT)


def influence(user: User) -> QuerySet[InfluenceEntry]:
    return InfluenceEntry.objects.visible_to(user, INDEPENDENT)


def voice(user: User) -> QuerySet[VoiceEntry]:
    return VoiceEntry.objects.visible_to(user, INDEPENDENT)


def teams(user: User) -> QuerySet[Team]:
    """The organisation's teams (for its manager), with how many are in each."""
    return Team.objects.visible_to(user, INDEPENDENT).prefetch_related("members__user")


def teams_to_choose(user: User) -> QuerySet[Team]:
    """The teams a client can be given to: any of the organisation's for its
    manager, the worker's own for a worker."""
    found = Team.objects.visible_to(user, INDEPENDENT)
    if not user.can(Capability.MANAGE_ORGANISATION):
        found = found.filter(members__user=user)
    return found.order_by("name")

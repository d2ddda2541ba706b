"""The persona's person is referred to the first organisation (Clydeview Advocacy)
twice: the first referral is answered (accepted), the second waits in the inbox.
Morag is the organisation's client, with consent to share; the organisation also
has an anonymous client, a session, an outcome and a year's other work."""

import datetime
from typing import Any

from django.core.files.base import ContentFile

from selfdirect.choices.models import IndependentSupport
from selfdirect.independent.models import (
    Client,
    ClientOutcome,
    Consent,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    OutcomeType,
    Referral,
    Session,
    Team,
    TeamMember,
    VoiceEntry,
)

BUILDS_ON = ("choices",)


def add_records(personas: Any) -> None:
    person = personas.person
    worker = personas.org_worker_a
    org = worker.organization
    support = person.independent_support.get()
    IndependentSupport.objects.filter(pk=support.pk).update(
        provider=org,
        referred_on=datetime.date(2026, 10, 6),
        status=IndependentSupport.Status.ACCEPTED,
    )
    support.refresh_from_db()
    made = {"recorded_by": worker}
    client = Client.objects.create(
        organization=org,
        name="Morag MacLeod",
        age_band=Client.AgeBand.FROM_65,
        heard_via=Client.HeardVia.COUNCIL,
        first_contact_on=datetime.date(2026, 10, 8),
        **made,
    )
    Client.objects.create(
        organization=org,
        age_band=Client.AgeBand.FROM_45,
        heard_via=Client.HeardVia.EVENT,
        first_contact_on=datetime.date(2026, 9, 1),
        **made,
    )
    Consent.objects.create(
        client=client,
        person=person,
        scope=Consent.Scope.REFERRALS_AND_OUTCOMES,
        given_on=datetime.date(2026, 10, 8),
        how_given=Consent.HowGiven.WRITTEN,
        **made,
    )
    Referral.objects.create(
        organization=org,
        client=client,
        support=support,
        status=Referral.Status.ACCEPTED,
        received_on=datetime.date(2026, 10, 6),
        answered_on=datetime.date(2026, 10, 9),
        **made,
    )
    IndependentSupport.objects.create(
        person=person,
        kind=IndependentSupport.Kind.BROKERAGE,
        offered_on=datetime.date(2026, 11, 2),
        response=IndependentSupport.Response.ACCEPTED,
        organisation=org.name,
        provider=org,
        referred_on=datetime.date(2026, 11, 2),
        status=IndependentSupport.Status.REFERRED,
        recorded_by=support.recorded_by,
    )
    Session.objects.create(
        client=client,
        kind=Session.Kind.ADVOCACY,
        held_on=datetime.date(2026, 10, 15),
        minutes=90,
        notes="Went with Morag to her assessment.",
        **made,
    )
    ClientOutcome.objects.create(
        client=client,
        outcome=OutcomeType.objects.get(code="understood_options"),
        achieved_on=datetime.date(2026, 10, 15),
        story="Knew her four options after one visit.",
        story_consent=True,
        **made,
    )
    team = Team.objects.create(organization=org, name="Advocacy", **made)
    TeamMember.objects.create(team=team, user=worker, **made)
    _work(org, made)


def _work(org: Any, made: dict[str, Any]) -> None:
    GroupSession.objects.create(
        organization=org,
        kind=GroupSession.Kind.PEER_GROUP,
        title="PA employers' peer group",
        held_on=datetime.date(2026, 10, 20),
        attendance=7,
        minutes=120,
        **made,
    )
    EngagementEntry.objects.create(
        organization=org,
        meeting="SDS implementation group",
        kind=EngagementEntry.Kind.WORKING_GROUP,
        held_on=datetime.date(2026, 10, 1),
        invitation=EngagementEntry.Invitation.NOT_INVITED,
        attended=False,
        not_attended_reason=EngagementEntry.Reason.NOT_INVITED,
        **made,
    )
    entry = InfluenceEntry.objects.create(
        organization=org,
        change_sought="Redevelop the assessment form",
        level=InfluenceEntry.Level.LOCAL,
        action_taken="Gathered clients' views and met the service manager.",
        started_on=datetime.date(2026, 6, 1),
        result=InfluenceEntry.Result.PARTLY,
        **made,
    )
    evidence = InfluenceEvidence(
        entry=entry,
        title="Clients' comments",
        filename="comments.txt",
        content_type="text/plain",
        size=9,
        **made,
    )
    evidence.file.save("comments.txt", ContentFile(b"comments\n"), save=False)
    evidence.save()
    VoiceEntry.objects.create(
        organization=org,
        kind=VoiceEntry.Kind.ELECTED_MEMBERS,
        held_on=datetime.date(2026, 9, 12),
        people=5,
        story="Five carers told councillors about waiting for a review.",
        story_consent=True,
        **made,
    )

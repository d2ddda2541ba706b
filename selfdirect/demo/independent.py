"""Demo independent support organisations (issue 17, seed 000), made through the
same services as real records.

Three organisations: an SDS information and advice centre, an independent advocacy
service and a carers' centre, each with a worker and a manager. The demo's
referrals for independent support to them arrive with the person's consent (one in
five people never consents, so theirs never arrive); the rest are answered in every
state: waiting, declined, accepted, supporting, closed with an outcome, and one
whose consent was withdrawn. Each organisation also has anonymous clients, a year
of sessions, group work, a strategic engagement log showing good practice and the
seed's problems (not invited; no capacity to attend), influence and client voice.
"""

import contextlib
import datetime
import itertools
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db.models import Q

from selfdirect.accounts.models import Locality, User
from selfdirect.accounts.roles import Role
from selfdirect.audit.models import OrganisationAccessLog
from selfdirect.choices.models import IndependentSupport
from selfdirect.demo.directory import _id
from selfdirect.demo.independent_words import (
    ENGAGEMENT,
    GROUPS,
    INFLUENCE,
    NOTES,
    ORGANISATIONS,
    OUTCOME_STORIES,
    VOICE,
)
from selfdirect.demo.people import data
from selfdirect.directory.models import Organization
from selfdirect.independent import (
    case_studies,
    edit_services,
    services,
    team_services,
    work_services,
)
from selfdirect.independent.models import (
    CaseStudy,
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

# Referrals linked per organisation at most, so a large demo stays quick to seed.
MOST_LINKED = 40
ANONYMOUS_CLIENTS = 8
NEVER_CONSENTS = 0.2
DAY = datetime.timedelta(days=1)


def seed_independent(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Give each demo organisation its staff, clients, referrals and work."""
    rng = random.Random(f"independent-{seed}")
    with _seeded_public_ids(rng):
        return _seed(rng, today)


@contextlib.contextmanager
def _seeded_public_ids(rng: random.Random) -> Iterator[None]:
    """New records made through the services get public ids from the seed, so the
    same seed makes the same data (demo/tests/test_same_data.py)."""
    fields = [
        model._meta.get_field("public_id") for model in (*_RECORDS, IndependentSupport)
    ]

    def seeded() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    # Field._get_default is a cached property: replace what it cached.
    cached = [field.__dict__.get("_get_default") for field in fields]
    for field in fields:
        field.__dict__["_get_default"] = seeded
    try:
        yield
    finally:
        for field, before in zip(fields, cached, strict=True):
            field.__dict__.pop("_get_default", None)
            if before is not None:
                field.__dict__["_get_default"] = before


def _seed(rng: random.Random, today: datetime.date) -> Counter[str]:
    now = datetime.datetime.combine(today, datetime.time(12), tzinfo=datetime.UTC)
    rows: Counter[str] = Counter()
    password = make_password(data.DEMO_PASSWORD)
    localities = list(Locality.objects.order_by("pk"))
    outcomes = list(OutcomeType.objects.filter(active=True).order_by("order"))
    states = itertools.count()  # across organisations, so every state shows
    for spec in ORGANISATIONS:
        org = _organisation(spec)
        worker, manager = _staff(spec, org, password)
        made = _Maker(rng, today, now, worker, localities, outcomes)
        rows.update(made.referrals(org, spec, states))
        rows.update(made.anonymous_clients(spec))
        rows.update(_work(rng, today, worker, spec))
        rows.update(_teams(spec, org, manager, password))
        rows.update(_case_studies(today, manager))
        rows["organisation staff"] += 2 + len(spec.get("more_workers", []))
    return rows


def _teams(
    spec: dict[str, Any], org: Organization, manager: User, password: str
) -> Counter[str]:
    """The organisation's teams (if it has any): named clients are shared between
    them in turn; anonymous clients belong to no team, so every worker sees them."""
    if not spec.get("teams"):
        return Counter()
    for username, first, last in spec.get("more_workers", []):
        _user(Role.INDEPENDENT_SUPPORT_WORKER, (username, first, last), org, password)
    teams = []
    for name, usernames in spec["teams"]:
        members = tuple(User.objects.filter(username__in=usernames).order_by("pk"))
        details = team_services.TeamDetails(name=name, members=members)
        teams.append(team_services.add_team(by=manager, details=details))
    named = Client.objects.filter(organization=org).exclude(name="").order_by("pk")
    for index, client in enumerate(named):
        change = edit_services.RecordChanges(
            client.version, {"team": teams[index % len(teams)]}
        )
        edit_services.change_client(client=client, by=manager, changes=change)
    return Counter({"teams": len(teams)})


def _case_studies(today: datetime.date, manager: User) -> Counter[str]:
    """The manager chooses the year's client voice stories and the first outcome
    story as case studies for the funder's report."""
    start = today - 365 * DAY
    voice: list[Any] = list(case_studies.voice_stories(manager, start, today))
    outcomes: list[Any] = list(case_studies.outcome_stories(manager, start, today))
    picked = voice + outcomes[:1]
    case_studies.choose(by=manager, offered=voice + outcomes, picked=picked)
    return Counter({"case studies": len(picked)})


def _organisation(spec: dict[str, Any]) -> Organization:
    # The directory may list it already (under the id the directory demo gives it).
    org, _ = Organization.objects.get_or_create(
        id=_id("org", spec["name"]),
        defaults={
            "name": spec["name"],
            "description": spec["description"],
            "independent_support_provider": True,
        },
    )
    if not org.independent_support_provider:
        Organization.objects.filter(pk=org.pk).update(independent_support_provider=True)
        org.independent_support_provider = True
    return org


def _staff(spec: dict[str, Any], org: Organization, password: str) -> tuple[User, User]:
    worker = _user(Role.INDEPENDENT_SUPPORT_WORKER, spec["worker"], org, password)
    manager = _user(Role.INDEPENDENT_MANAGER, spec["manager"], org, password)
    return worker, manager


def _user(
    role: Role, names: tuple[str, str, str], org: Organization, password: str
) -> User:
    username, first, last = names
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={
            "role": role,
            "first_name": first,
            "last_name": last,
            "job_title": str(role.label),
            "email": f"{username}@{data.DEMO_EMAIL_DOMAIN}",
            "password": password,
        },
    )
    User.objects.filter(pk=user.pk).update(organization=org)
    user.organization = org
    return user


class _Maker:
    def __init__(
        self,
        rng: random.Random,
        today: datetime.date,
        now: datetime.datetime,
        worker: User,
        localities: list[Locality],
        outcomes: list[OutcomeType],
    ) -> None:
        self.rng, self.today, self.now, self.worker = rng, today, now, worker
        self.localities, self.outcomes = localities, outcomes

    def _client(self, name: str, first: datetime.date, heard: str) -> Client:
        client = Client(
            name=name,
            age_band=self.rng.choice(Client.AgeBand.values[1:6]),
            locality=self.rng.choice(self.localities) if self.localities else None,
            heard_via=heard,
            first_contact_on=first,
        )
        return services.add_client(by=self.worker, client=client)

    def referrals(
        self, org: Organization, spec: dict[str, Any], states: Any
    ) -> Counter[str]:
        rows: Counter[str] = Counter()
        supports = (
            IndependentSupport.objects.filter(
                organisation=spec["referred_as"], referred_on__isnull=False
            )
            .select_related("person")
            .order_by("pk")[:MOST_LINKED]
        )
        for support in supports:
            IndependentSupport.objects.filter(pk=support.pk).update(
                provider=org, status=IndependentSupport.Status.REFERRED
            )
            support.refresh_from_db()
            if self.rng.random() < NEVER_CONSENTS:
                rows["referrals never consented"] += 1
                continue
            rows.update(self._linked(support, state=next(states) % 6))
        return rows

    def _linked(self, support: IndependentSupport, *, state: int) -> Counter[str]:
        person = support.person
        referred = support.referred_on or support.offered_on
        first = min(referred + self.rng.randint(1, 10) * DAY, self.today)
        client = self._client(person.full_name, first, Client.HeardVia.COUNCIL)
        consent = services.record_consent(
            client=client,
            by=self.worker,
            details=services.ConsentDetails(
                referral_reference=support.public_id,
                date_of_birth=person.date_of_birth,
                scope=Consent.Scope.REFERRALS_AND_OUTCOMES,
                given_on=first,
                how_given=self.rng.choice(Consent.HowGiven.values),
            ),
        )
        rows = Counter({"clients": 1, "consents": 1})
        if state == 0:  # waiting in the inbox
            return rows + Counter({"referrals waiting": 1})
        answer = services.ReferralAnswer(accept=state != 1, progress=NOTES[state])
        referral = services.answer_referral(
            support=support, client=client, by=self.worker, answer=answer, on=first
        )
        rows["referrals answered"] += 1
        if state >= 3:
            rows.update(self._sessions(client, first))
            self._progress(referral, "supporting", None)
        if state == 4:
            outcome = self.rng.choice(self.outcomes[:6])
            self._progress(referral, "closed", outcome)
            # Every other client agreed to their story being told.
            told = self.rng.random() < 0.5
            story = self.rng.choice(OUTCOME_STORIES) if told else ""
            services.record_client_outcome(
                client=client,
                by=self.worker,
                outcome=ClientOutcome(
                    outcome=outcome,
                    achieved_on=self.today,
                    story=story,
                    story_consent=told,
                ),
            )
            rows["client outcomes"] += 1
        if state == 5:
            services.withdraw_consent(
                consent=consent, by=self.worker, version=consent.version, at=self.now
            )
            rows["consents withdrawn"] += 1
        return rows

    def _progress(
        self, referral: Referral, status: str, outcome: OutcomeType | None
    ) -> None:
        referral.refresh_from_db()
        services.record_referral_progress(
            referral=referral,
            by=self.worker,
            version=referral.version,
            details=services.ReferralProgress(
                status=status,
                progress=NOTES[3 if status == "supporting" else 4],
                outcome=outcome,
                closed_on=self.today if status == "closed" else None,
            ),
        )

    def _sessions(self, client: Client, first: datetime.date) -> Counter[str]:
        count = self.rng.randint(2, 6)
        span = max((self.today - first).days, 1)
        for _ in range(count):
            services.record_session(
                client=client,
                by=self.worker,
                session=Session(
                    kind=self.rng.choice(Session.Kind.values),
                    held_on=first + self.rng.randint(0, span) * DAY,
                    minutes=self.rng.choice([30, 45, 60, 90, 120]),
                    notes="",
                ),
            )
        return Counter({"client sessions": count})

    def anonymous_clients(self, spec: dict[str, Any]) -> Counter[str]:
        rows: Counter[str] = Counter()
        for _ in range(ANONYMOUS_CLIENTS):
            first = self.today - self.rng.randint(1, 364) * DAY
            heard = self.rng.choice(Client.HeardVia.values[1:])
            client = self._client("", first, heard)
            rows["clients"] += 1
            rows.update(self._sessions(client, first))
            if self.rng.random() < 0.5:
                services.record_client_outcome(
                    client=client,
                    by=self.worker,
                    outcome=ClientOutcome(
                        outcome=self.rng.choice(self.outcomes), achieved_on=self.today
                    ),
                )
                rows["client outcomes"] += 1
        return rows


def _work(
    rng: random.Random, today: datetime.date, worker: User, spec: dict[str, Any]
) -> Counter[str]:
    rows: Counter[str] = Counter()
    for month in range(12):
        kind, title = GROUPS[(month + len(spec["name"])) % len(GROUPS)]
        work_services.record_group_session(
            by=worker,
            group=GroupSession(
                kind=kind,
                title=title,
                held_on=today - (month * 30 + rng.randint(0, 20)) * DAY,
                attendance=rng.randint(3, 25),
                minutes=rng.choice([60, 90, 120]),
            ),
        )
        rows["group sessions"] += 1
    for days_ago, entry in ENGAGEMENT:
        work_services.record_engagement(
            by=worker,
            entry=EngagementEntry(held_on=today - days_ago * DAY, **entry),
        )
        rows["engagement entries"] += 1
    for days_ago, entry in INFLUENCE:
        made = work_services.record_influence(
            by=worker, entry=InfluenceEntry(started_on=today - days_ago * DAY, **entry)
        )
        work_services.add_evidence(
            entry=made,
            by=worker,
            title="Notes of the meeting",
            link="https://example.org/clydeview/notes",
        )
        rows["influence entries"] += 1
    for days_ago, entry in VOICE:
        work_services.record_voice(
            by=worker, entry=VoiceEntry(held_on=today - days_ago * DAY, **entry)
        )
        rows["client voice entries"] += 1
    return rows


_RECORDS = (
    Team,
    CaseStudy,
    Client,
    Consent,
    Referral,
    Session,
    ClientOutcome,
    GroupSession,
    EngagementEntry,
    InfluenceEntry,
    InfluenceEvidence,
    VoiceEntry,
)


def delete_independent(person_ids: list[int]) -> None:
    """Remove the demo organisations' records (kept apart from people: every batch
    removes them all, once). The organisations stay, like the directory."""
    names = [spec["name"] for spec in ORGANISATIONS]
    orgs = Organization.objects.filter(
        Q(id__in=[_id("org", name) for name in names])
        | Q(staff__email__endswith=f"@{data.DEMO_EMAIL_DOMAIN}")
    ).distinct()
    of_org = Q(organization__in=orgs)
    of_client = Q(client__organization__in=orgs)
    for model, where in (
        (CaseStudy, of_org),
        (InfluenceEvidence, Q(entry__organization__in=orgs)),
        (Referral, of_org),
        (Consent, of_client),
        (Session, of_client),
        (ClientOutcome, of_client),
        (Client, of_org),
        (GroupSession, of_org),
        (EngagementEntry, of_org),
        (InfluenceEntry, of_org),
        (VoiceEntry, of_org),
        (TeamMember, Q(team__organization__in=orgs)),
        (Team, of_org),
    ):
        ids = list(model.objects.filter(where).values_list("pk", flat=True))
        model.history.filter(id__in=ids).delete()  # type: ignore[attr-defined]
        model.objects.filter(pk__in=ids).delete()
    OrganisationAccessLog.objects.filter(organization__in=orgs).delete()
    IndependentSupport.objects.filter(person_id__in=person_ids).update(provider=None)

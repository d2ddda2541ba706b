"""Demo conversation records for `selfdirect seed`, bulk-loaded with history."""

import datetime
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import Q

from selfdirect.accounts.models import User
from selfdirect.conversations.models import (
    Conversation,
    EligibilityLevel,
    OutcomeDomain,
    PersonalOutcome,
    PersonCorrection,
    RiskEnablement,
    Strength,
)
from selfdirect.conversations.wording import classify_outcome
from selfdirect.demo import conversation_words as data
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert, new
from selfdirect.demo.story import Story, stories
from selfdirect.people.models import Allocation, Relationship

BATCH = 5000
SHARE_WITH_CONVERSATION = 0.6


@cache
def _kind(words: str) -> str:
    return classify_outcome(words).kind


class ConversationMaker:
    """Draws demo conversations for people; deterministic for a seed."""

    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"conversations-{seed}")
        self.today = today
        self.levels = {
            lvl.code: lvl for lvl in EligibilityLevel.objects.filter(active=True)
        }
        self.domains = list(OutcomeDomain.objects.filter(active=True))
        self.profiles = list(data.PROFILES)
        self.weights = [data.PROFILES[p][0] for p in self.profiles]

    def conversation(
        self, person_id: int, team_id: int, worker_id: int, carer: bool, story: Story
    ) -> dict[str, Any]:
        rng, profile = self.rng, self.rng.choices(self.profiles, self.weights)[0]
        _, kinds, strengths, risk_chance, agreed_chance = data.PROFILES[profile]
        held = self.today - datetime.timedelta(days=rng.randint(10, 700))
        level = rng.choices(list(data.ELIGIBILITY), list(data.ELIGIBILITY.values()))[0]
        row = new(
            Conversation,
            public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            person_id=person_id,
            team_id=team_id,
            recorded_by_id=worker_id,
            conversation_date=held,
            place=rng.choice(data.PLACES),
            participants=["person", "unpaid_carer"] if carer else ["person"],
            persons_account=story.choose(rng, data.ACCOUNTS)
            if profile != "deficit_led"
            else "",
            good_day=rng.choice(data.GOOD_DAYS) if profile == "outcome_focused" else "",
            carer_views=story.choose(rng, data.CARER_VIEWS)
            if carer and rng.random() < 0.7
            else "",
            carer_offered_support_plan=(rng.random() < 0.6) if carer else None,
            eligibility_level=self.levels.get(level),
            eligibility_reason=data.ELIGIBILITY_REASONS[level],
        )
        if rng.random() < agreed_chance:
            row.state, row.shared_on = (
                "agreed",
                min(held + datetime.timedelta(days=rng.randint(2, 10)), self.today),
            )
            row.agreed_on, row.agreed_how = (
                row.shared_on,
                rng.choice(["in_person", "phone", "representative"]),
            )
            row.agreed_by = (
                "The person"
                if row.agreed_how != "representative"
                else story.choose(
                    rng, ["Their welfare attorney", "{Child} (welfare attorney)"]
                )
            )
        return {
            "row": row,
            "kinds": kinds,
            "strengths": strengths,
            "risk": rng.random() < risk_chance,
            "story": story,
        }

    def outcomes(
        self, conversation: Conversation, kinds: tuple[str, ...], story: Story
    ) -> list[PersonalOutcome]:
        rng, wanted = self.rng, Counter(kinds)
        words = []
        for kind, n in wanted.items():
            pool = [w for w in data.OUTCOMES[kind] if story.fits(w)]
            words += [story.tell(w) for w in rng.sample(pool, min(n, len(pool)))]
        return [
            new(
                PersonalOutcome,
                conversation=conversation,
                words=text,
                wording_kind=_kind(text),
                priority=rng.choice([1, 2, 2, 3]),
                whats_working=story.choose(rng, data.WORKING),
                whats_not_working=rng.choice(data.NOT_WORKING),
            )
            for text in words
        ]

    def strengths(
        self, conversation: Conversation, count: tuple[int, int], story: Story
    ) -> list[Strength]:
        pool = [(k, d) for k, d in data.STRENGTHS if story.fits(d)]
        picks = self.rng.sample(pool, min(len(pool), self.rng.randint(*count)))
        return [
            new(Strength, conversation=conversation, kind=k, description=story.tell(d))
            for k, d in picks
        ]

    def risk(self, conversation: Conversation, story: Story) -> RiskEnablement:
        pool = [r for r in data.RISKS if story.fits(" ".join(r))]
        risk, gain, view, actions = map(story.tell, self.rng.choice(pool))
        return new(
            RiskEnablement,
            conversation=conversation,
            risk=risk,
            gain=gain,
            persons_view=view,
            agreed_actions=actions,
            agreed_by="The person and their social worker",
            review_on=self.today + datetime.timedelta(days=self.rng.randint(30, 180)),
        )


def _people(today: datetime.date) -> Iterator[tuple[int, int, int | None]]:
    return (
        Allocation.objects.current(today)
        .filter(person__status="open")
        .order_by("person_id", "-started_on")
        .values_list("person_id", "team_id", "worker_id")
        .iterator(chunk_size=BATCH)
    )


def seed_conversations(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Give about 60% of open people a conversation record of varying quality."""
    maker = ConversationMaker(seed, today)
    carers = set(
        Relationship.objects.filter(kind="unpaid_carer").values_list(
            "person_id", flat=True
        )
    )
    staff = _staff_by_team()
    rows: Counter[str] = Counter()
    batch: list[tuple[int, int, int, bool]] = []
    seen: set[int] = set()
    for person_id, team_id, worker_id in _people(today):
        if person_id in seen or maker.rng.random() >= SHARE_WITH_CONVERSATION:
            seen.add(person_id)
            continue
        seen.add(person_id)
        worker = worker_id or maker.rng.choice(staff[team_id])
        batch.append((person_id, team_id, worker, person_id in carers))
        if len(batch) == BATCH:
            rows.update(_save(maker, _told(maker, batch), now))
            batch = []
    rows.update(_save(maker, _told(maker, batch), now))
    return rows


def _told(
    maker: ConversationMaker, batch: list[tuple[int, int, int, bool]]
) -> list[dict[str, Any]]:
    """Each person's conversation, told in words that fit their own story."""
    told = stories(person_id for person_id, *_ in batch)
    return [
        maker.conversation(person_id, team_id, worker, carer, told[person_id])
        for person_id, team_id, worker, carer in batch
    ]


def _staff_by_team() -> dict[int, list[int]]:
    staff: dict[int, list[int]] = {}
    for user_id, team_id in (
        User.objects.filter(teams__isnull=False)
        .order_by("pk", "teams")
        .values_list("pk", "teams")
    ):
        staff.setdefault(team_id, []).append(user_id)
    return staff


def _save(
    maker: ConversationMaker, batch: list[dict[str, Any]], now: datetime.datetime
) -> Counter[str]:
    if not batch:
        return Counter()
    conversations = insert(Conversation, [item["row"] for item in batch])
    outcomes = insert(
        PersonalOutcome,
        [
            o
            for c, item in zip(conversations, batch, strict=True)
            for o in maker.outcomes(c, item["kinds"], item["story"])
        ],
    )
    strengths = insert(
        Strength,
        [
            s
            for c, item in zip(conversations, batch, strict=True)
            for s in maker.strengths(c, item["strengths"], item["story"])
        ],
    )
    risks = insert(
        RiskEnablement,
        [
            maker.risk(c, item["story"])
            for c, item in zip(conversations, batch, strict=True)
            if item["risk"]
        ],
    )
    _link(maker, outcomes, strengths)
    counts = Counter(
        {
            "conversations": len(conversations),
            "personal outcomes": len(outcomes),
            "strengths": len(strengths),
            "risk enablements": len(risks),
        }
    )
    for model, objs in (
        (Conversation, conversations),
        (PersonalOutcome, outcomes),
        (Strength, strengths),
        (RiskEnablement, risks),
    ):
        counts["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    copy_m2m_to_history(PersonalOutcome, "domains", [o.pk for o in outcomes])
    copy_m2m_to_history(Strength, "helps_with", [s.pk for s in strengths])
    return counts


def _link(
    maker: ConversationMaker, outcomes: list[PersonalOutcome], strengths: list[Strength]
) -> None:
    """Strengths help with the first outcome of their conversation; a few outcomes
    are coded to domains (an outcomes framework was used in "only 2%")."""
    first: dict[int, int] = {}
    for outcome in outcomes:
        first.setdefault(outcome.conversation_id, outcome.pk)
    helps = Strength.helps_with.through
    insert(
        helps,
        [
            helps(strength_id=s.pk, personaloutcome_id=first[s.conversation_id])
            for s in strengths
            if s.conversation_id in first and maker.rng.random() < 0.7
        ],
    )
    coded = PersonalOutcome.domains.through
    insert(
        coded,
        [
            coded(
                personaloutcome_id=o.pk,
                outcomedomain_id=maker.rng.choice(maker.domains).pk,
            )
            for o in outcomes
            if maker.rng.random() < data.DOMAIN_CODING_CHANCE
        ],
    )


def delete_conversations(person_ids: list[int]) -> None:
    """Remove demo conversation records (and their history) for these people."""
    conversations = Conversation.objects.filter(person_id__in=person_ids).values("pk")
    outcomes = PersonalOutcome.objects.filter(conversation__in=conversations).values(
        "pk"
    )
    strengths = Strength.objects.filter(conversation__in=conversations).values("pk")
    link = apps.get_model
    in_conversation = Q(conversation_id__in=conversations)
    for queryset in (
        link("conversations", "HistoricalStrength_helps_with").objects.filter(
            strength_id__in=strengths
        ),
        Strength.helps_with.through.objects.filter(strength_id__in=strengths),
        link("conversations", "HistoricalPersonalOutcome_domains").objects.filter(
            personaloutcome_id__in=outcomes
        ),
        PersonalOutcome.domains.through.objects.filter(personaloutcome_id__in=outcomes),
        *(
            m.history.filter(in_conversation)
            for m in (Strength, PersonalOutcome, RiskEnablement, PersonCorrection)
        ),
        *(
            m.objects.filter(in_conversation)
            for m in (Strength, PersonalOutcome, RiskEnablement, PersonCorrection)
        ),
        Conversation.history.filter(person_id__in=person_ids),
        Conversation.objects.filter(person_id__in=person_ids),
    ):
        queryset._raw_delete(queryset.db)

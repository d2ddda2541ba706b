"""Demo information, independent support and choices for `selfdirect seed`.

Shares follow the national picture (national-data.md §1.6: of SDS clients about 82%
Option 3 only, 6% Option 1 only, 6% Option 2 only, 5% a mix) and the partnership's
weak recording of informed choice (seed 003: ranked 32 of 32), so many records lack
the information given or the offer of independent support.
"""

import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Min

from selfdirect.accounts.models import User
from selfdirect.choices.models import (
    AmountStated,
    DirectPaymentCheck,
    ElementChoice,
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.conversations.models import Conversation
from selfdirect.demo.bulk import copy_to_history, insert, new

BATCH = 5000
CHOICE_SHARE = 0.8
INFORMATION_SHARE = 0.55
SUPPORT_OFFERED_SHARE = 0.35
OPTION_PATTERNS = {(3,): 82, (1,): 6, (2,): 6, (1, 3): 3, (2, 3): 2}
ELEMENTS = [
    "personal_care",
    "social_leisure",
    "respite",
    "housing_support",
    "equipment",
]
DECIDED_BY = {"person": 80, "legal_representative": 10, "carer": 10}
ORGANISATIONS = [
    "Clydeview Advocacy Project",
    "SDS Forum Clydeview",
    "Levenford Carers' Centre",
]
REFUSALS = [
    "Your last direct payment was stopped because the money was not used for your support.",
    "You are moving into a care home for more than four weeks, so a direct payment is not available.",
]
REASONS = [
    "I'd rather the council sorted it, I don't want the paperwork",
    "I want to choose my own PA who speaks Polish",
    "Someone I trust will help me manage the money",
    "I know the care company and I'm happy with them",
    "",
]


class ChoiceMaker:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"choices-{seed}")
        self.today = today

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def weighted(self, weights: dict[Any, int]) -> Any:
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def direct_payment(
        self, person_id: int, worker: int, on: datetime.date, chosen: bool
    ) -> DirectPaymentCheck | None:
        if not chosen and self.rng.random() > 0.02:
            return None
        refused = not chosen
        return new(
            DirectPaymentCheck,
            public_id=self.uuid(),
            person_id=person_id,
            recorded_by_id=worker,
            checked_on=on,
            payment_starts_on=None if refused else on + datetime.timedelta(days=28),
            decision="refused" if refused else "agreed",
            refusal_reasons=self.rng.choice(REFUSALS) if refused else "",
            review_on=on + datetime.timedelta(days=182) if refused else None,
        )

    def for_person(
        self, person_id: int, assessed: datetime.date, worker: int
    ) -> dict[str, Any]:
        rng = self.rng
        made_on = min(
            assessed + datetime.timedelta(days=rng.randint(7, 60)), self.today
        )
        decided_by = self.weighted(DECIDED_BY)
        rows: dict[str, Any] = {"information": None, "support": None}
        if rng.random() < INFORMATION_SHARE:
            given = (
                assessed if rng.random() < 0.9 else made_on + datetime.timedelta(days=3)
            )
            rows["information"] = new(
                InformationGiven,
                public_id=self.uuid(),
                person_id=person_id,
                given_by_id=worker,
                given_on=min(given, self.today),
                options_explained=["1", "2", "3", "4"],
                formats=rng.sample(
                    ["conversation", "leaflet", "easy_read", "large_print"], 2
                ),
                language="English",
            )
        if rng.random() < SUPPORT_OFFERED_SHARE:
            accepted = rng.random() < 0.5
            rows["support"] = new(
                IndependentSupport,
                public_id=self.uuid(),
                person_id=person_id,
                recorded_by_id=worker,
                kind=rng.choice(["information", "advocacy", "brokerage"]),
                offered_on=assessed,
                response="accepted" if accepted else "declined",
                organisation=rng.choice(ORGANISATIONS) if accepted else "",
                referred_on=assessed if accepted else None,
                status=rng.choice(["referred", "supporting", "closed"])
                if accepted
                else "not_referred",
            )
        deemed = rng.random() < 0.08
        rows["choice"] = new(
            SupportChoice,
            public_id=self.uuid(),
            person_id=person_id,
            recorded_by_id=worker,
            made_on=made_on,
            decided_by=decided_by,
            deemed=deemed,
            reasons=rng.choice(REASONS) if not deemed else "",
            representative_name="Their welfare attorney"
            if decided_by == "legal_representative"
            else "",
            representative_authority="welfare_attorney"
            if decided_by == "legal_representative"
            else "",
        )
        pattern = (3,) if deemed else self.weighted(OPTION_PATTERNS)
        rows["direct_payment"] = self.direct_payment(
            person_id, worker, made_on, 1 in pattern
        )
        elements = rng.sample(ELEMENTS, max(len(pattern), rng.randint(1, 2)))
        options = [pattern[i % len(pattern)] for i in range(len(elements))]
        rows["elements"] = list(
            zip(["other"] if deemed else elements, options, strict=False)
        )
        return rows


def seed_choices(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Give most people with a conversation a recorded choice of option."""
    maker = ChoiceMaker(seed, today)
    workers = list(
        User.objects.filter(role="practitioner")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assessed = (
        Conversation.objects.values("person_id")
        .annotate(first=Min("conversation_date"))
        .order_by("person_id")
    )
    rows: Counter[str] = Counter()
    batch = []
    for item in assessed.iterator(chunk_size=BATCH):
        if maker.rng.random() < CHOICE_SHARE:
            batch.append(
                maker.for_person(
                    item["person_id"], item["first"], maker.rng.choice(workers)
                )
            )
        if len(batch) == BATCH:
            rows.update(_save(batch, now))
            batch = []
    rows.update(_save(batch, now))
    return rows


def _save(batch: list[dict[str, Any]], now: datetime.datetime) -> Counter[str]:
    if not batch:
        return Counter()
    information = insert(
        InformationGiven, [b["information"] for b in batch if b["information"]]
    )
    amounts = insert(
        AmountStated,
        [
            new(
                AmountStated,
                information=i,
                option=o,
                amount=Decimal(180 + 20 * o),
                period="week",
            )
            for i in information
            for o in (1, 2, 3)
        ],
    )
    checks = insert(
        DirectPaymentCheck, [b["direct_payment"] for b in batch if b["direct_payment"]]
    )
    supports = insert(IndependentSupport, [b["support"] for b in batch if b["support"]])
    choices = insert(SupportChoice, [b["choice"] for b in batch])
    elements = insert(
        ElementChoice,
        [
            new(ElementChoice, choice=c, element=e, option=o)
            for c, b in zip(choices, batch, strict=True)
            for e, o in b["elements"]
        ],
    )
    counts = Counter(
        {
            "information given": len(information),
            "support offers": len(supports),
            "choices": len(choices),
        }
    )
    for model, objs in (
        (InformationGiven, information),
        (AmountStated, amounts),
        (IndependentSupport, supports),
        (SupportChoice, choices),
        (ElementChoice, elements),
        (DirectPaymentCheck, checks),
    ):
        counts["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    return counts


def delete_choices(person_ids: list[int]) -> None:
    """Remove demo choice records (and their history) for these people."""
    information = InformationGiven.objects.filter(person_id__in=person_ids).values("pk")
    choices = SupportChoice.objects.filter(person_id__in=person_ids).values("pk")
    for queryset in (
        AmountStated.history.filter(information_id__in=information),
        AmountStated.objects.filter(information_id__in=information),
        ElementChoice.history.filter(choice_id__in=choices),
        ElementChoice.objects.filter(choice_id__in=choices),
        *(
            m.history.filter(person_id__in=person_ids)
            for m in (
                InformationGiven,
                IndependentSupport,
                SupportChoice,
                DirectPaymentCheck,
            )
        ),
        *(
            m.objects.filter(person_id__in=person_ids)
            for m in (
                InformationGiven,
                IndependentSupport,
                SupportChoice,
                DirectPaymentCheck,
            )
        ),
    ):
        queryset._raw_delete(queryset.db)

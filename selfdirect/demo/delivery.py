"""Demo option delivery records for `selfdirect seed` (the providers register is
in providers.py).

Delivery follows each person's latest recorded choice (choices.py already
follows the national shares, national-data.md §1.6: about 82% Option 3 only, 6%
Option 1 only, 6% Option 2 only, 5% a mix). Some people with a choice have no
service yet (they are still waiting, as the inspectors found). Direct payments
have four-weekly or monthly payments and quarterly monitoring returns: most on
time, some overdue, some with a surplus (some recovered, some not); a few were
ended on a regulation 6 ground after notice.
"""

import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Subquery

from selfdirect.choices.models import ElementChoice, SupportChoice
from selfdirect.delivery import rules
from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
    MonitoringReturn,
    Payment,
    PersonalAssistantEmployment,
)
from selfdirect.demo.bulk import copy_to_history, insert, new
from selfdirect.demo.providers import providers_by_kind
from selfdirect.providers.models import Provider

BATCH = 2000
STARTED_SHARE = 0.85  # the rest are still waiting for their service to start
ENDED_SHARE = 0.12
RETURN_ON_TIME = 0.8
SURPLUS_SHARE = 0.18
PAYROLL = ["Clydeview Payroll Support Service", "Independent Living Payroll Ltd"]
INSURERS = ["Fortis Employers' Cover", "Clyde Mutual Insurance"]
GROUNDS = {"person_chose": 3, "other_purposes": 2, "ineligible": 2, "person_died": 1}
DIRECTS = [
    "Which support workers come, and at what times",
    "Using some hours for swimming and the library instead of home visits",
    "Short breaks at the times the person picks",
    "Evening support on match days",
]
SERVICES = [
    ("Home care: personal care visits", "hours", 4, 22),
    ("Day service", "days", 1, 3),
    ("Overnight respite", "nights", 1, 2),
    ("Housing support", "hours", 3, 12),
]
RATE = {
    "in_house": Decimal("26.40"),
    "block": Decimal("22.10"),
    "spot": Decimal("24.80"),
}
UNIT_COST = {"days": Decimal("68.00"), "nights": Decimal("145.00")}


class DeliveryMaker:
    def __init__(
        self, seed: int, today: datetime.date, providers: dict[str, list[Provider]]
    ) -> None:
        self.rng = random.Random(f"delivery-{seed}")
        self.today = today
        self.providers = providers

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def money(self, low: int, high: int) -> Decimal:
        return Decimal(self.rng.randint(low * 100, high * 100)) / 100

    def for_person(
        self, person_id: int, options: set[int], chosen_on: datetime.date, worker: int
    ) -> dict[str, Any]:
        rows: dict[str, Any] = {}
        starts_on = chosen_on + datetime.timedelta(days=self.rng.randint(14, 120))
        if starts_on > self.today or self.rng.random() > STARTED_SHARE:
            return rows
        if 1 in options:
            rows["agreement"] = self.agreement(person_id, starts_on, worker)
        if 2 in options:
            rows["fund"] = new(
                IndividualServiceFund,
                public_id=self.uuid(),
                person_id=person_id,
                provider=self.rng.choice(
                    self.providers["private"] + self.providers["voluntary"]
                ),
                yearly_amount=self.money(6000, 26000),
                person_directs=self.rng.choice(DIRECTS),
                starts_on=starts_on,
                recorded_by_id=worker,
            )
        if 3 in options:
            rows["arranged"] = self.arranged(person_id, starts_on, worker)
        return rows

    def agreement(
        self, person_id: int, starts_on: datetime.date, worker: int
    ) -> DirectPaymentAgreement:
        rng = self.rng
        frequency = rng.choice(["four_weekly", "four_weekly", "monthly"])
        weekly = self.money(120, 480)
        amount = weekly * (4 if frequency == "four_weekly" else Decimal("4.33"))
        amount = amount.quantize(rules.PENCE)
        spend = rng.sample(list(rules.SPEND_CATEGORIES), rng.randint(1, 3))
        if rng.random() < 0.6 and "employ_pas" not in spend:
            spend.append("employ_pas")
        agreement = new(
            DirectPaymentAgreement,
            public_id=self.uuid(),
            person_id=person_id,
            starts_on=starts_on,
            amount=amount,
            frequency=frequency,
            yearly_amount=rules.yearly_equivalent(amount, frequency),
            spend_on=spend,
            responsibilities=list(rules.RESPONSIBILITIES),
            monitoring_every_months=3,
            recorded_by_id=worker,
        )
        if rng.random() < 0.08:
            agreement.payee_name = rng.choice(["Fiona Campbell", "James Reid"])
            agreement.payee_relationship = rng.choice(["Friend", "Neighbour"])
            agreement.payee_requested_by_person = True
        ends = starts_on + datetime.timedelta(days=rng.randint(120, 500))
        if rng.random() < ENDED_SHARE and ends < self.today:
            ground = rng.choices(list(GROUNDS), list(GROUNDS.values()))[0]
            agreement.status = "ended"
            agreement.ended_on = ends
            agreement.end_ground = ground
            if ground in rules.COUNCIL_GROUNDS:
                agreement.notice_days = 28
                agreement.notice_given_on = ends - datetime.timedelta(days=28)
        return agreement

    def arranged(
        self, person_id: int, starts_on: datetime.date, worker: int
    ) -> ArrangedService:
        rng = self.rng
        description, unit, low, high = rng.choice(SERVICES)
        arrangement = rng.choices(["in_house", "block", "spot"], [45, 35, 20])[0]
        kind = {"in_house": "local_authority", "block": "private", "spot": "private"}[
            arrangement
        ]
        quantity = Decimal(rng.randint(low, high))
        cost = UNIT_COST.get(unit, RATE[arrangement])
        ends_on = None
        if rng.random() < 0.05:
            ends_on = starts_on + datetime.timedelta(days=rng.randint(60, 300))
        return new(
            ArrangedService,
            public_id=self.uuid(),
            person_id=person_id,
            arrangement=arrangement,
            provider=rng.choice(self.providers[kind]),
            description=description,
            quantity=quantity,
            unit=unit,
            yearly_cost=(quantity * cost * 52).quantize(rules.PENCE),
            starts_on=starts_on,
            ends_on=ends_on,
            recorded_by_id=worker,
        )

    def payments(self, agreement: DirectPaymentAgreement) -> list[Payment]:
        step = 28 if agreement.frequency == "four_weekly" else 30
        last = min(self.today, agreement.ended_on or self.today)
        starts = []
        day = agreement.starts_on
        while day <= last:
            starts.append(day)
            day += datetime.timedelta(days=step)
        return [
            new(
                Payment,
                public_id=self.uuid(),
                agreement=agreement,
                paid_on=start,
                amount=agreement.amount,
                period_from=start,
                period_to=start + datetime.timedelta(days=step - 1),
                recorded_by_id=agreement.recorded_by_id,
            )
            for start in starts
        ]

    def returns(self, agreement: DirectPaymentAgreement) -> list[MonitoringReturn]:
        rows, period_from = [], agreement.starts_on
        last = agreement.ended_on or self.today
        while period_from <= last:
            _, period_to = rules.next_return_period(
                period_from - datetime.timedelta(days=1), 3
            )
            if agreement.ended_on is not None:
                # As end_direct_payment does: the last period stops at the end.
                period_to = min(period_to, agreement.ended_on)
            due_on = rules.return_due_on(period_to, 28)
            row = new(
                MonitoringReturn,
                public_id=self.uuid(),
                agreement=agreement,
                period_from=period_from,
                period_to=period_to,
                due_on=due_on,
                recorded_by_id=agreement.recorded_by_id,
            )
            if (
                due_on <= self.today
                and self.rng.random() < RETURN_ON_TIME
                or (due_on < self.today - datetime.timedelta(days=120))
            ):
                self.receive(row, agreement)
            rows.append(row)
            period_from = period_to + datetime.timedelta(days=1)
        return rows

    def receive(self, row: MonitoringReturn, agreement: DirectPaymentAgreement) -> None:
        rng = self.rng
        row.received_on = min(
            self.today, row.due_on - datetime.timedelta(days=rng.randint(-20, 14))
        )
        row.evidence = rng.sample(
            ["bank_statements", "receipts", "timesheets", "payroll"], 2
        )
        weekly = rules.weekly_equivalent(agreement.yearly_amount)
        weeks = (
            rng.randint(9, 16) if rng.random() < SURPLUS_SHARE else rng.randint(1, 6)
        )
        row.balance_held = (weekly * weeks).quantize(rules.PENCE)
        row.surplus = rules.surplus(
            balance_held=row.balance_held,
            yearly_amount=agreement.yearly_amount,
            weeks_allowed=8,
        )
        if row.surplus and rng.random() < 0.5:
            row.surplus_decision = "recover"
            row.recovered_amount = row.surplus
            row.recovered_on = min(
                self.today,
                row.received_on + datetime.timedelta(days=rng.randint(10, 40)),
            )
        elif row.surplus and rng.random() < 0.3:
            row.surplus_decision = "retain"


def _latest_choices() -> Any:
    latest = (
        SupportChoice.objects.filter(person=OuterRef("choice__person"))
        .order_by("-made_on", "-id")
        .values("pk")[:1]
    )
    return (
        ElementChoice.objects.filter(choice=Subquery(latest))
        .values_list(
            "choice__person_id", "option", "choice__made_on", "choice__recorded_by_id"
        )
        .order_by("choice__person_id")
    )


def seed_delivery(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Add the providers register and delivery records following people's choices."""
    rng = random.Random(f"providers-{seed}")
    maker = DeliveryMaker(seed, today, providers_by_kind(rng, now))
    people: dict[int, tuple[set[int], datetime.date, int]] = {}
    for person_id, option, made_on, worker in _latest_choices().iterator(
        chunk_size=BATCH
    ):
        people.setdefault(person_id, (set(), made_on, worker))[0].add(option)
    rows: Counter[str] = Counter()
    batch = []
    for person_id, (options, made_on, worker) in people.items():
        batch.append(maker.for_person(person_id, options, made_on, worker))
        if len(batch) == BATCH:
            rows.update(_save(batch, maker, now))
            batch = []
    rows.update(_save(batch, maker, now))
    return rows


def _save(
    batch: list[dict[str, Any]], maker: DeliveryMaker, now: datetime.datetime
) -> Counter[str]:
    agreements = insert(
        DirectPaymentAgreement, [b["agreement"] for b in batch if "agreement" in b]
    )
    payments = insert(Payment, [p for a in agreements for p in maker.payments(a)])
    returns = insert(
        MonitoringReturn, [r for a in agreements for r in maker.returns(a)]
    )
    employment = insert(
        PersonalAssistantEmployment,
        [
            new(
                PersonalAssistantEmployment,
                public_id=maker.uuid(),
                agreement=a,
                starts_on=a.starts_on,
                number_of_pas=maker.rng.randint(1, 3),
                payroll_support=maker.rng.choice(PAYROLL),
                insurance_provider=maker.rng.choice(INSURERS),
                recorded_by_id=a.recorded_by_id,
            )
            for a in agreements
            if "employ_pas" in a.spend_on
        ],
    )
    funds = insert(IndividualServiceFund, [b["fund"] for b in batch if "fund" in b])
    arranged = insert(
        ArrangedService, [b["arranged"] for b in batch if "arranged" in b]
    )
    counts = Counter(
        {
            "direct payment agreements": len(agreements),
            "direct payments made": len(payments),
            "monitoring returns": len(returns),
            "individual service funds": len(funds),
            "arranged services": len(arranged),
        }
    )
    for model, objs in (
        (DirectPaymentAgreement, agreements),
        (Payment, payments),
        (MonitoringReturn, returns),
        (PersonalAssistantEmployment, employment),
        (IndividualServiceFund, funds),
        (ArrangedService, arranged),
    ):
        counts["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    return counts


def delete_delivery(person_ids: list[int]) -> None:
    """Remove demo delivery records (and their history) for these people; the
    providers register stays (the next seed reuses it)."""
    agreements = DirectPaymentAgreement.objects.filter(person_id__in=person_ids).values(
        "pk"
    )
    children = (Payment, MonitoringReturn, PersonalAssistantEmployment)
    for queryset in (
        *(m.history.filter(agreement_id__in=agreements) for m in children),
        *(m.objects.filter(agreement_id__in=agreements) for m in children),
        *(
            m.history.filter(person_id__in=person_ids)
            for m in (DirectPaymentAgreement, IndividualServiceFund, ArrangedService)
        ),
        *(
            m.objects.filter(person_id__in=person_ids)
            for m in (DirectPaymentAgreement, IndividualServiceFund, ArrangedService)
        ),
    ):
        queryset._raw_delete(queryset.db)

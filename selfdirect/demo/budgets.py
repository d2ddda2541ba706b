"""Demo indicative budgets for `selfdirect seed`.

Most people who had a conversation get a budget a week or few after it: about
seven in ten by the points-based RAS and the rest by pricing the support
(equivalence). The arithmetic is the real arithmetic of the loaded (illustrative)
method versions, so the workings shown are true to the amounts.
"""

import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Min

from selfdirect.accounts.models import User
from selfdirect.budgets import rules
from selfdirect.budgets.models import BudgetMethod, DelegatedLimit, IndicativeBudget
from selfdirect.conversations.models import Conversation
from selfdirect.demo.bulk import copy_to_history, insert, new
from selfdirect.people.models import Person, ServiceGroup

BATCH = 5000
BUDGET_SHARE = 0.85
RAS_SHARE = 0.7
EQUIVALENCE_LINES = [
    ("Care at home", (3, 21), "24.50"),
    ("Personal assistant", (2, 15), "17.50"),
    ("Day opportunities (sessions)", (1, 4), "45.00"),
]
EXPLANATIONS = [
    "",
    "",
    "The help you already get three evenings a week is counted, so fewer points for meals.",
    "We agreed the night support answer after talking with your GP.",
    "Worked out with you and your advocate at home.",
]


class BudgetMaker:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"budgets-{seed}")
        self.today = today
        self.ras = _latest(BudgetMethod.Kind.RAS)
        self.equivalence = _latest(BudgetMethod.Kind.EQUIVALENCE)
        self.limits = {
            row.role: row.yearly_amount
            for row in DelegatedLimit.objects.order_by("valid_from")
        }

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def ras_workings(self, group: str) -> rules.Workings:
        need = self.rng.betavariate(2.2, 2.4)
        answers = {}
        for domain in self.ras.config["domains"]:  # type: ignore[union-attr]
            for question in domain["questions"]:
                choices = question["answers"]
                pick = round(need * (len(choices) - 1) + self.rng.uniform(-0.8, 0.8))
                answers[question["code"]] = choices[
                    max(0, min(len(choices) - 1, pick))
                ]["code"]
        return rules.ras_budget(
            self.ras.config,  # type: ignore[union-attr]
            answers=answers,
            service_group=group,
        )

    def equivalence_workings(self) -> rules.Workings:
        lines = []
        for what, (low, high), rate in self.rng.sample(
            EQUIVALENCE_LINES, self.rng.randint(1, 2)
        ):
            lines.append(
                {
                    "what": what,
                    "hours_per_week": Decimal(self.rng.randint(low, high)),
                    "hourly_rate": Decimal(rate),
                    "weekly_cost": None,
                }
            )
        if self.rng.random() < 0.3:
            lines.append(
                {"what": "Short breaks (averaged a week)", "weekly_cost": Decimal(45)}
            )
        return rules.equivalence_budget(
            self.equivalence.config,  # type: ignore[union-attr]
            lines=lines,
        )

    def budget(
        self, person_id: int, assessed: datetime.date, worker: User, group: Any
    ) -> IndicativeBudget:
        use_ras = self.ras is not None and (
            self.equivalence is None or self.rng.random() < RAS_SHARE
        )
        method = self.ras if use_ras else self.equivalence
        workings = (
            self.ras_workings(group.code if group else "")
            if use_ras
            else self.equivalence_workings()
        )
        limit = self.limits.get(worker.role)
        return new(
            IndicativeBudget,
            public_id=self.uuid(),
            person_id=person_id,
            worked_out_on=min(
                assessed + datetime.timedelta(days=self.rng.randint(5, 35)),
                self.today,
            ),
            amount=workings.amount,
            recorded_by=worker,
            method=method,
            method_version=method.version,  # type: ignore[union-attr]
            service_group=group if use_ras else None,
            inputs=workings.inputs,
            workings=workings.steps,
            explanation=self.rng.choice(EXPLANATIONS),
            delegated_limit=limit,
            authority=rules.authority_for(workings.amount, limit),
        )


def _latest(kind: str) -> BudgetMethod | None:
    return (
        BudgetMethod.objects.filter(kind=kind, active=True).order_by("-version").first()
    )


def _first_groups() -> dict[int, ServiceGroup]:
    groups = {g.pk: g for g in ServiceGroup.objects.all()}
    links = Person.service_groups.through.objects.order_by("person_id", "id")
    first: dict[int, ServiceGroup] = {}
    for person_id, group_id in links.values_list("person_id", "servicegroup_id"):
        first.setdefault(person_id, groups[group_id])
    return first


def seed_budgets(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Give most people who had a conversation an indicative budget."""
    maker = BudgetMaker(seed, today)
    if maker.ras is None and maker.equivalence is None:
        return Counter()
    workers = list(User.objects.filter(role="practitioner").order_by("pk"))
    managers = list(User.objects.filter(role="team_manager").order_by("pk"))
    groups = _first_groups()
    assessed = (
        Conversation.objects.values("person_id")
        .annotate(first=Min("conversation_date"))
        .order_by("person_id")
    )
    rows: Counter[str] = Counter()
    batch: list[IndicativeBudget] = []
    for item in assessed.iterator(chunk_size=BATCH):
        if maker.rng.random() >= BUDGET_SHARE or not workers:
            continue
        pool = managers if managers and maker.rng.random() < 0.1 else workers
        person = item["person_id"]
        batch.append(
            maker.budget(
                person, item["first"], maker.rng.choice(pool), groups.get(person)
            )
        )
        if len(batch) == BATCH:
            rows.update(_save(batch, now))
            batch = []
    rows.update(_save(batch, now))
    return rows


def _save(batch: list[IndicativeBudget], now: datetime.datetime) -> Counter[str]:
    if not batch:
        return Counter()
    budgets = insert(IndicativeBudget, batch)
    history = copy_to_history(IndicativeBudget, [b.pk for b in budgets], now)
    return Counter({"indicative budgets": len(budgets), "history rows": history})


def delete_budgets(person_ids: list[int]) -> None:
    """Remove demo budgets (and their history) for these people: a carer's budget
    belongs to their carer's plan and goes with it (`demo.carers`)."""
    for queryset in (
        IndicativeBudget.history.filter(person_id__in=person_ids).exclude(
            method__for_carers=True
        ),
        IndicativeBudget.objects.filter(person_id__in=person_ids).own_support(),
    ):
        queryset._raw_delete(queryset.db)

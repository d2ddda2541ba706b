"""Demo support plans for `selfdirect seed`.

Most people with an agreed conversation get a plan built from its outcomes. Quality
varies as the inspectors found (seed 003): just over half of plans are not SMART
and just over half have no contingency arrangements. A plan without contingency
cannot be agreed here, so those stay drafts; most plans with contingency are agreed,
with a review date three months on. Paid supports follow the person's recorded
choice of option per element (so Option 4 appears where the choice was mixed);
unpaid help from family and community resources (from the directory when it has
services) is included too.
"""

import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Q

from selfdirect.conversations.models import PersonalOutcome
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert, new
from selfdirect.demo.plan_inputs import (
    agreed_conversations,
    latest_budgets,
    latest_elements,
)
from selfdirect.demo.plan_wording import (
    BACKUP,
    CONTINGENCY,
    ELEMENT_SUPPORT,
    FIXED_COSTS,
    GOOD_MEASURES,
    IF_SUPPORT_CANNOT_COME,
    POOR_MEASURES,
    PROVIDED_BY,
    PROVIDED_BY_KIND,
    REWORDED,
    STEPS,
)
from selfdirect.demo.story import stories
from selfdirect.directory.models import Service
from selfdirect.plans import smart
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan
from selfdirect.providers.selectors import active_providers

BATCH = 2000
PLAN_SHARE = 0.85
GOOD_OUTCOMES_SHARE = 0.45
CONTINGENCY_SHARE = 0.44
AGREED_SHARE_WITH_CONTINGENCY = 0.8
MAX_OUTCOMES = 3
FIRST_REVIEW_DAYS = 91


class PlanMaker:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"plans-{seed}")
        self.today = today

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def plan(
        self,
        conversation: dict[str, Any],
        budget: dict[str, Any] | None,
        chosen_on: datetime.date | None,
    ) -> dict[str, Any]:
        """A plan begun after the conversation; agreed (when it has contingency
        arrangements) only once its budget is worked out and the person has chosen
        their options: a plan is never agreed before the choice it carries out."""
        rng = self.rng
        started = min(
            conversation["agreed_on"] + datetime.timedelta(days=rng.randint(3, 30)),
            self.today,
        )
        plan = new(
            SupportPlan,
            public_id=self.uuid(),
            person_id=conversation["person_id"],
            conversation_id=conversation["id"],
            budget_id=budget["id"] if budget else None,
            recorded_by_id=conversation["recorded_by_id"],
            started_on=started,
        )
        contingency = rng.random() < CONTINGENCY_SHARE
        ready = [started + datetime.timedelta(days=rng.randint(5, 21))]
        ready += [
            day + datetime.timedelta(days=rng.randint(1, 10))
            for day in (budget["worked_out_on"] if budget else None, chosen_on)
            if day is not None
        ]
        agreed_on = max(ready)
        agree = rng.random() < AGREED_SHARE_WITH_CONTINGENCY and chosen_on is not None
        if contingency and agree and agreed_on <= self.today:
            plan.state = SupportPlan.State.AGREED
            plan.agreed_on, plan.agreed_by = agreed_on, conversation["full_name"]
            plan.agreed_by_role = "person"
            plan.agreed_how = rng.choice(["in_person", "signed_copy", "phone"])
            plan.review_on = agreed_on + datetime.timedelta(days=FIRST_REVIEW_DAYS)
        return {
            "plan": plan,
            "good": rng.random() < GOOD_OUTCOMES_SHARE,
            "contingency": contingency,
        }

    def contingency(
        self, plan: SupportPlan, supports: list[Support], name: str, relative: str
    ) -> None:
        """Answer one to three contingency questions in words that fit the plan:
        who covers when support cannot come depends on who gives the support."""
        rng = self.rng
        givers = [s.provided_by for s in supports if s.provided_by in PROVIDED_BY_KIND]
        backup = BACKUP[bool(relative)].format(name=name, relative=relative)
        answers = dict(CONTINGENCY)
        if givers:
            giver = "provider" if "provider" in givers else givers[0]
            answers["if_support_cannot_come"] = IF_SUPPORT_CANNOT_COME[giver]
        for key in rng.sample(sorted(answers), rng.randint(1, len(answers))):
            setattr(plan, key, answers[key].format(name=name, backup=backup))

    def outcome(
        self, words: str, source: int, started: datetime.date, good: bool, name: str
    ) -> PlanOutcome:
        rng = self.rng
        flaw = None if good else rng.choice(["measure", "date", "achievable", "all"])
        measure = rng.choice(
            POOR_MEASURES if flaw in {"measure", "all"} else GOOD_MEASURES
        )
        if good and not smart.is_specific(words):
            # Chosen from the words, not the plans' stream, so that a change to
            # the SMART rules does not change every plan seeded after this one.
            words = random.Random(f"reword-{words}").choice(REWORDED)
        outcome = new(
            PlanOutcome,
            personal_outcome_id=source,
            words=words,
            how_we_will_know=measure.format(name=name),
            target_date=None
            if flaw in {"date", "all"}
            else started + datetime.timedelta(days=rng.randint(90, 270)),
            steps=rng.choice(STEPS) if good or rng.random() < 0.4 else "",
            achievable_agreed=None if flaw in {"achievable", "all"} else True,
            achievable_agreed_by="" if flaw in {"achievable", "all"} else name,
            achievable_agreed_on=None if flaw in {"achievable", "all"} else started,
            written_on=started,
        )
        outcome.set_smart_flags()  # as the plans services do on every write
        return outcome

    def supports(
        self,
        elements: list[tuple[str, int]],
        services: list[Any],
        name: str,
        providers: dict[str, list[int]],
        started: datetime.date,
        relative: str,
        budget: Decimal | None,
    ) -> list[Support]:
        rng = self.rng
        rows = []
        for element, option in elements:
            # Option 1 employs a PA; Option 2 names the chosen provider.
            pool = providers.get(
                {1: "personal_assistant", 2: "provider"}.get(option, "")
            )
            what, often, low, high = ELEMENT_SUPPORT[element]
            hours = Decimal(rng.randint(low, high)) if high else None
            rate = Decimal("17.50") if option == 1 else Decimal("23.40")
            cost = FIXED_COSTS.get(element) or (hours or Decimal(1)) * rate * 52
            rows.append(
                new(
                    Support,
                    what=what,
                    provided_by=PROVIDED_BY[option],
                    who="",
                    frequency=often,
                    hours_per_week=hours,
                    yearly_cost=Decimal(cost).quantize(Decimal("0.01")),
                    option=option,
                    provider_id=rng.choice(pool) if pool else None,
                )
            )
        _fit_within(rows, budget)
        if relative and rng.random() < 0.6:
            rows.append(
                new(
                    Support,
                    what="Shopping and a weekly visit",
                    provided_by="family",
                    who=f"{name}'s {relative}",
                    frequency="Every Saturday",
                )
            )
        if rng.random() < 0.4:
            service = rng.choice(services) if services else None
            rows.append(
                new(
                    Support,
                    what=service[1] if service else "Lunch club at the church hall",
                    provided_by="community",
                    service_id=service[0] if service else None,
                    frequency="Once a week",
                    **self.follow_up(started),
                )
            )
        return rows

    def follow_up(self, started: datetime.date) -> dict[str, Any]:
        """How a community resource went, asked some weeks after the plan began
        (often not asked at all, as the inspectors found)."""
        rng = self.rng
        asked = started + datetime.timedelta(days=rng.randint(28, 70))
        if asked > self.today or rng.random() < 0.45:
            return {}
        used = rng.random() < 0.7
        return {
            "followed_up_on": asked,
            "used_it": used,
            "need_met": (rng.random() < 0.65) if used else False,
        }


def _fit_within(supports: list[Support], budget: Decimal | None) -> None:
    """Plan paid support within the indicative budget, as a worker would: fewer
    hours each week where the hours cost more than the budget allows."""
    total = sum((s.yearly_cost or Decimal(0) for s in supports), Decimal(0))
    if budget is None or total <= budget:
        return
    for support in supports:
        if support.hours_per_week and support.yearly_cost:
            rate = support.yearly_cost / support.hours_per_week
            hours = max(Decimal(1), (support.hours_per_week * budget / total) // 1)
            support.hours_per_week = hours
            support.yearly_cost = (rate * hours).quantize(Decimal("0.01"))


def seed_plans(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Give most people with an agreed conversation a support plan."""
    maker = PlanMaker(seed, today)
    services = list(
        Service.objects.filter(status="active")
        .order_by("name")
        .values_list("pk", "name")[:60]
    )
    providers: dict[str, list[int]] = {}
    for pk, kind in active_providers().order_by("pk").values_list("pk", "kind"):
        group = "personal_assistant" if kind == "personal_assistant" else "provider"
        if kind != "local_authority":
            providers.setdefault(group, []).append(pk)
    conversations = agreed_conversations()
    rows: Counter[str] = Counter()
    people = sorted(conversations)
    for start in range(0, len(people), BATCH):
        chunk = [
            p for p in people[start : start + BATCH] if maker.rng.random() < PLAN_SHARE
        ]
        rows.update(_seed_chunk(maker, chunk, conversations, services, providers, now))
    return rows


def _seed_chunk(
    maker: PlanMaker,
    people: list[int],
    conversations: dict[int, dict[str, Any]],
    services: list[Any],
    providers: dict[str, list[int]],
    now: datetime.datetime,
) -> Counter[str]:
    if not people:
        return Counter()
    outcomes: dict[int, list[tuple[int, str]]] = {}
    for pk, conversation_id, words in (
        PersonalOutcome.objects.filter(
            conversation_id__in=[conversations[p]["id"] for p in people]
        )
        .order_by("conversation_id", "priority", "id")
        .values_list("pk", "conversation_id", "words")
    ):
        outcomes.setdefault(conversation_id, []).append((pk, words))
    elements, chosen_on = latest_elements(people)
    budgets = latest_budgets(people)
    told = stories(people)
    made = []
    for person in people:
        conversation = conversations[person]
        sources = outcomes.get(conversation["id"], [])[:MAX_OUTCOMES]
        if not sources:
            continue
        budget = budgets.get(person)
        draft = maker.plan(conversation, budget, chosen_on.get(person))
        plan, name = draft["plan"], conversation["name"]
        draft["outcomes"] = [
            maker.outcome(words, pk, plan.started_on, draft["good"], name)
            for pk, words in sources
        ]
        draft["supports"] = maker.supports(
            elements.get(person, [("other", 3)]),
            services,
            name,
            providers,
            plan.started_on,
            next(iter(told[person].relatives), ""),
            budget["amount"] if budget else None,
        )
        if draft["contingency"]:
            relative = next(iter(told[person].relatives), "")
            maker.contingency(plan, draft["supports"], name, relative)
        made.append(draft)
    return _save(made, now, maker)


def _save(
    made: list[dict[str, Any]], now: datetime.datetime, maker: PlanMaker
) -> Counter[str]:
    plans = insert(SupportPlan, [m["plan"] for m in made])
    outcomes, supports = [], []
    for draft, plan in zip(made, plans, strict=True):
        for outcome in draft["outcomes"]:
            outcome.plan = plan
            outcomes.append(outcome)
        for support in draft["supports"]:
            support.plan = plan
            supports.append(support)
    insert(PlanOutcome, outcomes)
    insert(Support, supports)
    through = Support.outcomes.through
    rng = maker.rng
    links = [
        through(support_id=support.pk, planoutcome_id=outcome.pk)
        for draft in made
        for support in draft["supports"]
        for outcome in rng.sample(
            draft["outcomes"], min(len(draft["outcomes"]), rng.randint(1, 2))
        )
    ]
    insert(through, links)
    counts: Counter[str] = Counter(
        {
            "support plans": len(plans),
            "plan outcomes": len(outcomes),
            "plan supports": len(supports),
        }
    )
    for model, objs in (
        (SupportPlan, plans),
        (PlanOutcome, outcomes),
        (Support, supports),
    ):
        counts["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    copy_m2m_to_history(Support, "outcomes", [s.pk for s in supports])
    return counts


def delete_plans(person_ids: list[int]) -> None:
    """Remove demo support plans (and their history) for these people."""
    plans = SupportPlan.objects.filter(person_id__in=person_ids).values("pk")
    supports = Support.objects.filter(plan_id__in=plans).values("pk")
    links = apps.get_model("plans", "HistoricalSupport_outcomes")
    history = Support.history.filter(plan_id__in=plans).values("history_id")
    SupportPlan.objects.filter(person_id__in=person_ids, replaces__isnull=False).update(
        replaces=None
    )
    for queryset in (
        links.objects.filter(history_id__in=history),
        Support.outcomes.through.objects.filter(support_id__in=supports),
        Support.history.filter(plan_id__in=plans),
        Support.objects.filter(plan_id__in=plans),
        PlanOutcome.history.filter(plan_id__in=plans),
        PlanOutcome.objects.filter(plan_id__in=plans),
        SupportPlan.history.filter(person_id__in=person_ids),
        SupportPlan.objects.filter(Q(person_id__in=person_ids)),
    ):
        queryset._raw_delete(queryset.db)

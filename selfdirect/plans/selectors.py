"""Reads of support plans used by the plan pages and by later stages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.choices.models import ElementChoice, SupportChoice
from selfdirect.conversations.models import Conversation
from selfdirect.core.batched import attach
from selfdirect.core.hooks import contributions
from selfdirect.directory.models import Service
from selfdirect.people.models import Person
from selfdirect.providers import selectors as register
from selfdirect.providers.models import Provider

from . import rules, smart
from .hook_points import PLAN_AGREEMENT_CHECKS, AgreementBlocker
from .models import PlanOutcome, Support, SupportPlan

ZERO = Decimal("0.00")
PENNY = Decimal("0.01")


def plan_total_cost(plan: SupportPlan) -> Decimal:
    """The yearly cost of all the plan's supports, in pounds (summed in the database)."""
    total = plan.supports.aggregate(total=Coalesce(Sum("yearly_cost"), ZERO))["total"]
    return Decimal(total).quantize(PENNY)


@dataclass(frozen=True)
class OptionCost:
    option: int | None
    label: str
    total: Decimal


@dataclass(frozen=True)
class BudgetCheck:
    """The plan's total cost set against its budget."""

    total: Decimal
    budget: Decimal | None
    by_option: list[OptionCost]
    option: int | None

    @property
    def difference(self) -> Decimal | None:
        """Budget left (positive) or overspent (negative); None without a budget."""
        return None if self.budget is None else self.budget - self.total

    @property
    def over(self) -> bool:
        return self.budget is not None and self.total > self.budget

    @property
    def overspend(self) -> Decimal:
        return -self.difference if self.difference is not None else ZERO


def budget_check(plan: SupportPlan) -> BudgetCheck:
    """Total yearly cost, cost by SDS option (one grouped query) and the plan's
    option (Option 4 when its supports use more than one of options 1-3)."""
    rows = (
        plan.supports.order_by(F("option").asc(nulls_last=True))
        .values("option")
        .annotate(total=Coalesce(Sum("yearly_cost"), ZERO))
    )
    labels = dict(Support.Option.choices)
    by_option = [
        OptionCost(
            r["option"],
            str(labels.get(r["option"] or 0, _("Unpaid: no option"))),
            Decimal(r["total"]).quantize(PENNY),
        )
        for r in rows
    ]
    total = sum((row.total for row in by_option), ZERO)
    return BudgetCheck(
        total=total,
        budget=plan.budget.amount if plan.budget else None,
        by_option=by_option,
        option=rules.plan_option(row.option for row in by_option),
    )


@dataclass(frozen=True)
class OutcomeView:
    outcome: PlanOutcome
    check: smart.SmartCheck
    supports: list[Support]


def smart_check(outcome: PlanOutcome) -> smart.SmartCheck:
    """The SMART check of one plan outcome."""
    return outcome.smart_check()


def plan_detail(plan: SupportPlan) -> dict[str, Any]:
    """Everything the plan page and 'My support plan' show, in a fixed number of
    queries however many outcomes and supports the plan has."""
    supports = list(
        plan.supports.select_related("provider", "service").prefetch_related(
            Prefetch("outcomes", queryset=PlanOutcome.objects.only("id", "words"))
        )
    )
    outcomes = list(plan.outcomes.all())
    serving: dict[int, list[Support]] = {o.pk: [] for o in outcomes}
    for support in supports:
        for linked in support.outcomes.all():
            serving.setdefault(linked.pk, []).append(support)
    views = [OutcomeView(o, smart_check(o), serving[o.pk]) for o in outcomes]
    return {
        "plan": plan,
        "person": plan.person,
        "outcomes": views,
        "supports": supports,
        "smart_count": sum(1 for v in views if v.check.smart),
        "risks": list(plan.conversation.risks.all()),
        "contingency": plan.contingency,
        "has_contingency": plan.has_contingency,
        "money": budget_check(plan),
        "versions": plan_versions(plan),
        "agreement_problems": agreement_problems(plan, len(outcomes)),
        "option_warnings": options_differing_from_choice(plan, supports),
    }


def options_differing_from_choice(
    plan: SupportPlan, supports: list[Support]
) -> list[str]:
    """The plan's supports under an option the person did not choose for any
    element of their support, by their latest recorded choice (one query)."""
    elements = ElementChoice.objects.filter(
        choice=SupportChoice.objects.filter(person=plan.person_id).values("pk")[:1]
    )
    labels = dict(ElementChoice.Element.choices)
    chosen = {str(labels.get(e.element, e.element)): e.option for e in elements}
    return rules.options_differing_from_choice(
        ((s.what, s.option) for s in supports), chosen
    )


def agreement_blockers_from_later_stages(
    plan: SupportPlan,
) -> list[str | AgreementBlocker]:
    """What later stages say stops this plan being agreed (empty when nothing): the
    checks contributed to PLAN_AGREEMENT_CHECKS, such as the resource panel's, each
    a sentence or an AgreementBlocker that also says what to do."""
    checks = contributions(PLAN_AGREEMENT_CHECKS)
    return [problem for check in checks if (problem := check(plan))]


def agreement_problems(
    plan: SupportPlan, outcome_count: int
) -> list[str | AgreementBlocker]:
    """What stops this draft being agreed now: the plan's own rules and any a later
    stage registers (the resource panel); empty for plans already agreed."""
    if not plan.is_draft:
        return []
    problems = rules.agreement_problems(
        outcome_count=outcome_count,
        contingency=plan.has_contingency,
        state=plan.state,
    )
    return [*problems, *agreement_blockers_from_later_stages(plan)]


def plan_versions(plan: SupportPlan) -> list[SupportPlan]:
    """Every version of the person's plans, newest first (one query)."""
    return list(plan.person.support_plans.order_by("-created_at", "-id"))


@dataclass(frozen=True)
class PlanSummary:
    """The person page's view of their current plan."""

    plan: SupportPlan | None
    outcome_count: int
    smart_count: int
    has_contingency: bool
    draft: SupportPlan | None


def plan_reads(person: Person) -> dict[str, QuerySet[Any]]:
    """The person's plans not replaced, newest first, and their outcomes (not yet
    evaluated: the person page reads them with its other sections')."""
    plans = person.support_plans.exclude(state=SupportPlan.State.REPLACED)
    return {
        "plans": plans.order_by("-created_at", "-id"),
        "outcomes": PlanOutcome.objects.filter(plan__in=plans.values("pk")),
    }


def plan_summary(
    person: Person, reads: dict[str, QuerySet[Any]] | None = None
) -> PlanSummary:
    """The plan in force (the agreed one, else the latest draft), how many of its
    outcomes are SMART, whether it has contingency, and any draft in progress."""
    reads = reads or plan_reads(person)
    plans = list(reads["plans"])
    attach(plans, "outcomes", reads["outcomes"], "plan")
    agreed = next((p for p in plans if p.state == SupportPlan.State.AGREED), None)
    draft = next((p for p in plans if p.state == SupportPlan.State.DRAFT), None)
    current = agreed or draft
    if current is None:
        return PlanSummary(None, 0, 0, False, None)
    outcomes = list(current.outcomes.all())
    return PlanSummary(
        plan=current,
        outcome_count=len(outcomes),
        smart_count=sum(1 for o in outcomes if smart_check(o).smart),
        has_contingency=current.has_contingency,
        draft=draft if draft is not current else None,
    )


def agreed_conversations(person: Person) -> QuerySet[Conversation]:
    """The person's agreed conversations, newest first: what a plan can be built from."""
    return person.conversations.filter(state=Conversation.State.AGREED).order_by(
        "-agreed_on", "-id"
    )


def budgets_of(person: Person) -> QuerySet[IndicativeBudget]:
    """The person's indicative budgets, newest first."""
    return person.indicative_budgets.own_support().order_by("-worked_out_on", "-id")


def provider_choices() -> QuerySet[Provider]:
    """Providers on the register, by name, for choosing who provides a support."""
    return register.providers_by_name()


def community_service_choices() -> QuerySet[Service]:
    """Active community services in the directory, by name."""
    return Service.objects.filter(status="active").order_by("name")


def smart_preview(form: Any) -> smart.SmartCheck | None:
    """The SMART check of what was typed in an outcome form (shown beside it)."""
    data = getattr(form, "cleaned_data", None) or {}
    words = data.get("words") or str(form.data.get("words", ""))
    if not words.strip():
        return None
    return smart.check_smart(
        words=words,
        how_we_will_know=data.get("how_we_will_know")
        or str(form.data.get("how_we_will_know", "")),
        target_date=data.get("target_date"),
        agreed_achievable=data.get("achievable") == "yes",
        written_on=timezone.localdate(),
    )


def community_resources_in_plans(
    start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Support]:
    """Directory services named as community resources in plans started in the
    period (either end open), for the signposting report."""
    rows = Support.objects.filter(service__isnull=False, provided_by="community")
    if start:
        rows = rows.filter(plan__started_on__gte=start)
    if end:
        rows = rows.filter(plan__started_on__lte=end)
    return rows

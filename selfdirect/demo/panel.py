"""Demo resource panel requests and decisions for `selfdirect seed`.

Every budget above its setter's delegated limit goes to a weekly panel. Most are
approved (some with changes), some deferred for more information (about half of
those come back), a few declined; people are mostly told the decision, and some
are still waiting. As the inspectors found, many people were not invited to
contribute to the panel.
"""

import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

from django.db.models import Min, Sum
from django.db.models.functions import Coalesce

from selfdirect.accounts.models import User
from selfdirect.budgets.models import IndicativeBudget
from selfdirect.budgets.selectors import delegated_limit
from selfdirect.conversations.models import Conversation
from selfdirect.demo.bulk import copy_to_history, insert, new
from selfdirect.panel import rules
from selfdirect.panel.models import PanelDecision, PanelMeeting, PanelSubmission
from selfdirect.people.models import Allocation
from selfdirect.plans.models import SupportPlan

DAY = datetime.timedelta(days=1)
THURSDAY = 3
OUTCOMES = {"approved": 55, "approved_with_changes": 20, "deferred": 17, "declined": 8}
SECOND_OUTCOMES = {"approved": 70, "approved_with_changes": 20, "declined": 10}
CONTRIBUTION = {
    "not_invited": 30,
    "through_worker": 25,
    "written": 15,
    "attended": 15,
    "representative_attended": 8,
    "declined": 7,
}
WORDS = [
    "I want to stay in my own home and get out to the shops and the church on Sundays.",
    "I'd like help in the mornings so my wife can get some sleep.",
    "I want a PA who can take me to the football and to see my pals.",
    "I want to go back to the day centre two days a week, I miss the company.",
    "I don't want to go into a home. I need someone at night when it's bad.",
    "Mum wants to keep caring for me but she needs a break every few weeks.",
]
REASONS = {
    "approved": [
        "The plan meets the person's outcomes of staying at home safely, and the cost is in line with the assessed need.",
        "The support asked for is what the assessment shows is needed, and the person's own plan makes good use of community support.",
    ],
    "approved_with_changes": [
        "The panel agreed the day-time support but not the second overnight: the assessment shows one night a week of short breaks meets the carer's need.",
        "The panel agreed a lower amount because the community group the person chose is free; the rest of the plan is agreed.",
    ],
    "deferred": [
        "The panel needs the occupational therapy assessment of moving and handling before it can decide how many carers are needed.",
        "The panel asks for the carer's own views (an adult carer support plan) before deciding on short breaks.",
        "The plan has no contingency arrangements: the panel asks what happens if the personal assistant cannot come.",
    ],
    "declined": [
        "The assessment does not show a need for 24-hour support; the panel suggests the worker and person look at telecare and a night-time check instead.",
        "Most of what is asked for is health care, which the NHS provides; the worker will refer to the district nursing team.",
    ],
}
CONDITIONS = [
    "Review in three months to check the support is working.",
    "A monitoring return every quarter, as for all direct payments.",
    "",
]
PRESENT = (
    "Head of Adult Social Work (chair); Finance Business Partner; Senior "
    "Practitioner; the person's worker"
)


class PanelMaker:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"panel-{seed}")
        self.today = today

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def weighted(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), list(weights.values()))[0]


def _thursday_on_or_after(day: datetime.date) -> datetime.date:
    return day + (THURSDAY - day.weekday()) % 7 * DAY


def _latest_panel_budgets() -> list[dict[str, Any]]:
    rows = (
        IndicativeBudget.objects.filter(authority="panel")
        .order_by("person_id", "-worked_out_on", "-id")
        .values("pk", "person_id", "amount", "worked_out_on", "recorded_by_id")
    )
    seen: dict[int, Any] = {}
    for row in rows.iterator(chunk_size=5000):
        seen.setdefault(row["person_id"], row)
    return list(seen.values())


def _by_person(queryset: Any, value: str) -> dict[int, Any]:
    return dict(queryset.values_list("person_id", value))


def seed_panel(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Send budgets above delegated limits to a weekly resource panel."""
    maker = PanelMaker(seed, today)
    budgets = _latest_panel_budgets()
    deciders = list(User.objects.filter(role="panel_member").order_by("pk")) or list(
        User.objects.filter(role="team_manager").order_by("pk")
    )
    if not budgets or not deciders:
        return Counter()
    assessed = _by_person(
        Conversation.objects.values("person_id").annotate(
            first=Min("conversation_date")
        ),
        "first",
    )
    plans = _by_person(SupportPlan.objects.order_by("person_id", "created_at"), "pk")
    costs = dict(
        SupportPlan.objects.annotate(cost=Sum("supports__yearly_cost")).values_list(
            "pk", "cost"
        )
    )
    teams = _by_person(
        Allocation.objects.current(today).order_by("started_on"), "team_id"
    )
    start = _thursday_on_or_after(min(b["worked_out_on"] for b in budgets))
    meetings = []
    day = start
    while day <= today + 21 * DAY:
        meetings.append(
            new(
                PanelMeeting,
                public_id=maker.uuid(),
                meets_on=day,
                place="Council Offices, Committee Room 2, or by video call",
                created_by=deciders[0],
            )
        )
        day += 7 * DAY
    meetings = insert(PanelMeeting, meetings)
    by_date = {m.meets_on: m for m in meetings}
    submissions, decisions = [], []
    for budget in budgets:
        plan = plans.get(budget["person_id"])
        asked = costs.get(plan) if plan else None
        made = _submission(
            maker, budget, assessed, (plan, asked), teams, by_date, deciders
        )
        if made:
            submissions.append(made[0])
            decisions.append(made[1])
    submissions = insert(PanelSubmission, submissions)
    rows = [d for s, ds in zip(submissions, decisions, strict=True) for d in ds]
    for decision in rows:
        decision.submission_id = decision.submission.pk
    rows = insert(PanelDecision, rows)
    # A past week with nothing to decide had no meeting; coming ones are kept.
    used = {s.meeting_id for s in submissions} | {d.meeting_id for d in rows}
    unused = {m.pk for m in meetings if m.pk not in used and m.meets_on <= today}
    PanelMeeting.objects.filter(pk__in=unused).delete()
    meetings = [m for m in meetings if m.pk not in unused]
    _agreement_follows_funding(submissions, rows, today, now)
    history = sum(
        copy_to_history(model, [o.pk for o in objs], now)
        for model, objs in (
            (PanelMeeting, meetings),
            (PanelSubmission, submissions),
            (PanelDecision, rows),
        )
    )
    return Counter(
        {
            "panel meetings": len(meetings),
            "panel submissions": len(submissions),
            "panel decisions": len(rows),
            "history rows": history,
        }
    )


def _submission(
    maker: PanelMaker,
    budget: dict[str, Any],
    assessed: dict[int, datetime.date],
    plan: tuple[int | None, Decimal | None],
    teams: dict[int, int],
    meetings: dict[datetime.date, PanelMeeting],
    deciders: list[User],
) -> tuple[PanelSubmission, list[PanelDecision]] | None:
    """A request for the person's plan asks for what the plan costs (the rule the
    submission form applies); without a plan, for the budget or a little more."""
    rng, today = maker.rng, maker.today
    submitted = budget["worked_out_on"] + rng.randint(2, 21) * DAY
    if submitted > today:
        return None
    person = budget["person_id"]
    plan_id, plan_cost = plan
    asked = budget["amount"]
    if rng.random() < 0.2:
        asked = (asked * Decimal("1.1")).quantize(Decimal("0.01"))
    if plan_cost:
        asked = plan_cost
    submission = new(
        PanelSubmission,
        public_id=maker.uuid(),
        person_id=person,
        team_id=teams.get(person),
        support_plan_id=plan_id,
        indicative_budget_id=budget["pk"],
        amount_requested=asked,
        persons_words=rng.choice(WORDS),
        contribution=maker.weighted(CONTRIBUTION),
        assessed_on=min(assessed.get(person, budget["worked_out_on"]), submitted),
        state="submitted",
        submitted_on=submitted,
        submitted_by_id=budget["recorded_by_id"],
    )
    decisions: list[PanelDecision] = []
    _go_to_panel(
        maker, submission, submitted, meetings, deciders, decisions, first=True
    )
    return submission, decisions


def _go_to_panel(
    maker: PanelMaker,
    submission: PanelSubmission,
    sent_on: datetime.date,
    meetings: dict[datetime.date, PanelMeeting],
    deciders: list[User],
    decisions: list[PanelDecision],
    *,
    first: bool,
) -> None:
    rng, today = maker.rng, maker.today
    meeting = meetings.get(_thursday_on_or_after(sent_on + 3 * DAY))
    backlog = sent_on > today - 28 * DAY and rng.random() < 0.5
    if meeting is None or backlog or (meeting.meets_on > today and rng.random() < 0.4):
        return  # submitted, not yet listed
    submission.meeting = meeting
    submission.state = "listed"
    if meeting.meets_on > today:
        return
    outcome = maker.weighted(OUTCOMES if first else SECOND_OUTCOMES)
    decided = meeting.meets_on
    amount = None
    if outcome == "approved":
        amount = submission.amount_requested
    elif outcome == "approved_with_changes":
        amount = (submission.amount_requested * Decimal("0.9")).quantize(
            Decimal("0.01")
        )
    told = decided + rng.randint(0, 10) * DAY
    told_recorded = rng.random() < 0.85 and told <= today
    decisions.append(
        new(
            PanelDecision,
            public_id=maker.uuid(),
            submission=submission,
            person_id=submission.person_id,
            meeting=meeting,
            outcome=outcome,
            reasons=rng.choice(REASONS[outcome]),
            conditions=rng.choice(CONDITIONS) if amount is not None else "",
            approved_amount=amount,
            decided_on=decided,
            decided_by=rng.choice(deciders),
            present=PRESENT,
            told_on=told if told_recorded else None,
            told_how=rng.choice(["letter", "phone", "in_person", "email"])
            if told_recorded
            else "",
        )
    )
    submission.outcome = outcome
    submission.decided_on = decided
    submission.state = "deferred" if outcome == "deferred" else "decided"
    if amount is not None:
        started = decided + rng.randint(7, 75) * DAY
        if rng.random() < 0.75 and started <= today:
            submission.service_started_on = started
    if outcome == "deferred" and first and rng.random() < 0.55:
        again = decided + rng.randint(10, 35) * DAY
        if again <= today:
            submission.resubmitted_on = again
            submission.state = "submitted"
            submission.meeting = None
            _go_to_panel(
                maker, submission, again, meetings, deciders, decisions, first=False
            )


def _agreement_follows_funding(
    submissions: list[PanelSubmission],
    decisions: list[PanelDecision],
    today: datetime.date,
    now: datetime.datetime,
) -> None:
    """A plan that needs the panel (rules.needs_panel_approval, as the agreement
    form checks) is agreed only after the panel approved at least its cost: move
    the demo plan's agreement after the approval, or back to a draft."""
    amounts: dict[int, Decimal] = {}
    for decision in decisions:
        amount = decision.approved_amount or Decimal(0)
        amounts[decision.submission_id] = max(
            amount, amounts.get(decision.submission_id, amount)
        )
    approvals: dict[int, tuple[Decimal, datetime.date]] = {}
    for submission in submissions:
        decided = submission.decided_on
        if submission.outcome not in rules.APPROVALS or decided is None:
            continue
        approved = amounts.get(submission.pk, Decimal(0))
        for key in (submission.support_plan_id, -submission.indicative_budget_id):
            if key and approved >= approvals.get(key, (Decimal(0), decided))[0]:
                approvals[key] = (approved, decided)
    plans = list(
        SupportPlan.objects.filter(state=SupportPlan.State.AGREED)
        .select_related("budget", "recorded_by")
        .annotate(cost=Coalesce(Sum("supports__yearly_cost"), Decimal(0)))
    )
    changed = []
    limits: dict[tuple[str, datetime.date], Decimal | None] = {}
    for plan in plans:
        budget = plan.budget
        cost = plan.cost or (budget.amount if budget else Decimal(0))
        if budget is not None:
            limit = budget.delegated_limit
        else:
            role_on = (plan.recorded_by.role, plan.started_on)
            if role_on not in limits:
                limits[role_on] = delegated_limit(*role_on)
            limit = limits[role_on]
        found = [
            approvals[k] for k in (plan.pk, -(plan.budget_id or 0)) if k in approvals
        ]
        best = max(found) if found else None
        approved_amount = best[0] if best else None
        if not rules.needs_panel_approval(
            cost=cost, limit=limit, approved_amount=approved_amount
        ):
            agreed_on = plan.agreed_on or today
            if best is None or agreed_on > best[1]:
                continue
            agreed = best[1] + 3 * DAY
            if agreed <= today:
                plan.review_on = (plan.review_on or agreed) + (agreed - agreed_on)
                plan.agreed_on = agreed
                changed.append(plan)
                continue
        plan.state = SupportPlan.State.DRAFT
        plan.agreed_on = plan.review_on = None
        plan.agreed_by = plan.agreed_by_role = plan.agreed_how = ""
        changed.append(plan)
    fields = ["state", "agreed_on", "review_on", "agreed_by", "agreed_by_role"]
    fields.append("agreed_how")
    SupportPlan.objects.bulk_update(changed, fields, batch_size=1000)
    # The seeded history row must say the same as the plan.
    ids = [plan.pk for plan in changed]
    history = SupportPlan.history.model  # type: ignore[attr-defined]
    for start in range(0, len(ids), 1000):
        history.objects.filter(id__in=ids[start : start + 1000]).delete()
    copy_to_history(SupportPlan, ids, now)


def delete_panel(person_ids: list[int]) -> None:
    """Remove demo panel records (and their history) for these people; meetings
    left with nothing on them go too."""
    for queryset in (
        PanelDecision.history.filter(person_id__in=person_ids),
        PanelDecision.objects.filter(person_id__in=person_ids),
        PanelSubmission.history.filter(person_id__in=person_ids),
        PanelSubmission.objects.filter(person_id__in=person_ids),
    ):
        queryset._raw_delete(queryset.db)
    empty = list(
        PanelMeeting.objects.filter(
            agenda__isnull=True, decisions__isnull=True
        ).values_list("pk", flat=True)
    )
    for queryset in (
        PanelMeeting.history.filter(id__in=empty),
        PanelMeeting.objects.filter(pk__in=empty),
    ):
        queryset._raw_delete(queryset.db)

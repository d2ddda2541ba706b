"""Reads for the panel pages, the waiting list, the person page and plan agreement."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Purpose
from selfdirect.budgets.selectors import delegated_limit
from selfdirect.core.batched import attach
from selfdirect.people.models import Person

from . import rules
from .hook_points import services_starting
from .models import (
    APPROVALS,
    MAY_BE_WAITING,
    PanelDecision,
    PanelMeeting,
    PanelSubmission,
    waiting_since,
)

AWAITING, DEFERRED, NOT_STARTED = "awaiting", "deferred", "not_started"


def _delivery_started() -> Q:
    """Whether a delivery record for the person starts on or after the decision
    (one EXISTS per source later stages contribute to SERVICE_STARTS)."""
    started = Q()
    for starts in services_starting(OuterRef("person"), OuterRef("decided_on")):
        started |= Q(Exists(starts))
    return started


def _category_filters() -> dict[str, Q]:
    not_started = (
        Q(state="decided", outcome__in=APPROVALS, service_started_on__isnull=True)
        & ~_delivery_started()
    )
    return {
        AWAITING: Q(state__in=["submitted", "listed"]),
        DEFERRED: Q(state="deferred"),
        NOT_STARTED: not_started,
    }


def waiting_candidates(submissions: QuerySet[PanelSubmission]) -> QuerySet[Any]:
    """The submissions that may be waiting (`models.MAY_BE_WAITING`, which the
    partial index `submission_waiting` holds), with `waiting_since`. Filtering on
    the index's own condition lets the database read only these and, for the
    list, read them in the order of the wait; whether delivery has started is
    then checked on these alone."""
    return submissions.filter(MAY_BE_WAITING).annotate(waiting_since=waiting_since())


def waiting_list(
    submissions: QuerySet[PanelSubmission],
    *,
    category: str = "",
    team: int | None = None,
    locality: int | None = None,
) -> QuerySet[PanelSubmission]:
    """Who is waiting, longest first: for the panel (submitted, not decided), after
    a deferral, or for an approved service to start; with the date the wait began."""
    filters = _category_filters()
    chosen = filters.get(category) or (
        filters[AWAITING] | filters[DEFERRED] | filters[NOT_STARTED]
    )
    rows = waiting_candidates(submissions).filter(chosen)
    if team:
        rows = rows.filter(team_id=team)
    if locality:
        rows = rows.filter(team__locality_id=locality)
    return rows.select_related("person", "team", "team__locality").order_by(
        "waiting_since", "id"
    )


@dataclass(frozen=True)
class WaitingCount:
    category: str
    label: str
    count: int
    longest_since: datetime.date | None


def waiting_counts(submissions: QuerySet[PanelSubmission]) -> list[WaitingCount]:
    """How many wait in each category, and since when the longest has waited (one
    query: each candidate is put in its category once, so whether its service
    has started is asked once, and the categories are grouped)."""
    filters = _category_filters()
    category = Case(
        *(When(q, then=Value(c)) for c, q in filters.items()),
        default=Value(""),
        output_field=CharField(),
    )
    grouped = (
        waiting_candidates(submissions)
        .annotate(category=category)
        .values("category")
        .annotate(n=Count("pk"), since=Min("waiting_since"))
        .order_by()
    )
    figures = {g["category"]: (g["n"], g["since"]) for g in grouped}
    labels = {
        AWAITING: _("Waiting for the panel"),
        DEFERRED: _("Deferred for more information"),
        NOT_STARTED: _("Approved, service not started"),
    }
    return [WaitingCount(c, labels[c], *figures.get(c, (0, None))) for c in filters]


def days_between(start: datetime.date | None, end: datetime.date) -> int | None:
    """Whole days from one date to another (for display)."""
    return (end - start).days if start else None


# The panel list puts what needs the panel first: requests on an agenda, then
# those waiting to be listed, then deferrals waiting to come back, decided last.
STATE_ORDER = {
    rules.LISTED: 0,
    rules.SUBMITTED: 1,
    rules.DEFERRED: 2,
    rules.DECIDED: 3,
}


def submissions_for_panel(user: User, *, state: str = "") -> QuerySet[PanelSubmission]:
    """Submissions the user may see on the panel list: what needs deciding first
    (listed, then waiting to be listed, each longest waiting first), then deferred
    ones, then decided ones, most recently decided first."""
    rows = PanelSubmission.objects.visible_to(user, Purpose.PANEL)
    if state:
        rows = rows.filter(state=state)
    return (
        rows.select_related("person", "team", "meeting")
        .annotate(
            needs=Case(
                *(When(state=s, then=n) for s, n in STATE_ORDER.items()),
                default=len(STATE_ORDER),
            ),
            waiting_since=Coalesce("resubmitted_on", "submitted_on"),
        )
        .order_by(
            "needs",
            F("meeting__meets_on").asc(nulls_last=True),
            Case(
                When(state=rules.DECIDED, then=None),
                default=F("waiting_since"),
                output_field=DateField(),
            ),
            F("decided_on").desc(nulls_last=True),
            "id",
        )
    )


def meetings_with_counts() -> QuerySet[PanelMeeting]:
    """Panel meetings, newest first, with how many requests are on each agenda, how
    many the panel decided there, and how many it deferred for more information (a
    deferral is not a decision: the request comes back)."""
    deferred = Q(decisions__outcome=rules.DEFERRAL)
    return PanelMeeting.objects.annotate(
        listed=Count("agenda", distinct=True),
        decided=Count("decisions", distinct=True, filter=~deferred),
        deferred=Count("decisions", distinct=True, filter=deferred),
    ).order_by("-meets_on", "-id")


def plan_summary(submission: PanelSubmission) -> dict[str, Any]:
    """What the panel sees of the plan: its outcomes, supports and costs only."""
    plan = submission.support_plan
    if plan is None:
        return {"plan": None}
    from selfdirect.plans.selectors import plan_total_cost

    return {
        "plan": plan,
        "outcomes": list(plan.outcomes.all()),
        "supports": list(plan.supports.all()),
        "total_cost": plan_total_cost(plan),
    }


def amount_to_ask(plan: Any, budget: Any) -> Decimal | None:
    """The yearly amount a new request asks for: the plan's cost, or without a
    costed plan the budget's amount."""
    from selfdirect.plans.selectors import plan_total_cost

    cost = plan_total_cost(plan) if plan is not None else None
    return cost or (budget.amount if budget is not None else None)


def panel_reads(person: Person) -> dict[str, QuerySet[Any]]:
    """A person's submissions and their decisions, not yet evaluated."""
    return {
        "submissions": person.panel_submissions.select_related("meeting"),
        "decisions": PanelDecision.objects.filter(submission__person=person),
    }


def person_panel_records(
    person: Person, reads: dict[str, QuerySet[Any]] | None = None
) -> list[PanelSubmission]:
    """A person's submissions with their decisions (for the person page)."""
    reads = reads or panel_reads(person)
    submissions = list(reads["submissions"])
    attach(submissions, "decisions", reads["decisions"], "submission")
    return submissions


def _approved_amount(plan: Any) -> Decimal | None:
    wanted = Q(support_plan=plan)
    if plan.budget_id:
        wanted |= Q(indicative_budget_id=plan.budget_id)
    submissions = PanelSubmission.objects.filter(wanted)
    return PanelDecision.objects.filter(
        submission__in=submissions, outcome__in=APPROVALS
    ).aggregate(top=Max("approved_amount"))["top"]


def waiting_for_panel(plan: Any) -> bool:
    """Whether a request for this plan is with the panel, not yet decided."""
    return bool(
        PanelSubmission.objects.filter(
            support_plan=plan, state__in=["draft", "submitted", "listed", "deferred"]
        ).exists()
    )


def plan_agreement_blocker(plan: Any) -> str | None:
    """What stops a plan being agreed for want of panel approval, or None: a plan
    whose cost (or budget) is above the delegated limit of whoever set its budget
    needs the panel to have approved at least that cost."""
    from selfdirect.plans.selectors import plan_total_cost

    budget = plan.budget
    cost = plan_total_cost(plan) or (budget.amount if budget else Decimal(0))
    if budget is not None:
        # The limit in force for the setter when the budget was set, kept with it.
        setter = budget.recorded_by
        limit = budget.delegated_limit
    else:
        setter = plan.recorded_by
        limit = delegated_limit(setter.role, plan.started_on)
    approved = _approved_amount(plan)
    if not rules.needs_panel_approval(cost=cost, limit=limit, approved_amount=approved):
        return None
    if approved is not None:
        return _(
            "The resource panel approved £%(approved)s a year, less than this plan's "
            "cost of £%(cost)s. Change the plan, or ask the panel again."
        ) % {"approved": f"{approved:,.2f}", "cost": f"{cost:,.2f}"}
    return _(
        "This plan costs £%(cost)s a year, more than the £%(limit)s %(name)s can "
        "agree on their own authority. The resource panel must approve it before it "
        "can be agreed."
    ) % {
        "cost": f"{cost:,.2f}",
        "limit": f"{limit or 0:,.2f}",
        "name": setter.display_name,
    }


def visible_submissions(user: User) -> QuerySet[PanelSubmission]:
    """Submissions the user may see on the panel pages (for the waiting list)."""
    return PanelSubmission.objects.visible_to(user, Purpose.PANEL)


def meeting(public_id: str) -> PanelMeeting | None:
    """A panel meeting by its public id (meetings hold no personal data)."""
    return PanelMeeting.objects.filter(public_id=public_id).first()


def meetings_from(day: datetime.date) -> QuerySet[PanelMeeting]:
    """Meetings on or after a day, soonest first."""
    return PanelMeeting.objects.filter(meets_on__gte=day).order_by("meets_on")


AGENDA_LIMIT = 200


def agenda(user: User, meeting: PanelMeeting) -> list[PanelSubmission]:
    """The requests listed or decided at a meeting that the user may see."""
    return list(
        PanelSubmission.objects.visible_to(user, Purpose.PANEL)
        .filter(Q(meeting=meeting) | Q(decisions__meeting=meeting))
        .distinct()
        .select_related("person", "team")
        .order_by("id")[:AGENDA_LIMIT]
    )


def delivery_start(submission: PanelSubmission) -> datetime.date | None:
    """The first delivery record (direct payment, individual service fund or
    arranged service) for the person starting on or after an approval."""
    if not submission.approved or submission.decided_on is None:
        return None
    starts = [
        qs.aggregate(first=Min("starts_on"))["first"]
        for qs in services_starting(submission.person_id, submission.decided_on)
    ]
    return min((s for s in starts if s), default=None)

"""Set-based forms of the rules from the support plan to review (reader/later.py):
plan_smart, plan_contingency, person_told_decision, review_on_time,
outcomes_evaluated, poor_outcomes_explained and the extra reading
informal_supports_in_plan. Each gives, for every person at once, the answer the
per-file rule gives for their case file (see setbased/__init__.py).

plan_smart reads the SMART flags the plans services store on each outcome when it
is written (PlanOutcome.set_smart_flags, the same smart.check_smart the per-file
rule runs on the words). Text is "given" when it holds something other than
white space, as the per-file rules' `strip()`.
"""

import datetime
from typing import Any

from django.db.models import (
    Case,
    CharField,
    DateField,
    Exists,
    Expression,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from selfdirect.panel.models import PanelDecision
from selfdirect.plans.models import (
    CONTINGENCY_FIELDS,
    PlanOutcome,
    Support,
    SupportPlan,
)
from selfdirect.reviews.models import OutcomeAttainment, Review

from ..reader.file import NO, NOT_APPLICABLE, PARTLY, YES
from ..reader.later import INFORMAL, poor_levels
from . import SetRule, records


def _on_current_plan(answer: Expression, as_of: datetime.date) -> Expression:
    """`answer` worked out on the person's current plan as at as_of (OuterRef("pk")
    is the plan there), or not_applicable when there is no plan."""
    chosen = (
        records.current_plans(as_at=as_of).annotate(answer=answer).values("answer")[:1]
    )
    return Coalesce(
        Subquery(chosen, output_field=CharField()),
        Value(NOT_APPLICABLE),
        output_field=CharField(),
    )


SMART = Q(
    smart_specific=True,
    smart_measurable=True,
    smart_time_bound=True,
    smart_achievable=True,
)


def plan_smart(as_of: datetime.date) -> Expression:
    """All, some or none of the current plan's outcomes SMART (stored flags); no
    outcomes is no."""
    outcomes = PlanOutcome.objects.filter(plan=OuterRef("pk"))
    return _on_current_plan(
        records.answer(
            When(~Exists(outcomes), then=Value(NO)),
            When(~Exists(outcomes.exclude(SMART)), then=Value(YES)),
            When(Exists(outcomes.filter(SMART)), then=Value(PARTLY)),
            default=NO,
        ),
        as_of,
    )


def plan_contingency(as_of: datetime.date) -> Expression:
    """The current plan answers at least one contingency question."""
    answered = Q()
    for name in CONTINGENCY_FIELDS:
        answered |= records.filled(name)
    return _on_current_plan(
        records.answer(When(answered, then=Value(YES)), default=NO), as_of
    )


def informal_supports_in_plan(as_of: datetime.date) -> Expression:
    """The current plan has a support from the person, family or friends, or a
    community resource."""
    informal = Support.objects.filter(
        plan=OuterRef("pk"), provided_by__in=list(INFORMAL)
    )
    return _on_current_plan(
        records.answer(When(Exists(informal), then=Value(YES)), default=NO), as_of
    )


def person_told_decision(as_of: datetime.date) -> Expression:
    """Every panel decision but a deferral has reasons, and a day (not before the
    decision) and way the person was told."""
    decisions = PanelDecision.objects.filter(submission__person=OuterRef("pk")).exclude(
        outcome="deferred"
    )
    untold = decisions.filter(
        ~records.filled("reasons")
        | ~records.filled("told_how")
        | Q(told_on__isnull=True)
        | Q(told_on__lt=F("decided_on"))
    )
    return records.answer(
        When(~Exists(decisions), then=Value(NOT_APPLICABLE)),
        When(Exists(untold), then=Value(NO)),
        default=YES,
    )


# A review is done on the day it was agreed (an agreed review), else the day it
# was held; a review with neither is not done (reader/later._done_on).
def _done_on() -> Case:
    return Case(
        When(
            state=Review.State.AGREED,
            agreed_on__isnull=False,
            then=F("agreed_on"),
        ),
        default=F("held_on"),
        output_field=DateField(),
    )


def _done_reviews() -> Any:
    return Review.objects.alias(done_on=_done_on()).filter(done_on__isnull=False)


def _before() -> Q:
    """Done before the outer review in the order the per-file rule takes them: by
    the day done, then as the file lists them (started_on, id)."""
    done, started, pk = (
        OuterRef("done_on"),
        OuterRef("started_on"),
        OuterRef("pk"),
    )
    return (
        Q(done_on__lt=done)
        | Q(done_on=done, started_on__lt=started)
        | Q(done_on=done, started_on=started, pk__lt=pk)
    )


def review_on_time(as_of: datetime.date) -> Expression:
    """Each agreed or replaced plan's reviews were done by their due dates, and no
    review due before as_of (of a plan not replaced) is missing (reader/later.
    review_on_time, with reviews rule `was_on_time`)."""
    plans = (
        records.plans_at(as_at=as_of)
        .filter(review_on__isnull=False)
        .exclude(state_at=SupportPlan.State.DRAFT)
    )
    own = _done_reviews().filter(person=OuterRef("person"), plan=OuterRef("pk"))
    # Judged: a plan with a review done, or an agreed plan whose review date has
    # passed. Late: an agreed plan past its date with no review done ...
    judged = plans.filter(
        Exists(own) | Q(state_at=SupportPlan.State.AGREED, review_on__lt=as_of)
    )
    missing = plans.filter(
        ~Exists(own), state_at=SupportPlan.State.AGREED, review_on__lt=as_of
    )
    # ... a review done after the date it was due (the due date kept on it, else
    # the one before's next review date, else the plan's review date) ...
    earlier = _done_reviews().filter(person=OuterRef("person"), plan=OuterRef("plan"))
    previous = earlier.filter(_before()).order_by("-done_on", "-started_on", "-id")
    due = Case(
        When(due_on__isnull=False, then=F("due_on")),
        When(
            Exists(previous),
            then=Subquery(previous.values("next_review_on")[:1]),
        ),
        default=F("plan__review_on"),
        output_field=DateField(),
    )
    in_file = records.plans_at(OuterRef(OuterRef("pk")), as_at=as_of).filter(
        pk=OuterRef("plan"), review_on__isnull=False
    )
    late = (
        _done_reviews()
        .filter(person=OuterRef("pk"))
        .filter(Exists(in_file.exclude(state_at=SupportPlan.State.DRAFT)))
        .alias(due=due)
        .filter(due__isnull=False, done_on__gt=F("due"))
    )
    # ... or an agreed plan whose last review's next review date has passed.
    last = (
        _done_reviews()
        .filter(person=OuterRef("person"), plan=OuterRef("pk"))
        .order_by("-done_on", "-started_on", "-id")
        .values("next_review_on")[:1]
    )
    overdue = (
        plans.filter(state_at=SupportPlan.State.AGREED)
        .alias(next_due=Subquery(last, output_field=DateField()))
        .filter(next_due__lt=as_of)
    )
    return records.answer(
        When(~Exists(judged), then=Value(NOT_APPLICABLE)),
        When(Exists(missing) | Exists(late) | Exists(overdue), then=Value(NO)),
        default=YES,
    )


def _latest_review() -> Any:
    """The person's latest review done: by the day done, the first in the file's
    order on a tie (Python's max)."""
    return (
        _done_reviews()
        .filter(person=OuterRef("pk"))
        .order_by("-done_on", "started_on", "id")
    )


def outcomes_evaluated(as_of: datetime.date) -> Expression:
    """At the latest review done, all, some or none of the reviewed plan's outcomes
    have a point on the scale."""
    outcomes = PlanOutcome.objects.filter(
        plan=OuterRef("plan"),
        plan__person=OuterRef("person"),
        plan__started_on__lte=as_of,
    )
    levelled = OutcomeAttainment.objects.filter(
        review=OuterRef(OuterRef("pk")),
        plan_outcome=OuterRef("pk"),
        level__isnull=False,
    )
    answer = records.answer(
        When(~Exists(outcomes), then=Value(NOT_APPLICABLE)),
        When(~Exists(outcomes.filter(~Exists(levelled))), then=Value(YES)),
        When(Exists(outcomes.filter(Exists(levelled))), then=Value(PARTLY)),
        default=NO,
    )
    chosen = _latest_review().annotate(answer=answer).values("answer")[:1]
    return Coalesce(
        Subquery(chosen, output_field=CharField()),
        Value(NOT_APPLICABLE),
        output_field=CharField(),
    )


def poor_outcomes_explained(as_of: datetime.date) -> Expression:
    """Every outcome partly or not met at a review done has a coded reason and a
    narrative, and its review says what happens next."""
    done = Q(review__state=Review.State.AGREED, review__agreed_on__isnull=False) | Q(
        review__held_on__isnull=False
    )
    poor = OutcomeAttainment.objects.filter(
        done, review__person=OuterRef("pk"), level__code__in=sorted(poor_levels())
    )
    coded = OutcomeAttainment.reasons.through.objects.filter(
        outcomeattainment=OuterRef("pk")
    )
    unexplained = poor.exclude(
        Exists(coded)
        & records.filled("reason_narrative")
        & records.filled("review__next_step")
    )
    return records.answer(
        When(~Exists(poor), then=Value(NOT_APPLICABLE)),
        When(Exists(unexplained), then=Value(NO)),
        default=YES,
    )


RULES: dict[str, SetRule] = {
    rule.__name__: rule
    for rule in (
        plan_smart,
        plan_contingency,
        person_told_decision,
        review_on_time,
        outcomes_evaluated,
        poor_outcomes_explained,
        informal_supports_in_plan,
    )
}

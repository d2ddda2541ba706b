"""The worked example of docs/reviews.md ("The outcomes report"), built by hand.

Ann, Bob and Cat have agreed reviews in the financial year 2026/27; Dan's review
is still a draft and Eve's was agreed before the year began, so neither counts."""

import datetime
from dataclasses import dataclass
from typing import Any

from selfdirect.accounts.models import Team
from selfdirect.accounts.tests.factories import (
    LocalityFactory,
    TeamFactory,
    UserFactory,
)
from selfdirect.conversations.models import OutcomeDomain
from selfdirect.conversations.tests.factories import OutcomeFactory
from selfdirect.people.models import Person, ServiceGroup
from selfdirect.people.tests.factories import AllocationFactory, PersonFactory
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.tests.factories import (
    PlanOutcomeFactory,
    SupportFactory,
    SupportPlanFactory,
)
from selfdirect.reviews.models import (
    AttainmentLevel,
    OutcomeAttainment,
    PoorOutcomeReason,
    Review,
    SupportReview,
)

START, END = datetime.date(2026, 4, 1), datetime.date(2027, 3, 31)
D = datetime.date


@dataclass
class Example:
    ann: Person
    bob: Person
    cat: Person
    dan: Person
    eve: Person
    team_a: Team
    team_b: Team
    manager_a: Any


def _person(first: str, group: str, locality: Any) -> Person:
    person = PersonFactory.create(
        first_name=first, last_name="Example", locality=locality
    )
    person.service_groups.set(ServiceGroup.objects.filter(code=group))
    return person


def _plan(person: Person, outcomes: list[tuple[str, list[str], int | None]]) -> Any:
    """An agreed plan whose outcomes come from the conversation, each coded to its
    domains and served by one support under its option (None: community)."""
    plan = SupportPlanFactory.create(
        person=person,
        conversation__person=person,
        state=SupportPlan.State.AGREED,
        agreed_on=D(2026, 1, 15),
    )
    made = []
    for words, domains, option in outcomes:
        personal = OutcomeFactory.create(conversation=plan.conversation, words=words)
        personal.domains.set(OutcomeDomain.objects.filter(code__in=domains))
        outcome = PlanOutcomeFactory.create(
            plan=plan, personal_outcome=personal, words=words
        )
        if option is None:
            SupportFactory.create(
                plan=plan,
                provided_by="community",
                option=None,
                yearly_cost=0,
                outcomes=[outcome],
            )
        else:
            SupportFactory.create(plan=plan, option=option, outcomes=[outcome])
        made.append(outcome)
    return plan, made


def _review(
    plan: Any,
    *,
    due: datetime.date,
    agreed: datetime.date | None,
    levels: list[tuple[Any, str, list[str]]],
    kind: str = Review.Kind.PLANNED,
) -> Review:
    review = Review.objects.create(
        person=plan.person,
        plan=plan,
        kind=kind,
        state=Review.State.AGREED if agreed else Review.State.DRAFT,
        started_on=due - datetime.timedelta(days=20),
        due_on=due,
        held_on=agreed,
        agreed_on=agreed,
        recorded_by=UserFactory.create(),
    )
    for outcome, level, reasons in levels:
        attainment = OutcomeAttainment.objects.create(
            review=review,
            plan_outcome=outcome,
            level=AttainmentLevel.objects.get(code=level),
            reason_narrative="Why, in words" if reasons else "",
        )
        attainment.reasons.set(PoorOutcomeReason.objects.filter(code__in=reasons))
    return review


def build(suffix: str = "") -> Example:
    clydebank, dumbarton = (
        LocalityFactory.create(name=f"Clydebank{suffix}"),
        LocalityFactory.create(name=f"Dumbarton{suffix}"),
    )
    team_a = TeamFactory.create(name=f"Team A{suffix}", locality=clydebank)
    team_b = TeamFactory.create(name=f"Team B{suffix}", locality=dumbarton)
    ann = _person("Ann", "elderly_frail", clydebank)
    bob = _person("Bob", "learning_disability", dumbarton)
    cat = _person("Cat", "elderly_frail", dumbarton)
    dan = _person("Dan", "elderly_frail", clydebank)
    eve = _person("Eve", "elderly_frail", clydebank)
    AllocationFactory.create(person=ann, team=team_a, started_on=D(2025, 1, 1))
    AllocationFactory.create(person=bob, team=team_b, started_on=D(2025, 1, 1))
    AllocationFactory.create(
        person=cat, team=team_b, started_on=D(2025, 1, 1), ended_on=D(2026, 6, 30)
    )
    AllocationFactory.create(person=cat, team=team_a, started_on=D(2026, 7, 1))

    plan, (o1, o2) = _plan(
        ann, [("O1", ["seeing_people"], 1), ("O2", ["staying_well"], 2)]
    )
    r1 = _review(
        plan,
        due=D(2026, 5, 1),
        agreed=D(2026, 4, 20),
        levels=[
            (o1, "met", []),
            (o2, "not_met", ["provider_capacity", "not_delivered"]),
        ],
    )
    s1, s2 = plan.supports.order_by("id")
    SupportReview.objects.create(
        review=r1,
        support=s1,
        feedback={"in_control": "agree", "can_change": "disagree"},
    )
    SupportReview.objects.create(
        review=r1, support=s2, feedback={"in_control": "partly"}
    )

    plan, (o3, o4) = _plan(
        bob,
        [("O3", ["seeing_people", "things_to_do"], 2), ("O4", [], None)],
    )
    r2 = _review(
        plan,
        due=D(2026, 8, 1),
        agreed=D(2026, 8, 15),
        levels=[
            (o3, "partly_met", ["provider_capacity"]),
            (o4, "no_longer_relevant", []),
        ],
    )
    SupportReview.objects.create(
        review=r2,
        support=plan.supports.order_by("id")[0],
        feedback={"in_control": "agree", "information_to_choose": "not_asked"},
    )

    plan, (o5,) = _plan(cat, [("O5", ["staying_well"], 1)])
    _review(
        plan,
        due=D(2026, 5, 10),
        agreed=D(2026, 5, 10),
        levels=[(o5, "not_met", ["circumstances_changed"])],
    )
    _review(
        plan,
        kind=Review.Kind.HOSPITAL,
        due=D(2026, 10, 20),
        agreed=D(2026, 11, 1),
        levels=[(o5, "met", [])],
    )

    plan, (o6,) = _plan(dan, [("O6", ["feeling_safe"], 3)])
    _review(plan, due=D(2026, 9, 1), agreed=None, levels=[(o6, "not_met", ["other"])])
    plan, (o7,) = _plan(eve, [("O7", ["feeling_safe"], 3)])
    _review(
        plan,
        due=D(2026, 3, 1),
        agreed=D(2026, 3, 20),
        levels=[(o7, "not_met", ["other"])],
    )
    manager_a = UserFactory.create(role="team_manager", teams=[team_a])
    return Example(ann, bob, cat, dan, eve, team_a, team_b, manager_a)

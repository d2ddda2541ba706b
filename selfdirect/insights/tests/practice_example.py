"""The practice_quality worked example in docs/indicators.md, built record by
record. Period 2025-26 (1 April 2025 to 31 March 2026)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from selfdirect.conversations.models import RiskEnablement, Strength
from selfdirect.conversations.tests.factories import ConversationFactory, OutcomeFactory
from selfdirect.people.models import Person
from selfdirect.plans.models import Support
from selfdirect.plans.tests.factories import (
    PlanOutcomeFactory,
    SupportFactory,
    SupportPlanFactory,
)

D = datetime.date


@dataclass
class PracticeExample:
    ann: Person
    bob: Person
    cat: Person
    dan: Person
    eve: Person


def _agreed(on: D | None, **fields: object):  # type: ignore[no-untyped-def]
    state = "agreed" if on else "draft"
    return ConversationFactory.create(
        conversation_date=on or D(2025, 9, 1), state=state, agreed_on=on, **fields
    )


def _plan(conversation, *, good: bool, replaces=None):  # type: ignore[no-untyped-def]
    plan = SupportPlanFactory.create(
        conversation=conversation,
        state="agreed",
        agreed_on=conversation.conversation_date,
        started_on=conversation.conversation_date,
        replaces=replaces,
        if_unwell="Her daughter phones the agency and visits continue." if good else "",
    )
    if replaces is not None:
        replaces.state = "replaced"
        replaces.save(update_fields=["state"])
    if good:
        PlanOutcomeFactory.create(plan=plan)
        SupportFactory.create(
            plan=plan,
            provided_by=Support.ProvidedBy.FAMILY,
            what="Her daughter drives her to the pool",
            yearly_cost=Decimal("0.00"),
        )
    else:
        PlanOutcomeFactory.create(
            plan=plan, words="To stay safe", how_we_will_know="", target_date=None
        )
    SupportFactory.create(plan=plan)
    return plan


def _good_conversation(conversation) -> None:  # type: ignore[no-untyped-def]
    OutcomeFactory.create(conversation=conversation)
    Strength.objects.create(
        conversation=conversation,
        kind=Strength.Kind.RELATIONSHIPS,
        description="Her neighbour Jean calls in most days",
    )
    RiskEnablement.objects.create(
        conversation=conversation,
        risk="Falls on the way to the pool",
        gain="Seeing her friends again",
        persons_view="Worth it: I'd rather be out",
        agreed_actions="Her daughter drives her; a stick on the path",
        agreed_by="Ann and her daughter",
        review_on=D(2026, 6, 1),
    )


def build() -> PracticeExample:
    # Ann: agreed 1 June 2025; every sign of good practice.
    ann = _agreed(D(2025, 6, 1))
    _good_conversation(ann)
    _plan(ann, good=True)
    # Bob: agreed 1 December 2025; an outcome written as a service, no strengths,
    # no risk identified, a plan outcome not SMART, no contingency, paid support
    # only.
    bob = _agreed(D(2025, 12, 1))
    OutcomeFactory.create(
        conversation=bob, words="Personal care twice a day", wording_kind="service"
    )
    _plan(bob, good=False)
    # Cat: as good as Ann, but agreed on 31 March 2025, before the period.
    cat = _agreed(D(2025, 3, 31))
    _good_conversation(cat)
    _plan(cat, good=True)
    # Dan: a conversation still in draft: not in the group.
    dan = _agreed(None)
    _good_conversation(dan)
    # Eve: as poor as Bob when agreed on 1 November 2025; after the period, on 1 May
    # 2026, a new conversation as good as Ann's and a new plan replacing the first.
    # 2025-26 judges her as at 31 March 2026: the first conversation and plan.
    eve = _agreed(D(2025, 11, 1))
    OutcomeFactory.create(
        conversation=eve, words="Personal care twice a day", wording_kind="service"
    )
    first = _plan(eve, good=False)
    again = _agreed(D(2026, 5, 1), person=eve.person)
    _good_conversation(again)
    _plan(again, good=True, replaces=first)
    return PracticeExample(ann.person, bob.person, cat.person, dan.person, eve.person)

"""The persona's person gets a draft support plan with one outcome and one support.

Made directly (not through start_support_plan) so the persona's conversation stays
a draft, as the conversation tests expect."""

from typing import Any

from .factories import PlanOutcomeFactory, SupportFactory, SupportPlanFactory

BUILDS_ON = ("conversations",)


def add_records(personas: Any) -> None:
    conversation = personas.person.conversations.get()
    plan = SupportPlanFactory.create(
        person=personas.person,
        conversation=conversation,
        recorded_by=personas.practitioner_a,
    )
    outcome = PlanOutcomeFactory.create(
        plan=plan, personal_outcome=conversation.outcomes.first()
    )
    SupportFactory.create(plan=plan, outcomes=[outcome])

"""The persona's person gets a panel request, decided (approved) with reasons."""

from typing import Any

from .factories import PanelDecisionFactory, PanelMeetingFactory, PanelSubmissionFactory

BUILDS_ON = ("budgets", "plans")


def add_records(personas: Any) -> None:
    person = personas.person
    plan = person.support_plans.get()
    budget = person.indicative_budgets.get()
    meeting = PanelMeetingFactory.create(created_by=personas.panel_member)
    submission = PanelSubmissionFactory.create(
        person=person,
        indicative_budget=budget,
        support_plan=plan,
        team=personas.team_a,
        state="decided",
        meeting=meeting,
        outcome="approved",
        decided_on=meeting.meets_on,
        submitted_by=personas.practitioner_a,
    )
    PanelDecisionFactory.create(
        submission=submission,
        meeting=meeting,
        decided_by=personas.panel_member,
        reasons="The support plan meets Morag's outcomes at a fair cost.",
    )

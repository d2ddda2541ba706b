"""The waiting list, counts and the plan agreement check."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from selfdirect.accounts.tests.factories import TeamFactory
from selfdirect.budgets.tests.factories import IndicativeBudgetFactory
from selfdirect.core.hooks import override_contributions
from selfdirect.panel import selectors
from selfdirect.panel.hook_points import SERVICE_STARTS
from selfdirect.panel.models import PanelSubmission
from selfdirect.panel.tests.factories import (
    PanelDecisionFactory,
    PanelMeetingFactory,
    PanelSubmissionFactory,
)
from selfdirect.people.tests.factories import PersonFactory
from selfdirect.plans.selectors import agreement_blockers_from_later_stages
from selfdirect.plans.tests.factories import SupportFactory, SupportPlanFactory

pytestmark = pytest.mark.journey("panel")

D = datetime.date


def _waiting(personas, n: int = 3) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        person = PersonFactory.create(team=personas.team_a)
        budget = IndicativeBudgetFactory.create(person=person, level=3)
        PanelSubmissionFactory.create(
            indicative_budget=budget,
            team=personas.team_a,
            submitted_on=D(2026, 10, 1 + i),
        )
        deferred = PanelSubmissionFactory.create(
            indicative_budget=IndicativeBudgetFactory.create(person=person),
            team=personas.team_a,
            state="deferred",
            outcome="deferred",
            decided_on=D(2026, 10, 20),
        )
        PanelDecisionFactory.create(
            submission=deferred, outcome="deferred", approved_amount=None
        )


def test_the_waiting_list_has_each_kind_of_wait_longest_first(personas) -> None:
    _waiting(personas)
    rows: list[Any] = list(selectors.waiting_list(PanelSubmission.objects.all()))
    states = {r.state for r in rows}
    assert states == {"submitted", "deferred", "decided"}
    assert [r.waiting_since for r in rows] == sorted(r.waiting_since for r in rows)
    awaiting: list[Any] = list(
        selectors.waiting_list(PanelSubmission.objects.all(), category="awaiting")
    )
    assert [r.waiting_since for r in awaiting] == [
        D(2026, 10, 1),
        D(2026, 10, 2),
        D(2026, 10, 3),
    ]


def test_counts_come_from_one_query(personas, django_assert_num_queries) -> None:
    _waiting(personas)
    with django_assert_num_queries(1):
        counts = {
            c.category: c
            for c in selectors.waiting_counts(PanelSubmission.objects.all())
        }
    assert counts["awaiting"].count == 3
    assert counts["deferred"].count == 3
    assert counts["not_started"].count == 1
    assert counts["awaiting"].longest_since == D(2026, 10, 1)


def test_a_recorded_start_ends_the_wait(personas) -> None:
    submission = personas.person.panel_submissions.get()
    PanelSubmission.objects.filter(pk=submission.pk).update(
        service_started_on=D(2026, 11, 20)
    )
    rows = selectors.waiting_list(PanelSubmission.objects.all(), category="not_started")
    assert not rows.exists()


def test_filters_by_team_and_locality(personas) -> None:
    _waiting(personas, 1)
    other = TeamFactory.create()
    everyone = PanelSubmission.objects.all()
    assert selectors.waiting_list(everyone, team=personas.team_a.pk).exists()
    assert not selectors.waiting_list(everyone, team=other.pk).exists()
    assert selectors.waiting_list(
        everyone, locality=personas.team_a.locality_id
    ).exists()
    assert not selectors.waiting_list(everyone, locality=other.locality_id).exists()


def test_the_waiting_list_page_is_paginated_with_few_queries(
    client, personas, django_assert_max_num_queries
) -> None:
    _waiting(personas, 8)
    client.force_login(personas.panel_member)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("panel:waiting_list"))
    assert response.status_code == 200
    assert b"Days waiting" in response.content


def test_lists_are_scoped_to_the_team_for_managers(client, personas) -> None:
    other = personas.practitioner_b
    other.role = "team_manager"
    other.save()
    client.force_login(other)
    for name in ("panel:submissions", "panel:waiting_list"):
        assert b"MacLeod" not in client.get(reverse(name)).content
    client.force_login(personas.manager_a)
    assert b"MacLeod" in client.get(reverse("panel:submissions")).content
    client.force_login(personas.panel_member)
    assert b"MacLeod" in client.get(reverse("panel:submissions")).content
    meeting = personas.person.panel_submissions.get().meeting
    assert (
        b"MacLeod"
        in client.get(
            reverse("panel:meeting", kwargs={"meeting_id": meeting.public_id})
        ).content
    )


def test_the_submissions_list_uses_few_queries(
    client, personas, django_assert_max_num_queries
) -> None:
    _waiting(personas, 10)
    client.force_login(personas.panel_member)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("panel:submissions")).status_code == 200


def _no_draft_plan(personas) -> None:  # type: ignore[no-untyped-def]
    # A person has one draft plan at a time: the new plan under test replaces it.
    personas.person.support_plans.filter(state="draft").update(state="replaced")


@pytest.fixture
def plan_over_limit(personas):  # type: ignore[no-untyped-def]
    budget = IndicativeBudgetFactory.create(
        person=personas.person, recorded_by=personas.practitioner_a, level=3
    )
    _no_draft_plan(personas)
    plan = SupportPlanFactory.create(
        person=personas.person,
        conversation=personas.person.conversations.get(),
        budget=budget,
        recorded_by=personas.practitioner_a,
    )
    SupportFactory.create(plan=plan, yearly_cost=Decimal("18000.00"))
    return plan


def test_a_plan_above_the_setters_limit_cannot_be_agreed_without_panel(
    plan_over_limit,
) -> None:
    problems = agreement_blockers_from_later_stages(plan_over_limit)
    assert any("resource panel must approve" in str(p) for p in problems)
    assert any("£18,000.00" in str(p) and "£12,000.00" in str(p) for p in problems)
    link = next(getattr(p, "action_url", "") for p in problems)
    assert f"?plan={plan_over_limit.public_id}" in link


def test_an_approval_of_less_than_the_cost_still_blocks_and_enough_clears(
    personas, plan_over_limit
) -> None:
    submission = PanelSubmissionFactory.create(
        indicative_budget=plan_over_limit.budget,
        support_plan=plan_over_limit,
        state="decided",
        outcome="approved_with_changes",
    )
    decision = PanelDecisionFactory.create(
        submission=submission,
        outcome="approved_with_changes",
        approved_amount=Decimal("17000.00"),
        conditions="Less overnight support",
    )
    assert any(
        "less than this plan's cost" in str(p)
        for p in agreement_blockers_from_later_stages(plan_over_limit)
    )
    decision.approved_amount = Decimal("18000.00")
    decision.save()
    assert selectors.plan_agreement_blocker(plan_over_limit) is None


def test_a_plan_within_the_limit_needs_no_panel(personas) -> None:
    budget = IndicativeBudgetFactory.create(
        person=personas.person, recorded_by=personas.practitioner_a, level=0
    )
    _no_draft_plan(personas)
    plan = SupportPlanFactory.create(
        person=personas.person,
        conversation=personas.person.conversations.get(),
        budget=budget,
        recorded_by=personas.practitioner_a,
    )
    SupportFactory.create(plan=plan, yearly_cost=Decimal("3000.00"))
    assert selectors.plan_agreement_blocker(plan) is None


def test_a_delivery_record_starting_after_the_approval_ends_the_wait(personas) -> None:
    from selfdirect.delivery.tests.factories import FundFactory

    everyone = PanelSubmission.objects.all()
    assert selectors.waiting_list(everyone, category="not_started").exists()
    FundFactory.create(person=personas.person, starts_on=D(2026, 11, 1))
    assert selectors.waiting_list(everyone, category="not_started").exists()
    FundFactory.create(person=personas.person, starts_on=D(2026, 11, 20))
    assert not selectors.waiting_list(everyone, category="not_started").exists()


def test_the_first_delivery_start_after_approval_is_shown(client, personas) -> None:
    from selfdirect.delivery.tests.factories import FundFactory

    submission = personas.person.panel_submissions.get()
    FundFactory.create(person=personas.person, starts_on=D(2026, 11, 25))
    assert selectors.delivery_start(submission) == D(2026, 11, 25)
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse(
            "panel:person_submission",
            kwargs={
                "person_id": personas.person.public_id,
                "submission_id": submission.public_id,
            },
        )
    )
    assert b"delivery record starts 25 November 2026" in page.content


def test_the_panel_asks_the_contributing_stages_when_a_service_started(
    personas,
) -> None:
    asked = []

    def starts(person: Any, since: Any) -> list[Any]:
        asked.append((person, since))
        return []

    everyone = PanelSubmission.objects.all()
    with override_contributions(SERVICE_STARTS, []):
        assert selectors.waiting_list(everyone, category="not_started").exists()
    submission = personas.person.panel_submissions.get()
    with override_contributions(SERVICE_STARTS, [starts]):
        assert selectors.delivery_start(submission) is None
    assert asked == [(submission.person_id, submission.decided_on)]


def test_the_limit_kept_with_the_budget_decides_not_the_setters_role_today(
    personas, plan_over_limit
) -> None:
    from selfdirect.budgets.models import DelegatedLimit

    DelegatedLimit.objects.create(
        role="team_manager", yearly_amount=Decimal("99000.00"), valid_from=D(2000, 1, 1)
    )
    setter = plan_over_limit.budget.recorded_by
    setter.role = "team_manager"
    setter.save()
    blocker = selectors.plan_agreement_blocker(plan_over_limit)
    assert blocker is not None and "£12,000.00" in blocker


def test_the_panel_list_shows_what_needs_deciding_first(personas) -> None:
    """A new request is not buried under years of decided ones: on an agenda
    first, then waiting to be listed (longest first), then deferred, then decided."""
    person = PersonFactory.create(team=personas.team_a)

    def submission(state: str, submitted: datetime.date, **more: Any) -> Any:
        budget = IndicativeBudgetFactory.create(person=person)
        return PanelSubmissionFactory.create(
            indicative_budget=budget,
            team=personas.team_a,
            state=state,
            submitted_on=submitted,
            **more,
        )

    old_decided = submission("decided", D(2024, 1, 1), decided_on=D(2024, 2, 1))
    new_decided = submission("decided", D(2025, 1, 1), decided_on=D(2025, 2, 1))
    deferred = submission("deferred", D(2025, 6, 1), decided_on=D(2025, 7, 1))
    newer_waiting = submission("submitted", D(2026, 10, 9))
    older_waiting = submission("submitted", D(2026, 10, 2))
    meeting = PanelMeetingFactory.create(meets_on=D(2026, 10, 15))
    listed = submission("listed", D(2026, 10, 5), meeting=meeting)

    rows = list(selectors.submissions_for_panel(personas.panel_member))
    order = [listed, older_waiting, newer_waiting, deferred, new_decided, old_decided]
    assert [r.pk for r in rows if r.person_id == person.pk] == [s.pk for s in order]


def test_the_meetings_list_counts_deferrals_apart_from_decisions(personas) -> None:
    meeting = PanelMeetingFactory.create(meets_on=D(2026, 10, 15))
    for outcome in ("approved", "deferred", "deferred"):
        submission = PanelSubmissionFactory.create(
            team=personas.team_a, state="listed", meeting=meeting
        )
        PanelDecisionFactory.create(
            submission=submission,
            meeting=meeting,
            outcome=outcome,
            approved_amount=submission.amount_requested
            if outcome == "approved"
            else None,
        )
    counted = selectors.meetings_with_counts().get(pk=meeting.pk)
    counts = (counted.listed, counted.decided, counted.deferred)  # type: ignore[attr-defined]
    assert counts == (3, 1, 2)


def _every_kind(personas) -> None:  # type: ignore[no-untyped-def]
    """Submissions in every state and outcome, some approved with a start kept."""
    _waiting(personas, 2)
    for i, (state, outcome, started) in enumerate(
        [
            ("decided", "approved", None),
            ("decided", "approved_with_changes", None),
            ("decided", "approved", D(2026, 11, 1)),
            ("decided", "declined", None),
            ("draft", "", None),
            ("listed", "", None),
        ]
    ):
        person = PersonFactory.create(team=personas.team_a)
        PanelSubmissionFactory.create(
            indicative_budget=IndicativeBudgetFactory.create(person=person),
            team=personas.team_a,
            state=state,
            outcome=outcome,
            decided_on=D(2026, 9, 1 + i) if state == "decided" else None,
            service_started_on=started,
            submitted_on=D(2026, 8, 1 + i),
        )


def test_reading_only_the_candidates_drops_no_one_who_waits(personas) -> None:
    """The list and its counts read only the submissions the partial index holds
    (`MAY_BE_WAITING`): they are exactly those each category's own rule finds
    over every submission, and the counts are the lists' lengths and longest
    waits."""
    _every_kind(personas)
    everyone = PanelSubmission.objects.all()
    filters = selectors._category_filters()
    counts = {c.category: c for c in selectors.waiting_counts(everyone)}
    for category, rule in filters.items():
        found = list(everyone.filter(rule).values_list("pk", flat=True))
        listed = selectors.waiting_list(everyone, category=category)
        assert sorted(found) == sorted(s.pk for s in listed), category
        assert counts[category].count == len(found) > 0, category
        assert counts[category].longest_since == min(
            s.waiting_since  # type: ignore[attr-defined]
            for s in listed
        )
    combined = filters["awaiting"] | filters["deferred"] | filters["not_started"]
    assert sorted(everyone.filter(combined).values_list("pk", flat=True)) == sorted(
        s.pk for s in selectors.waiting_list(everyone)
    )


def test_an_empty_category_counts_none(personas) -> None:
    counts = selectors.waiting_counts(PanelSubmission.objects.filter(state="listed"))
    assert [(c.count, c.longest_since) for c in counts] == [(0, None)] * 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_the_first_page_is_read_in_the_order_of_the_index(personas) -> None:
    """PostgreSQL reads the waiting list through `submission_waiting` in the order
    of the wait (no sort of everyone waiting), when it prefers an index."""
    _every_kind(personas)
    rows = selectors.waiting_list(PanelSubmission.objects.all())
    ids = rows.values_list("pk", flat=True)[:25]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = ids.explain()
    assert "submission_waiting" in plan

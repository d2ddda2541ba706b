"""The person page's task list: the journey's stages in order, with their status
and the next thing to do, in one query however many stages there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selfdirect.core.hooks import override_contributions
from selfdirect.people.hook_points import JOURNEY_STAGES
from selfdirect.people.selectors import journey


def _stage_titles(steps) -> list[str]:
    return [s.title for s in steps]


def test_a_person_after_first_contact_has_every_stage_in_order(personas) -> None:
    steps = journey(personas.person, personas.practitioner_a)
    assert _stage_titles(steps) == [
        "First contact and a good conversation",
        "Indicative budget",
        "Informed choice of options",
        "Support plan",
        "Resource panel, when needed",
        "Delivery: direct payment or arranged support",
        "Review",
    ]
    assert steps[0].progress.status == "in_progress"
    assert steps[0].progress.summary.startswith("First contact recorded")
    assert {s.progress.status for s in steps[1:]} == {"not_started"}
    assert steps[0].progress.next_url == reverse(
        "conversations:start", args=[personas.person.public_id]
    )
    assert steps[4].progress.summary.startswith("Known once")


def test_a_user_is_offered_only_the_next_actions_they_may_take(personas) -> None:
    steps = journey(personas.person, personas.finance_officer)
    offered = {s.title: s.progress.next_url for s in steps}
    assert offered["First contact and a good conversation"] == ""
    assert offered["Support plan"] == ""


@pytest.mark.journey("panel", "choices", "delivery")
def test_a_person_further_on_shows_each_stage_state(personas) -> None:
    steps = {s.title: s.progress for s in journey(personas.person, personas.manager_a)}
    assert steps["First contact and a good conversation"].status == "in_progress"
    assert steps["Indicative budget"].status == "done"
    # Chosen with advocacy offered, but no information on the options first.
    assert steps["Informed choice of options"].status == "needs_review"
    assert "No record of information" in steps["Informed choice of options"].summary
    assert steps["Support plan"].status == "in_progress"
    assert steps["Resource panel, when needed"].status == "done"
    assert steps["Delivery: direct payment or arranged support"].status == "done"


def test_a_stage_may_leave_itself_out_for_a_user(personas) -> None:
    with override_contributions(JOURNEY_STAGES, []):
        assert journey(personas.person, personas.practitioner_a) == []


@pytest.mark.journey("panel", "choices", "delivery")
def test_the_task_list_adds_at_most_one_query_to_the_person_page(
    client, personas
) -> None:
    client.force_login(personas.manager_a)
    url = reverse("people:detail", args=[personas.person.public_id])
    client.get(url)  # the first page after sign-in sets (saves) the session's expiry
    with CaptureQueriesContext(connection) as with_list:
        response = client.get(url)
    with (
        override_contributions(JOURNEY_STAGES, []),
        CaptureQueriesContext(connection) as without,
    ):
        client.get(url)
    assert response.status_code == 200
    # One query at most: the journey's query also tells the page whether records
    # were merged into the person, so the page runs it with or without the list.
    assert len(with_list) - len(without) <= 1
    page = response.content.decode()
    assert 'class="ds_task-list sd-journey"' in page
    assert "Needs review" in page
    print(f"person page queries: {len(with_list)}")  # noqa: T201

"""The person page reads a fixed number of queries, whatever the person's record
holds: its sections share lookups and prefetch, with no query per row."""

import pytest
from django.urls import reverse

from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())

# Issue 18 measured 38. Today: 8 for the request itself (session, user, teams,
# the person, the access log, the session's save in a savepoint) and the rest for
# the sections, one or two a stage. One more is left for the journey task list.
PERSON_PAGE_QUERIES = 30


def test_the_person_page_with_every_stage_runs_a_fixed_number_of_queries(
    client, personas, django_assert_max_num_queries
) -> None:
    client.force_login(personas.practitioner_a)
    url = reverse("people:detail", args=[personas.person.public_id])
    client.get(url)  # the first request after sign-in sets up the session
    with django_assert_max_num_queries(PERSON_PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    for stage_heading in ("Good conversations", "Support plan", "Resource panel"):
        assert stage_heading in response.content.decode()

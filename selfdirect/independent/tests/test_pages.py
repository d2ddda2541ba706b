"""The organisation's lists cost a fixed number of queries, however many rows."""

import datetime

import pytest
from django.urls import reverse

from selfdirect.independent.models import Client, EngagementEntry

pytestmark = pytest.mark.journey("independent")


def _more(personas, n: int) -> None:
    org = personas.org_worker_a.organization
    for i in range(n):
        Client.objects.create(
            organization=org,
            name=f"Client {i}",
            age_band="45_64",
            heard_via="family",
            first_contact_on=datetime.date(2026, 1, 1),
            recorded_by=personas.org_worker_a,
        )
        EngagementEntry.objects.create(
            organization=org,
            meeting=f"Forum {i}",
            kind="informal",
            held_on=datetime.date(2026, 2, 1),
            invitation="invited",
            attended=True,
            recorded_by=personas.org_worker_a,
        )


@pytest.mark.parametrize(
    "name",
    [
        "independent:home",
        "independent:clients",
        "independent:inbox",
        "independent:engagement",
    ],
)
def test_lists_cost_the_same_for_more_rows(
    client, personas, django_assert_max_num_queries, name
) -> None:
    client.force_login(personas.org_worker_a)
    url = reverse(name)
    client.get(url)
    _more(personas, 15)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200

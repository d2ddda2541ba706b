"""A name search's ids read in order from the name index (selectors.name_order):
exactly the caseload's people, in the caseload's order, on both databases."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from selfdirect.core import pagination
from selfdirect.people import rules, selectors
from selfdirect.people.models import AccessRequest, Person
from selfdirect.people.tests.factories import AccessRequestFactory, PersonFactory

NAMES = [
    # first, last, preferred
    ("Ann", "MacKay", ""),
    ("Angus", "McKay", "Gus"),
    ("Mackenzie", "Ross", ""),
    ("Ruth", "Ross", "Mac"),
    ("Ann", "Annand", ""),
    ("Mairi", "Macdonald", "Ann"),
    ("Iain", "Smith", ""),
    ("Ann", "Smith", "Mackie"),
    ("Ross", "MacAnn", ""),
]
QUERIES = ["mac", "Mc", "ann", "ann mac", "mac ann", "mac mac", "ross ma", "zz", "a"]


def _person(first: str, last: str, preferred: str, **kwargs) -> Person:
    return PersonFactory.create(
        first_name=first,
        last_name=last,
        preferred_name=preferred,
        preferred_name_key=rules.name_key(preferred),
        **kwargs,
    )


@pytest.fixture
def people(personas):
    for first, last, preferred in NAMES:
        _person(first, last, preferred, team=personas.team_a)
        _person(first, last, preferred, team=personas.team_b)  # not reached
    closed = _person("Ann", "MacKay", "", team=personas.team_a)
    Person.objects.filter(pk=closed.pk).update(status=Person.Status.CLOSED)
    granted = _person("Annie", "MacAskill", "", team=personas.team_b)
    AccessRequestFactory.create(
        person=granted,
        requested_by=personas.practitioner_a,
        status=AccessRequest.Status.GRANTED,
        access_until=timezone.now() + datetime.timedelta(days=1),
    )
    return personas


def test_the_ids_in_name_order_are_exactly_the_caseloads_people_in_order(
    people,
) -> None:
    for query in QUERIES:
        for status in ("open", ""):
            filters = selectors.CaseloadFilters(query=query, status=status)
            listed, order = selectors.caseload_with_order(
                people.practitioner_a, filters
            )
            assert order is not None
            ids = [row[0] for row in order]
            assert ids == [p.pk for p in listed], (query, status)
            # Each person once, whichever of their names match.
            assert len(ids) == len(set(ids)), (query, status)
    everyone = selectors.caseload(
        people.practitioner_a, selectors.CaseloadFilters(query="mac", status="")
    )
    assert {"MacAskill", "McKay", "Ross", "Smith"} <= {p.last_name for p in everyone}


def test_a_search_by_chi_number_or_postcode_or_no_search_has_no_name_order(
    people,
) -> None:
    for query in ("", "G81 1UE", "G81", "!!"):
        filters = selectors.CaseloadFilters(query=query)
        assert selectors.caseload_with_order(people.practitioner_a, filters)[1] is None


def test_the_paginator_counts_and_pages_from_the_ids_read_once(
    people, django_assert_num_queries, monkeypatch
) -> None:
    monkeypatch.setattr(pagination, "COUNT_CAP", 4)
    filters = selectors.CaseloadFilters(query="mac")
    listed, order = selectors.caseload_with_order(people.practitioner_a, filters)
    everyone = [p.pk for p in listed]
    paginator = pagination.CappedPaginator(listed, 2, order=order)
    with django_assert_num_queries(2):  # the ids, then the page's rows
        first = paginator.page(1)
    assert paginator.count == 5 and paginator.capped
    assert [p.pk for p in first.object_list] == everyone[:2]
    with django_assert_num_queries(1):  # the rows; the ids were read
        assert [p.pk for p in paginator.page(2).object_list] == everyone[2:4]
    # Past the ids read (the list's last page): read again.
    with django_assert_num_queries(2):
        assert [p.pk for p in paginator.page(3).object_list] == everyone[4:6]


def test_the_search_page_reads_the_count_and_ids_in_one_query(
    client, people, django_assert_num_queries
) -> None:
    client.force_login(people.practitioner_a)
    url = reverse("people:caseload") + "?q=mac"
    client.get(url)
    # The request's 4, the filter's choices, the ids, the rows with allocations.
    with django_assert_num_queries(7):
        response = client.get(url)
    assert "MacAskill" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_reads_a_last_name_branch_from_the_name_index(people) -> None:
    filters = selectors.CaseloadFilters(query="mac")
    order = selectors.caseload_with_order(people.practitioner_a, filters)[1]
    assert order is not None
    sql, params = order.query.sql_with_params()
    with connection.cursor() as cursor:
        # A few rows: the planner would read the table; ask what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using person_name_order" in plan, plan

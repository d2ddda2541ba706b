"""Search inside names ("contains"): trigram indexes on PostgreSQL (migration
0007), the same answers from a table scan on SQLite."""

import pytest
from django.db import connection

from selfdirect.people.models import Person
from selfdirect.people.selectors import search_people
from selfdirect.people.tests.factories import PersonFactory


@pytest.fixture
def named(db):
    for first, last in (
        ("Morag", "MacDonald"),
        ("Donald", "Smith"),
        ("Ann", "McDonaldson"),
        ("Iain", "Ross"),
    ):
        PersonFactory.create(first_name=first, last_name=last)


def _names(people):
    return sorted(p.last_name for p in people)


def test_words_of_three_letters_match_inside_names_when_asked(named) -> None:
    everyone = Person.objects.all()
    assert _names(search_people(everyone, "donald")) == ["Smith"]
    inside = search_people(everyone, "donald", contains=True)
    assert _names(inside) == ["MacDonald", "McDonaldson", "Smith"]
    # Mac and Mc fold together inside a name too.
    assert _names(search_people(everyone, "macdon", contains=True)) == [
        "MacDonald",
        "McDonaldson",
    ]
    # Shorter words still match the start of a name only.
    assert _names(search_people(everyone, "ro", contains=True)) == ["Ross"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_answers_contains_search_from_the_trigram_indexes(named) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
        # Four rows: the planner would read the table; ask what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        # person_name_order holds all three keys: on four rows a whole read of it
        # looks cheapest. Without it (dropped inside the test's transaction, so
        # rolled back), what can the planner use?
        cursor.execute("DROP INDEX person_name_order")
        query = search_people(Person.objects.all(), "donald", contains=True)
        sql, params = query.order_by().only("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "person_last_key_trgm" in plan, plan

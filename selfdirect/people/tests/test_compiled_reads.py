"""The person page's reads are compiled once per process for a user's shape and
bound to each person's id (core.batched.evaluate_reads): a kept statement never
returns another person's rows, a different user gets statements of their own, and
a read whose SQL depends on more than the person's id is compiled each time."""

from typing import Any
from unittest import mock

import pytest
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from selfdirect.core import batched
from selfdirect.core.hooks import _person_sections
from selfdirect.people import selectors
from selfdirect.people.models import FirstContact, Person
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory
from selfdirect.people.tests.test_batched_reads import _state
from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())


@pytest.fixture(autouse=True)
def _nothing_kept() -> Any:
    batched.forget_compiled()
    yield
    batched.forget_compiled()


def _builder(user: Any) -> Any:
    request = RequestFactory().get("/")
    request.user = user

    def build(someone: Any) -> dict[Any, Any]:
        found: dict[Any, Any] = {("page", "journey"): selectors.journey_read(someone)}
        for name, qs in selectors.summary_reads(someone).items():
            found["page", name] = qs
        for number, section in enumerate(_person_sections()):
            if section.reads is not None:
                for name, qs in section.reads(request, someone).items():
                    found[number, name] = qs
        return found

    return build


def _shape(user: Any) -> tuple[Any, ...]:
    return (user.pk, user.role, tuple(user.team_ids()))


def _one_by_one(build: Any, person: Person) -> dict[Any, Any]:
    return {label: [_state(o) for o in qs] for label, qs in build(person).items()}


def _read(build: Any, person: Person, shape: Any) -> dict[Any, Any]:
    read = batched.evaluate_reads(build, person, shape)
    return {label: [_state(o) for o in qs] for label, qs in read.items()}


def _compilations() -> Any:
    return mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    )


def test_a_kept_statement_for_one_person_never_returns_anothers_rows(
    personas,
) -> None:
    user = personas.practitioner_a
    build = _builder(user)
    other = PersonFactory.create(first_name="Iain", team=personas.team_a)
    FirstContactFactory.create(person=other, team=personas.team_a)
    first = _read(build, personas.person, _shape(user))
    assert first == _one_by_one(build, personas.person)
    assert sum(map(len, first.values())) >= 15  # records at every stage
    kept = next(iter(batched._templates.values()))
    assert all(isinstance(t, batched._Template) for t in kept.values())

    with CaptureQueriesContext(connection) as queries, _compilations() as compiled:
        second = _read(build, other, _shape(user))
    assert len(queries) == 1
    assert compiled.call_count == 0  # every statement was kept, none compiled
    assert second == _one_by_one(build, other)
    assert len(second["page", "contacts"]) == 1
    for rows in second.values():
        for kind, values, _ in (o for o in rows if isinstance(o, tuple)):
            assert values.get("person_id") != personas.person.pk
            if kind is Person:
                assert values["id"] == other.pk


def test_each_users_shape_has_statements_of_its_own(personas) -> None:
    """Role and teams change what the reads ask (budgets' methods, delivery): each
    user's shape is kept apart and reads exactly what it reads uncached."""
    users = [
        personas.practitioner_a,
        personas.practitioner_b,
        personas.manager_a,
        personas.finance_officer,
        personas.quality_lead,
    ]
    for user in users:
        build = _builder(user)
        assert _read(build, personas.person, _shape(user)) == _one_by_one(
            build, personas.person
        )
    assert len(batched._templates) == len(users)
    # Read again in another order: each shape still reads what it reads uncached.
    for user in reversed(users):
        build = _builder(user)
        assert _read(build, personas.person, _shape(user)) == _one_by_one(
            build, personas.person
        )
    assert len(batched._templates) == len(users)


def test_a_read_depending_on_more_than_the_id_is_compiled_each_time(personas) -> None:
    person = personas.person
    other = PersonFactory.create(last_name="Other", team=personas.team_a)

    def build(someone: Any) -> dict[str, Any]:
        return {
            "by_name": Person.objects.filter(last_name=someone.last_name),
            "by_id": Person.objects.filter(pk=someone.pk),
        }

    assert [p.pk for p in batched.evaluate_reads(build, person, "s")["by_name"]] == [
        person.pk
    ]
    assert batched._templates  # learnt, but nothing kept: it read the last name
    assert set(next(iter(batched._templates.values())).values()) == {None}
    assert [p.pk for p in batched.evaluate_reads(build, other, "s")["by_name"]] == [
        other.pk
    ]

    def dated(someone: Any) -> dict[str, Any]:
        return {
            "before_now": FirstContact.objects.filter(
                person=someone, created_at__lte=timezone.now()
            ),
            "all": FirstContact.objects.filter(person=someone),
        }

    read = batched.evaluate_reads(dated, person, "t")
    assert len(read["before_now"]) == len(read["all"]) >= 1
    kept = batched._templates[next(k for k in batched._templates if k[-1] == "t")]
    assert kept["before_now"] is None  # now() differs from one build to the next
    assert isinstance(kept["all"], batched._Template)


def test_the_person_page_compiles_its_reads_once(client, personas, monkeypatch) -> None:
    from django.urls import reverse

    client.force_login(personas.practitioner_a)
    other = PersonFactory.create(
        first_name="Iain", last_name="Stewart", team=personas.team_a
    )
    url = reverse("people:detail", args=[other.public_id])
    client.get(reverse("people:detail", args=[personas.person.public_id]))
    with _compilations() as compiled:
        response = client.get(url)
    assert response.status_code == 200
    assert "Iain Stewart" in response.content.decode()
    assert "Morag MacLeod" not in response.content.decode()
    reads = len(next(iter(batched._templates.values())))
    assert reads >= 20
    # Nothing kept: every read compiled on every request, as before.
    batched.forget_compiled()
    monkeypatch.setattr(batched, "_learn", lambda build, record, labels: {})
    with _compilations() as uncached:
        assert "Iain Stewart" in client.get(url).content.decode()
    assert compiled.call_count <= uncached.call_count - reads

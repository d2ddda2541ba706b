"""The person page's reads are compiled once per process for a user's shape and
bound to each person's id (core.batched.evaluate_reads): a kept statement never
returns another person's rows, a different user gets statements of their own, and
a read whose SQL depends on more than the person's id is compiled each time."""

import functools
import threading
from typing import Any
from unittest import mock

import pytest
from django.db import connection, connections
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


def _builders(user: Any) -> dict[Any, Any]:
    request = RequestFactory().get("/")
    request.user = user

    def page(someone: Any) -> dict[str, Any]:
        return {"journey": selectors.journey_read(someone)} | selectors.summary_reads(
            someone
        )

    builders: dict[Any, Any] = {"page": page}
    for number, section in enumerate(_person_sections()):
        if section.reads is not None:
            builders[number] = functools.partial(section.reads, request)
    return builders


def _shape(user: Any) -> tuple[Any, ...]:
    return (user.pk, user.role, tuple(user.team_ids()))


def _one_by_one(builders: Any, person: Person) -> dict[Any, Any]:
    return {
        (group, name): [_state(o) for o in qs]
        for group, build in builders.items()
        for name, qs in build(person).items()
    }


def _read(builders: Any, person: Person, shape: Any) -> dict[Any, Any]:
    read = batched.evaluate_reads(builders, person, shape)
    return {
        (group, name): [_state(o) for o in qs]
        for group, found in read.items()
        for name, qs in found.items()
    }


def _kept() -> dict[Any, Any]:
    return {
        (key[-1], name): template
        for key, kept in batched._templates.items()
        for name, template in kept.items()
    }


def _compilations() -> Any:
    return mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    )


def test_a_kept_statement_for_one_person_never_returns_anothers_rows(
    personas,
) -> None:
    user = personas.practitioner_a
    build = _builders(user)
    other = PersonFactory.create(first_name="Iain", team=personas.team_a)
    FirstContactFactory.create(person=other, team=personas.team_a)
    first = _read(build, personas.person, _shape(user))
    assert first == _one_by_one(build, personas.person)
    assert sum(map(len, first.values())) >= 15  # records at every stage
    # Every read is kept but the carers' two that filter on the time now (their
    # visibility: access granted until a moment); those are compiled each time.
    assert [label for label, t in _kept().items() if t is None] == [
        (7, "readable"),
        (7, "as_carer"),
    ]

    with CaptureQueriesContext(connection) as queries, _compilations() as compiled:
        second = _read(build, other, _shape(user))
    assert len(queries) == 1
    # Only the carers' two reads were compiled (with their subqueries).
    assert compiled.call_count <= 12
    assert second == _one_by_one(build, other)
    assert len(second["page", "contacts"]) == 1
    for rows in second.values():
        for kind, values, _ in (o for o in rows if isinstance(o, tuple)):
            assert values.get("person_id") != personas.person.pk
            if kind is Person:
                assert values["id"] == other.pk


def test_a_statement_kept_on_one_thread_runs_on_anothers_connection(
    personas,
) -> None:
    """A threaded server (gthread) binds, in one thread, statements another thread
    kept: each must read through its own thread's connection."""
    user = personas.practitioner_a
    _read(_builders(user), personas.person, _shape(user))
    kept = [t for t in _kept().values() if t is not None and t.prepared is not None]
    assert kept
    template = kept[0]
    found: list[Any] = []

    def bind_elsewhere() -> None:
        try:
            bound = template.bind(template.fresh(personas.person), personas.person.pk)
            found.append(bound.connection is connections["default"])
            found.append(bound.compiler.connection is connections["default"])
        finally:
            connections.close_all()

    thread = threading.Thread(target=bind_elsewhere)
    thread.start()
    thread.join()
    assert found == [True, True]
    assert template.prepared.connection is connections["default"]  # kept as it was


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
        build = _builders(user)
        assert _read(build, personas.person, _shape(user)) == _one_by_one(
            build, personas.person
        )
    assert len({key[:-1] for key in batched._templates}) == len(users)
    # Read again in another order: each shape still reads what it reads uncached.
    for user in reversed(users):
        build = _builders(user)
        assert _read(build, personas.person, _shape(user)) == _one_by_one(
            build, personas.person
        )
    assert len({key[:-1] for key in batched._templates}) == len(users)


def test_a_read_depending_on_more_than_the_id_is_compiled_each_time(personas) -> None:
    person = personas.person
    other = PersonFactory.create(last_name="Other", team=personas.team_a)

    def build(someone: Any) -> dict[str, Any]:
        return {
            "by_name": Person.objects.filter(last_name=someone.last_name),
            "by_id": Person.objects.filter(pk=someone.pk),
        }

    read = batched.evaluate_reads({"g": build}, person, "s")["g"]
    assert [p.pk for p in read["by_name"]] == [person.pk]
    assert batched._templates  # learnt, but nothing kept: it read the last name
    assert set(_kept().values()) == {None}
    read = batched.evaluate_reads({"g": build}, other, "s")["g"]
    assert [p.pk for p in read["by_name"]] == [other.pk]

    def dated(someone: Any) -> dict[str, Any]:
        return {
            "before_now": FirstContact.objects.filter(
                person=someone, created_at__lte=timezone.now()
            ),
            "all": FirstContact.objects.filter(person=someone),
        }

    read = batched.evaluate_reads({"t": dated}, person, "t")["t"]
    assert len(read["before_now"]) == len(read["all"]) >= 1
    kept = _kept()
    assert kept["t", "before_now"] is None  # now() differs from build to build
    assert isinstance(kept["t", "all"], batched._Template)
    read = batched.evaluate_reads({"t": dated}, other, "t")["t"]
    assert list(read["all"]) == list(read["before_now"]) == []


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
    reads = sum(t is not None for t in _kept().values())
    assert reads >= 20
    # Nothing kept: every read compiled on every request, as before.
    batched.forget_compiled()
    monkeypatch.setattr(batched, "_learn", lambda build, record, labels: {})
    with _compilations() as uncached:
        assert "Iain Stewart" in client.get(url).content.decode()
    assert compiled.call_count <= uncached.call_count - reads

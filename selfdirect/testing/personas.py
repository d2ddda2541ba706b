"""Test personas shared by every app: who may and may not see a record.

The personas are two teams, their staff and the supported person with a first
contact; a test gets the records of later journey stages only if it asks (see
selfdirect.testing.journey). In a module whose database tests all use the
personas, they are built once, with the stages all those tests ask for, in a
transaction that each test's own transaction nests in and that is rolled back
after the module; each test gets a copy, as with Django's setUpTestData, plus any
stage it alone asks for. Elsewhere, and in transactional (browser) tests, each
test builds its own."""

import contextlib
import copy
import datetime
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.directory.tests.factories import OrganizationFactory
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory
from selfdirect.testing.reference_data import ensure_reference_data

from .journey import add_stage_records, stages


@dataclass
class Personas:
    team_a: Team
    team_b: Team
    practitioner_a: User
    practitioner_b: User
    manager_a: User
    quality_lead: User
    inspector: User
    expired_inspector: User
    dpo: User
    finance_officer: User
    panel_member: User
    administrator: User
    person: Person
    # Staff of two independent support organisations (issue 17): a worker and a
    # manager of the first, a worker of the second.
    org_worker_a: User
    org_manager_a: User
    org_worker_b: User


def build_personas() -> Personas:
    """The two teams, their staff, and team A's person with a first contact."""
    ensure_reference_data()
    team_a, team_b = (
        TeamFactory.create(name="Clydebank North"),
        TeamFactory.create(name="Dumbarton East"),
    )
    today = datetime.date.today()  # noqa: DTZ011
    person = PersonFactory.create(first_name="Morag", last_name="MacLeod", team=team_a)
    FirstContactFactory.create(person=person, team=team_a)
    org_a, org_b = (
        OrganizationFactory.create(
            name=name, independent_support_provider=True, description=""
        )
        for name in ("Clydeview Advocacy", "Leven Carers' Centre")
    )
    return Personas(
        team_a=team_a,
        team_b=team_b,
        practitioner_a=UserFactory.create(username="prac_a", teams=[team_a]),
        practitioner_b=UserFactory.create(username="prac_b", teams=[team_b]),
        manager_a=UserFactory.create(
            username="manager_a", role=Role.TEAM_MANAGER, teams=[team_a]
        ),
        quality_lead=UserFactory.create(username="quality", role=Role.QUALITY_LEAD),
        inspector=UserFactory.create(
            username="inspector",
            role=Role.INSPECTOR,
            access_expires_on=today + datetime.timedelta(days=30),
        ),
        expired_inspector=UserFactory.create(
            username="old_inspector",
            role=Role.INSPECTOR,
            access_expires_on=today - datetime.timedelta(days=1),
        ),
        dpo=UserFactory.create(username="dpo", role=Role.DATA_PROTECTION_OFFICER),
        finance_officer=UserFactory.create(
            username="finance", role=Role.FINANCE_OFFICER
        ),
        panel_member=UserFactory.create(username="panel", role=Role.PANEL_MEMBER),
        administrator=UserFactory.create(username="admin", role=Role.ADMINISTRATOR),
        person=person,
        org_worker_a=UserFactory.create(
            username="org_worker_a",
            role=Role.INDEPENDENT_SUPPORT_WORKER,
            organization=org_a,
        ),
        org_manager_a=UserFactory.create(
            username="org_manager_a", role=Role.INDEPENDENT_MANAGER, organization=org_a
        ),
        org_worker_b=UserFactory.create(
            username="org_worker_b",
            role=Role.INDEPENDENT_SUPPORT_WORKER,
            organization=org_b,
        ),
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "journey(*stages): the personas' person also has these journey stages' "
        "records (app labels), and those of the stages they build on",
    )


def _journey(item: pytest.Item) -> list[str]:
    return stages({s for marker in item.iter_markers("journey") for s in marker.args})


_DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}
_TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
}


def _uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(fixtures & _DATABASE_FIXTURES or item.get_closest_marker("django_db"))


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.args[:1] == (True,) or marker.kwargs.get("transaction")):
        return True
    return bool(set(getattr(item, "fixturenames", ())) & _TRANSACTIONAL_FIXTURES)


def _shared_stages(module: pytest.Module) -> list[str] | None:
    """The stages every database test of the module asks for, if every one of
    them uses the personas and none is transactional; otherwise None."""
    tests = [
        item
        for item in module.session.items
        if item.getparent(pytest.Module) is module and _uses_database(item)
    ]
    if not tests or any(
        "personas" not in getattr(item, "fixturenames", ()) or _is_transactional(item)
        for item in tests
    ):
        return None
    wanted = [set(_journey(item)) for item in tests]
    return [stage for stage in _journey(tests[0]) if all(stage in w for w in wanted)]


@contextlib.contextmanager
def _rolled_back(blocker: DjangoDbBlocker) -> Iterator[None]:
    """An outer transaction for the module's tests to nest in, rolled back after."""
    atomic = transaction.atomic()
    with blocker.unblock():
        atomic.__enter__()
    try:
        yield
    finally:
        with blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@dataclass
class _ModuleRecords:
    personas: Personas
    stages: list[str]


@pytest.fixture(scope="module")
def _module_personas(request: pytest.FixtureRequest) -> Iterator[_ModuleRecords | None]:
    """The personas with the stages all the module's tests want, built once for a
    module whose database tests all use them, in a transaction rolled back after."""
    shared = _shared_stages(request.node)
    if shared is None:
        yield None
        return
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    with _rolled_back(blocker):
        with blocker.unblock():
            personas = build_personas()
            add_stage_records(personas, shared)
        yield _ModuleRecords(personas, shared)


@pytest.fixture
def personas(
    request: pytest.FixtureRequest, db: None, _module_personas: _ModuleRecords | None
) -> Personas:
    """The personas, with the journey stages the test asks for: a copy of the
    module's, as Django's setUpTestData gives each test, or built for this test."""
    wanted = _journey(request.node)
    if _module_personas is None:
        personas = build_personas()
        add_stage_records(personas, wanted)
        return personas
    personas = copy.deepcopy(_module_personas.personas)
    add_stage_records(personas, [s for s in wanted if s not in _module_personas.stages])
    return personas

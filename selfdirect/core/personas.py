"""Test personas shared by every app: who may and may not see a record."""

import datetime
from dataclasses import dataclass

import pytest

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory


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
    administrator: User
    person: Person


@pytest.fixture
def personas(db: None) -> Personas:
    team_a, team_b = TeamFactory(name="Clydebank North"), TeamFactory(name="Dumbarton East")
    today = datetime.date.today()  # noqa: DTZ011
    person = PersonFactory(first_name="Morag", last_name="MacLeod", team=team_a)
    FirstContactFactory(person=person, team=team_a)
    return Personas(
        team_a=team_a,
        team_b=team_b,
        practitioner_a=UserFactory(username="prac_a", teams=[team_a]),
        practitioner_b=UserFactory(username="prac_b", teams=[team_b]),
        manager_a=UserFactory(username="manager_a", role=Role.TEAM_MANAGER, teams=[team_a]),
        quality_lead=UserFactory(username="quality", role=Role.QUALITY_LEAD),
        inspector=UserFactory(
            username="inspector", role=Role.INSPECTOR,
            access_expires_on=today + datetime.timedelta(days=30),
        ),
        expired_inspector=UserFactory(
            username="old_inspector", role=Role.INSPECTOR,
            access_expires_on=today - datetime.timedelta(days=1),
        ),
        dpo=UserFactory(username="dpo", role=Role.DATA_PROTECTION_OFFICER),
        finance_officer=UserFactory(username="finance", role=Role.FINANCE_OFFICER),
        administrator=UserFactory(username="admin", role=Role.ADMINISTRATOR),
        person=person,
    )

"""Test personas shared by every app: who may and may not see a record."""

import datetime
import importlib
from dataclasses import dataclass

import pytest

from selfdirect.accounts.models import Team, User
from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.conversations.tests.factories import ConversationFactory, OutcomeFactory
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
    panel_member: User
    administrator: User
    person: Person


def _add_later_stage_records(personas: Personas) -> None:
    """Each app may give the persona's person records of its own: a module
    `selfdirect.<app>.tests.personas` with `add_records(personas)`, called in
    INSTALLED_APPS (journey) order."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("selfdirect."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.personas")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tests.personas":
                raise
            continue
        module.add_records(personas)


def _choices_for(person: Person, *, recorded_by: User) -> None:
    from selfdirect.choices.models import IndependentSupport, SupportChoice

    IndependentSupport.objects.create(
        person=person,
        kind="advocacy",
        offered_on=datetime.date(2026, 10, 5),
        response="accepted",
        organisation="Clydeview Advocacy",
        recorded_by=recorded_by,
    )
    choice = SupportChoice.objects.create(
        person=person,
        made_on=datetime.date(2026, 10, 20),
        decided_by="person",
        recorded_by=recorded_by,
    )
    choice.elements.create(element="personal_care", option=3)
    person.direct_payment_checks.create(
        checked_on=datetime.date(2026, 10, 18),
        decision="refused",
        refusal_reasons="Your last direct payment was stopped because it was misused.",
        review_on=datetime.date(2027, 4, 18),
        recorded_by=recorded_by,
    )


@pytest.fixture
def personas(db: None) -> Personas:
    team_a, team_b = (
        TeamFactory.create(name="Clydebank North"),
        TeamFactory.create(name="Dumbarton East"),
    )
    today = datetime.date.today()  # noqa: DTZ011
    person = PersonFactory.create(first_name="Morag", last_name="MacLeod", team=team_a)
    FirstContactFactory.create(person=person, team=team_a)
    conversation = ConversationFactory.create(person=person, team=team_a)
    OutcomeFactory.create(conversation=conversation)
    _choices_for(person, recorded_by=conversation.recorded_by)
    personas = Personas(
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
    )
    _add_later_stage_records(personas)
    return personas

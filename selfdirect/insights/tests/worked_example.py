"""The worked example in docs/indicators.md, built record by record.

Period 2025-26 (1 April 2025 to 31 March 2026)."""

import datetime
from dataclasses import dataclass
from typing import Any

from selfdirect.accounts.tests.factories import (
    LocalityFactory,
    TeamFactory,
    UserFactory,
)
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.delivery.tests.factories import (
    AgreementFactory,
    ArrangedFactory,
    FundFactory,
)
from selfdirect.people.models import Person
from selfdirect.people.services import merge_people
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory
from selfdirect.plans.tests.factories import SupportPlanFactory

D = datetime.date


@dataclass
class Example:
    ann: Person
    bob: Person
    cat: Person
    dan: Person
    eve: Person
    fay: Person
    by: Any


def _choice(person: Person, on: D, by: Any, **fields: Any) -> SupportChoice:
    return SupportChoice.objects.create(
        person=person, made_on=on, recorded_by=by, **fields
    )


def build() -> Example:
    by = UserFactory.create()
    north = LocalityFactory.create(name="North")
    south = LocalityFactory.create(name="South")
    team = TeamFactory.create()
    ann = PersonFactory.create(
        first_name="Ann", date_of_birth=D(1950, 6, 1), locality=north
    )
    bob = PersonFactory.create(
        first_name="Bob", date_of_birth=D(1990, 6, 1), locality=south
    )
    cat = PersonFactory.create(
        first_name="Cat", date_of_birth=D(2010, 6, 1), locality=north
    )
    dan = PersonFactory.create(
        first_name="Dan", date_of_birth=D(1970, 6, 1), locality=south
    )
    eve = PersonFactory.create(first_name="Eve", date_of_birth=D(1980, 6, 1))
    fay = PersonFactory.create(
        first_name="Fay", date_of_birth=D(1950, 6, 1), locality=north
    )
    for person in (ann, bob, cat, dan, eve, fay):
        person.allocations.create(team=team, started_on=D(2024, 1, 1))

    # Ann: a direct payment since 2024 and an agreed plan; an informed choice.
    AgreementFactory(person=ann, starts_on=D(2024, 6, 1), recorded_by=by)
    SupportPlanFactory(
        conversation__person=ann,
        state="agreed",
        agreed_on=D(2024, 5, 20),
        started_on=D(2024, 5, 20),
    )
    InformationGiven.objects.create(person=ann, given_on=D(2025, 5, 1), given_by=by)
    IndependentSupport.objects.create(
        person=ann,
        kind="advocacy",
        offered_on=D(2025, 5, 1),
        response="accepted",
        recorded_by=by,
    )
    _choice(ann, D(2025, 5, 10), by, decided_by="person")
    FirstContactFactory(person=ann, contact_date=D(2025, 5, 1), sds_discussed=True)

    # Bob: an individual service fund from January 2026; an arranged service that
    # ended before the period. His carer chose for him after information.
    FundFactory(person=bob, starts_on=D(2026, 1, 1), recorded_by=by)
    ArrangedFactory(
        person=bob, starts_on=D(2025, 3, 1), ends_on=D(2025, 3, 31), recorded_by=by
    )
    InformationGiven.objects.create(person=bob, given_on=D(2025, 11, 20), given_by=by)
    _choice(bob, D(2025, 12, 1), by, decided_by="carer")
    FirstContactFactory(
        person=bob,
        contact_date=D(2025, 11, 1),
        sds_discussed=False,
        sds_not_discussed_reason="Person in crisis",
    )

    # Cat: a direct payment that ended on the period's first day and an arranged
    # service from its last day: options 1 and 3, so option 4. Option 3 deemed.
    AgreementFactory(
        person=cat,
        starts_on=D(2024, 4, 1),
        status="ended",
        ended_on=D(2025, 4, 1),
        recorded_by=by,
    )
    ArrangedFactory(person=cat, starts_on=D(2026, 3, 31), recorded_by=by)
    _choice(cat, D(2025, 4, 1), by, decided_by="person", deemed=True)

    # Dan: an agreed plan, no support delivered yet; contacted before the period.
    SupportPlanFactory(
        conversation__person=dan,
        state="agreed",
        agreed_on=D(2026, 2, 1),
        started_on=D(2026, 2, 1),
    )
    FirstContactFactory(person=dan, contact_date=D(2025, 3, 31), sds_discussed=True)

    # Eve: an arranged service from the day after the period ends.
    ArrangedFactory(person=eve, starts_on=D(2026, 4, 1), recorded_by=by)

    # Fay: a duplicate record of Ann, with a direct payment that ended in April
    # 2025 and a first contact; merged into Ann, so Ann carries both.
    AgreementFactory(
        person=fay,
        starts_on=D(2023, 1, 1),
        status="ended",
        ended_on=D(2025, 4, 30),
        recorded_by=by,
    )
    FirstContactFactory(person=fay, contact_date=D(2025, 4, 15), sds_discussed=True)
    merge_people(keep=ann, duplicate=fay, by=by)
    return Example(ann, bob, cat, dan, eve, fay, by)

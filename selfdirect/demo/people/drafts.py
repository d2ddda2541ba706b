"""The shapes demo people are drafted into before they are saved."""

import datetime
from dataclasses import dataclass, field

from selfdirect.accounts.models import Locality, Team, User
from selfdirect.people.models import (
    Allocation,
    FirstContact,
    Person,
    Relationship,
    Signposting,
)


@dataclass
class Area:
    """A seeded locality with its addresses and its teams by kind."""

    locality: Locality
    addresses: list[tuple[str, str, str]]  # (postcode, street, town)
    teams: dict[str, list[Team]]


@dataclass
class World:
    """The partnership's structure that people are drawn into."""

    today: datetime.date
    areas: list[Area]
    carers_team: Team
    workers: dict[int, list[User]]  # team id -> practitioners in it
    groups: dict[str, int]  # service group code -> id


@dataclass
class Draft:
    """One person and everything seeded about them, before saving."""

    person: Person
    age: int
    area: Area
    groups: list[str]
    is_carer: bool = False
    carer_name: str = ""
    allocations: list[Allocation] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    contacts: list[FirstContact] = field(default_factory=list)
    signpostings: list[Signposting] = field(default_factory=list)

    @property
    def stage(self) -> str:
        if self.age < 18:
            return "young"
        return "adult" if self.age < 65 else "older"

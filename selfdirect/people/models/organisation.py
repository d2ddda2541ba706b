"""Records an independent support organisation holds: its own, seen by its own staff.

An independent information and support organisation (a directory organization
flagged `independent_support_provider`) is its own data controller. Its records are
reached only for `Purpose.INDEPENDENT`, which `accounts.roles.REACH` gives to its
own staff (`Reach.ORGANISATION`, through `User.organization`) and to no council role.
`people/access.py` (`access_organisation_record`) is the chokepoint for one record.

An organisation may have teams (`independent.Team`, its members
`independent.TeamMember`, related name `members`). A worker
(`Reach.ORGANISATION_TEAMS`) reaches the clients (and what hangs off them) of their
own teams and those given to no team; the manager (`Reach.ORGANISATION`) all of
them. A model's `team_path` names the lookup to its client's team; records the whole
organisation shares (its logs) have none."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.db import models
from django.db.models import Q

from selfdirect.accounts.access import reach
from selfdirect.accounts.roles import Purpose, Reach

from .person import PersonRecordQuerySet

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

_R = TypeVar("_R", bound=models.Model)
_Q = TypeVar("_Q", bound=models.QuerySet)  # type: ignore[type-arg]

ORGANISATION_REACHES = frozenset({Reach.ORGANISATION, Reach.ORGANISATION_TEAMS})


def organisation_reached(user: User, purpose: Purpose) -> uuid.UUID | None:
    """The id of the organisation whose records the user reaches for a purpose:
    None for every council role, for any other purpose, and for staff with no
    organisation."""
    if purpose != Purpose.INDEPENDENT:
        return None
    if reach(user, purpose) not in ORGANISATION_REACHES:
        return None
    return user.organization_id


def in_reach(
    rows: _Q, user: User, purpose: Purpose, organisation_path: str, team_path: str
) -> _Q:
    """The rows of the user's own organisation (none for anyone else), and for a
    worker reaching only their teams, those of their teams or of no team."""
    organisation_id = organisation_reached(user, purpose)
    if organisation_id is None:
        return rows.none()
    rows = rows.filter(**{organisation_path: organisation_id})
    if team_path and reach(user, purpose) == Reach.ORGANISATION_TEAMS:
        own_team = Q(**{f"{team_path}__members__user": user})
        rows = rows.filter(Q(**{f"{team_path}__isnull": True}) | own_team)
    return rows


class OrganisationRecordQuerySet(models.QuerySet[_R]):
    """An independent organisation's own records (clients, sessions, its logs)."""

    # The lookup from the record to its organisation.
    organisation_path: ClassVar[str] = "organization"
    # The lookup from the record to the team its client belongs to ("" for records
    # the whole organisation shares).
    team_path: ClassVar[str] = ""

    def visible_to(self, user: User, purpose: Purpose = Purpose.INDEPENDENT) -> Self:
        """The records of the user's own organisation (for a worker, of their own
        teams or of no team); none for anyone else."""
        return in_reach(self, user, purpose, self.organisation_path, self.team_path)


class SharedRecordQuerySet(PersonRecordQuerySet[_R]):
    """A record both sides hold because the person consented to share it (a consent,
    a referral for independent support): the council sees it through the person, the
    organisation through itself."""

    organisation_path: ClassVar[str] = "organization"
    team_path: ClassVar[str] = ""
    # Whether the record is the council's (a referral it made), so that an
    # organisation's read of it is written to the person's access log as well.
    council_record: ClassVar[bool] = False

    def visible_to(self, user: User, purpose: Purpose) -> Self:
        """For `Purpose.INDEPENDENT`, the organisation's own; otherwise the person's."""
        if purpose != Purpose.INDEPENDENT:
            return super().visible_to(user, purpose)
        return in_reach(self, user, purpose, self.organisation_path, self.team_path)

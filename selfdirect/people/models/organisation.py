"""Records an independent support organisation holds: its own, seen by its own staff.

An independent information and support organisation (a directory organization
flagged `independent_support_provider`) is its own data controller. Its records are
reached only for `Purpose.INDEPENDENT`, which `accounts.roles.REACH` gives to its
own staff (`Reach.ORGANISATION`, through `User.organization`) and to no council role.
`people/access.py` (`access_organisation_record`) is the chokepoint for one record."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.db import models

from selfdirect.accounts.access import reach
from selfdirect.accounts.roles import Purpose, Reach

from .person import PersonRecordQuerySet

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

_R = TypeVar("_R", bound=models.Model)


def organisation_reached(user: User, purpose: Purpose) -> uuid.UUID | None:
    """The id of the organisation whose records the user reaches for a purpose:
    None for every council role, for any other purpose, and for staff with no
    organisation."""
    if purpose != Purpose.INDEPENDENT:
        return None
    if reach(user, purpose) != Reach.ORGANISATION:
        return None
    return user.organization_id


class OrganisationRecordQuerySet(models.QuerySet[_R]):
    """An independent organisation's own records (clients, sessions, its logs)."""

    # The lookup from the record to its organisation.
    organisation_path: ClassVar[str] = "organization"

    def visible_to(self, user: User, purpose: Purpose = Purpose.INDEPENDENT) -> Self:
        """The records of the user's own organisation; none for anyone else."""
        organisation_id = organisation_reached(user, purpose)
        if organisation_id is None:
            return self.none()
        return self.filter(**{self.organisation_path: organisation_id})


class SharedRecordQuerySet(PersonRecordQuerySet[_R]):
    """A record both sides hold because the person consented to share it (a consent,
    a referral for independent support): the council sees it through the person, the
    organisation through itself."""

    organisation_path: ClassVar[str] = "organization"
    # Whether the record is the council's (a referral it made), so that an
    # organisation's read of it is written to the person's access log as well.
    council_record: ClassVar[bool] = False

    def visible_to(self, user: User, purpose: Purpose) -> Self:
        """For `Purpose.INDEPENDENT`, the organisation's own; otherwise the person's."""
        if purpose != Purpose.INDEPENDENT:
            return super().visible_to(user, purpose)
        organisation_id = organisation_reached(user, purpose)
        if organisation_id is None:
            return self.none()
        return self.filter(**{self.organisation_path: organisation_id})

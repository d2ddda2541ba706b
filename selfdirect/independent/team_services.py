"""The organisation's teams: its manager names them and says who is in each. A
worker then sees the clients of their own teams (and those of no team)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.core.concurrency import save_new, save_new_or_refuse, update_versioned

from .models import Team, TeamMember
from .services import _audit

NAME_TAKEN = _("Your organisation already has a team with that name")


@dataclass(frozen=True)
class TeamDetails:
    name: str
    members: tuple[User, ...]


def _set_members(team: Team, members: Iterable[User], by: User) -> None:
    wanted = {u.pk: u for u in members}
    if any(u.organization_id != team.organization_id for u in wanted.values()):
        raise ValidationError({"members": _("Choose members of your own staff")})
    for membership in TeamMember.objects.filter(team=team).exclude(user__in=wanted):
        membership._history_user = by  # type: ignore[attr-defined]
        membership.delete()
    present = set(
        TeamMember.objects.filter(team=team).values_list("user_id", flat=True)
    )
    for pk, user in wanted.items():
        if pk not in present:
            save_new(TeamMember(team=team, user=user, recorded_by=by), by)


@transaction.atomic
def add_team(*, by: User, details: TeamDetails) -> Team:
    """Add a team to the manager's own organisation, with its members."""
    team = Team(name=details.name, recorded_by=by)
    team.organization_id = by.organization_id  # type: ignore[assignment]
    save_new_or_refuse(team, by, refusal=ValidationError({"name": NAME_TAKEN}))
    _set_members(team, details.members, by)
    _audit(by, "independent_team.added", team)
    return team


@transaction.atomic
def change_team(*, team: Team, by: User, version: int, details: TeamDetails) -> Team:
    """Rename a team and set who is in it (version-checked: the team's version
    moves on whenever its name or members change)."""
    if (
        Team.objects.filter(organization_id=team.organization_id, name=details.name)
        .exclude(pk=team.pk)
        .exists()
    ):
        raise ValidationError({"name": NAME_TAKEN})
    update_versioned(team, by=by, version=version, details={"name": details.name})
    _set_members(team, details.members, by)
    _audit(by, "independent_team.changed", team)
    return team

"""What a user's role allows, asked of the tables in `roles.py`.

These answer for a role, never for a record: whether someone may take an action
(403 when not) and whose records they reach. `selfdirect/people/access.py` applies
them to people's records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from .roles import NEEDS, REACH, Action, Capability, Purpose, Reach

if TYPE_CHECKING:
    from .models import User


def require(user: User, capability: Capability) -> None:
    """Refuse (403) a user whose role has no business with this capability."""
    if not user.can(capability):
        raise PermissionDenied(capability)


def require_action(user: User, purpose: Purpose, action: Action) -> None:
    """Refuse (403) a role that may not take this action for this purpose; the
    refusal names the capability the user lacks, so the page says who has it."""
    steps = NEEDS.get((purpose, action))
    if steps is None:
        raise PermissionDenied
    for step in steps:
        if not any(user.can(capability) for capability in step):
            raise PermissionDenied(step[0])


def may(user: User, purpose: Purpose, action: Action) -> bool:
    """Whether the user's role may take this action for this purpose."""
    try:
        require_action(user, purpose, action)
    except PermissionDenied:
        return False
    return True


def reach(user: User, purpose: Purpose) -> Reach:
    """Whose records the user reaches for this purpose: nobody without current access."""
    if not user.is_authenticated or not user.access_is_current():
        return Reach.NOBODY
    return REACH[purpose].get(user.role, Reach.NOBODY)

"""Who may read and keep the providers register.

The register names organisations, not people, so there is no person check: a role
reads it or is refused (403). Changing it needs MANAGE_PROVIDERS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

from selfdirect.accounts.roles import Capability

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

# Roles that may see delivery records (SEE_FINANCE, VIEW_PEOPLE) read the register.
READERS = (Capability.SEE_FINANCE, Capability.VIEW_PEOPLE)


def may_read_providers(user: User) -> bool:
    """Finance roles, practitioners and register keepers read the providers register."""
    return any(user.can(c) for c in READERS) or user.can(Capability.MANAGE_PROVIDERS)


def require_providers_reader(user: User) -> None:
    """Refuse (403) a role with no business with the providers register."""
    if not may_read_providers(user):
        raise PermissionDenied(Capability.SEE_FINANCE)

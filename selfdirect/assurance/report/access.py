"""Who may see an exercise's results: the roles that run exercises."""

from selfdirect.accounts.models import User
from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability


def require_exercises(user: User) -> None:
    """Refuse (403) a user whose role does not run reading exercises."""
    require(user, Capability.SEE_INDICATORS)  # replaced by the exercises' own check

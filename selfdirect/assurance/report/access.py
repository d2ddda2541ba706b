"""Who may see an exercise's results: quality leads and inspectors, as for the
exercise pages."""

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Capability


def require_results(user: User) -> None:
    """Refuse (403) a user whose role does not see file reading results."""
    require(user, Capability.SEE_FILE_READING_RESULTS)

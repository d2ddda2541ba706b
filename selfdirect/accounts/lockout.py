"""Sign-in lockout: django-axes with a separate, higher limit for an address."""

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


class SignInLockoutHandler(AxesDatabaseHandler):
    """Locks a username at one address after AXES_FAILURE_LIMIT failures, and an
    address after AXES_ADDRESS_FAILURE_LIMIT failures for any usernames.

    Axes compares one count with one limit, so the address's count is given in
    units of the username limit: it reaches AXES_FAILURE_LIMIT exactly when the
    address reaches AXES_ADDRESS_FAILURE_LIMIT. Relies on AXES_LOCKOUT_PARAMETERS
    being [["username", "ip_address"], "ip_address"].
    """

    def get_failures(self, request: HttpRequest, credentials: Any = None) -> int:
        by_username, by_address = (
            _failures(attempts)
            for attempts in self.get_user_attempts(request, credentials)
        )
        account_limit = settings.AXES_FAILURE_LIMIT
        address_limit = settings.AXES_ADDRESS_FAILURE_LIMIT
        return max(by_username, by_address * account_limit // address_limit)

    def reset_user_attempts(self, request: HttpRequest, credentials: Any = None) -> int:
        """A good password clears that username's failures, not the address's:
        otherwise one valid account would reset a password spray."""
        by_username = self.filter_user_attempts(request, credentials)[0]
        deleted, _ = by_username.delete()
        return int(deleted)


def _failures(attempts: QuerySet[Any]) -> int:
    total = attempts.aggregate(total=Sum("failures_since_start"))["total"]
    return int(total or 0)

"""Settings and checks the delivery actions share."""

from django.conf import settings
from django.core.exceptions import ValidationError


def monitoring_grace_days() -> int:
    """Days after a monitoring period ends that its return is due (configurable)."""
    return int(getattr(settings, "DELIVERY_RETURN_GRACE_DAYS", 28))


def surplus_weeks_allowed() -> int:
    """Weeks of payment a person may hold as contingency before it is surplus."""
    return int(getattr(settings, "DELIVERY_SURPLUS_WEEKS_ALLOWED", 8))


def check(problems: dict[str, str]) -> None:
    """Refuse with the rules' problems, by field, when there are any."""
    if problems:
        raise ValidationError(problems)

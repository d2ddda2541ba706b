"""The SMART flags a plan outcome keeps, and what the SMART rule says of it now:
for the tests that check the two agree."""

from selfdirect.plans.models import SMART_FLAGS, PlanOutcome


def stored(outcome: PlanOutcome) -> dict[str, bool]:
    """The flags as saved in the database."""
    outcome.refresh_from_db()
    return {name: getattr(outcome, name) for name in SMART_FLAGS}


def checked(outcome: PlanOutcome) -> dict[str, bool]:
    """The flags the SMART rule gives the outcome's words and dates now."""
    check = outcome.smart_check()
    return {
        "smart_specific": check.specific,
        "smart_measurable": check.measurable,
        "smart_time_bound": check.time_bound,
        "smart_achievable": check.achievable,
    }

"""Hook points the people pages read, where later stages contribute in hooks.py."""

import datetime
from collections.abc import Callable

from selfdirect.core.hooks import HookPoint

# Takes a person's id and a first contact's date; returns the date of the person's
# first formal assessment after it, or None.
LaterAssessment = Callable[[int, datetime.date], "datetime.date | None"]

LATER_ASSESSMENT: HookPoint[LaterAssessment] = HookPoint(
    "people_later_assessment",
    "When a person signposted at first contact later had a formal assessment: "
    "the conversations stage answers, so the follow-up page can say so.",
)


def assessed_after(person_id: int, day: datetime.date) -> datetime.date | None:
    """The first answer any contributing stage gives, or None."""
    from selfdirect.core.hooks import contributions

    for answer in contributions(LATER_ASSESSMENT):
        if found := answer(person_id, day):
            return found
    return None

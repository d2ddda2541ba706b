"""Hook points the people pages read, where later stages contribute in hooks.py."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

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


class StageStatus:
    """Where a journey stage stands (the task list's tags)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NEEDS_REVIEW = "needs_review"
    NOT_NEEDED = "not_needed"


@dataclass(frozen=True)
class StageProgress:
    """A stage's status for one person, a sentence saying why, and the next thing
    to do (a label and URL, only when the user may do it)."""

    status: str
    summary: str = ""
    next_label: str = ""
    next_url: str = ""


@dataclass(frozen=True)
class JourneyStage:
    """One stage of the journey on the person page's task list.

    ``annotations()`` gives the expressions the stage needs, added to one query of
    the person (so the whole task list is one query, whatever the number of
    stages); ``progress(row, user)`` reads them from the annotated person and
    returns the stage's progress, or None to leave the stage out for this user."""

    order: int
    title: str | Promise
    annotations: Callable[[], dict[str, Any]]
    progress: Callable[[Any, Any], StageProgress | None]


JOURNEY_STAGES: HookPoint[JourneyStage] = HookPoint(
    "people_journey_stages",
    "The stages of a person's journey, in order, each with its status and next "
    "action, shown as the task list on the person page. Each journey app "
    "contributes its own stage, so the people app imports none of them.",
)

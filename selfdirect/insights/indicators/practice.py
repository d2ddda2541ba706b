"""`practice_quality`: among people with an agreed conversation in the period, the
share whose records show each sign of good practice.

The answers are the case file reader's own (assurance/reader: the same rule
functions an exercise uses), worked out for everyone by the population reading in
the background and kept per person; here they are counted in the database like any
other indicator (EXISTS on the kept answer, GROUP BY for breakdowns). Insights
reads them through the KEPT_ANSWERS hook point, never by importing assurance.

A period that has ended is judged **as at its last day**: the same rules' set-based
forms are worked out in the query on the records as they stood that day (the
latest conversation held and the current plan then), not the kept answers, which
are as at the latest reading. See docs/indicators.md for why, and what "as at"
means here.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from selfdirect.conversations.models import Conversation
from selfdirect.core.hook_points import KEPT_ANSWERS, KeptAnswers
from selfdirect.core.hooks import contributions

from . import cohorts
from .breakdowns import DIMENSIONS, breakdown
from .periods import Period, within

# Each measure's name -> the reader's rule (criterion id) whose "yes" it counts.
MEASURES = {
    "own_words": "outcomes_own_words",
    "strengths": "strengths_recorded",
    "risk_enablement": "risk_enablement",
    "smart": "plan_smart",
    "contingency": "plan_contingency",
    "informal_supports": "informal_supports_in_plan",
}


def kept() -> KeptAnswers | None:
    found = contributions(KEPT_ANSWERS)
    return found[0] if found else None


def cohort(period: Period) -> QuerySet[Any]:
    """People (merged records left out) with a conversation agreed in the period."""
    agreed = Conversation.objects.filter(
        within(period, "agreed_on"),
        person=OuterRef("pk"),
        state=Conversation.State.AGREED,
    )
    return cohorts.people().filter(Exists(agreed))


def judged_as_at(period: Period) -> datetime.date | None:
    """The day a period's records are judged as at: its last day once it has
    ended; None (the kept answers, as at the latest reading) while it runs."""
    return period.end if period.end < timezone.localdate() else None


def counts(answers: KeptAnswers, period: Period) -> dict[str, Q | None]:
    """Each measure's filter on the cohort: the kept "yes", or for a period that
    has ended the rule's "yes" on the records as they stood on its last day."""
    on = judged_as_at(period)
    if on is None:
        found = {name: answers.answered(rule, "yes") for name, rule in MEASURES.items()}
    else:
        found = {
            name: answers.answered_at(rule, "yes", on)
            for name, rule in MEASURES.items()
        }
    return {"people": None, **found}


def rate(numerator: int, denominator: int) -> dict[str, Any]:
    return {
        "numerator": numerator,
        "denominator": denominator,
        "rate": round(100 * numerator / denominator, 1) if denominator else None,
    }


def practice_quality(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """Per measure, people whose answer is yes ÷ people with a conversation agreed
    in the period. For a period that has ended the answers are worked out live as
    at its last day (`judged_on`; `as_at` is then that day, nothing is stale and
    nobody is unread); while it runs they are the kept answers: `not_read` counts
    people with none kept yet (new since the last reading), and `as_at` / `stale`
    say when they were worked out and whether records changed since."""
    answers = kept()
    rows = cohort(period)
    if answers is None:
        return {"available": False, "people": rows.count()}
    on = judged_as_at(period)
    q = counts(answers, period)
    live = {name: Count("pk", filter=f) for name, f in q.items() if f is not None}
    if on is None:
        computed_at, stale = answers.freshness()
        totals = rows.aggregate(
            people=Count("pk"), not_read=Count("pk", filter=~answers.read()), **live
        )
        as_at = computed_at.isoformat() if computed_at else None
    else:
        stale, as_at = "", on.isoformat()
        totals = {"not_read": 0, **rows.aggregate(people=Count("pk"), **live)}
    found: dict[str, Any] = {
        "available": True,
        "as_at": as_at,
        "judged_on": on.isoformat() if on else None,
        "stale": stale,
        "people": totals["people"],
        "not_read": totals["not_read"],
        "measures": {name: rate(totals[name], totals["people"]) for name in MEASURES},
    }
    dims = DIMENSIONS if breakdowns is True else tuple(breakdowns or ())
    dims = tuple(d for d in dims if d != "option")
    if dims:
        found["breakdowns"] = breakdown(rows, q, period, dimensions=dims)
    return found

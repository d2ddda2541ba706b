"""Drill-through from the outcomes report: the people behind one count.

A count names its set with a `Drill` (which row, and which measure); the people in
it come from the same querysets the report counts, and are then narrowed to the
people the user reaches (`Person.objects.visible_to`, through people.selectors), so
a team manager sees their own teams' people and only counts for the rest."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from selfdirect.accounts.roles import Purpose
from selfdirect.core.dates import add_months
from selfdirect.people.selectors import people_among
from selfdirect.reviews import aggregates

from .outcomes import (
    BREAKDOWNS,
    NONE_KEY,
    PERSON,
    breakdown_titles,
    none_labels,
    quarter_label,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User
    from selfdirect.people.models import Person

ROWS = ("all", *BREAKDOWNS, "quarter")
TIMELINESS = ("all", "on_time", "late")


@dataclass(frozen=True)
class Drill:
    """One count on the report: a row (`by`, `key`) and a measure: an attainment
    level (or any), a poor-outcome reason, a choice-and-control answer, or
    reviews (all, in time, late)."""

    by: str = "all"
    key: str = ""
    level: str = ""
    reason: str = ""
    question: str = ""
    answer: str = ""
    reviews: str = ""

    def query(self, period: dict[str, str]) -> str:
        """The drill-through page's query string, with the report's period."""
        given = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "by" and getattr(self, f.name)
        }
        if self.by != "all":
            given["by"] = self.by
        return urlencode({**period, **given})


def _key_filter(drill: Drill) -> Q:
    if drill.by == "all":
        return Q()
    if drill.by == "quarter":
        first = datetime.date.fromisoformat(drill.key)
        return Q(
            review__agreed_on__gte=first, review__agreed_on__lt=add_months(first, 3)
        )
    key, _label = aggregates.OUTCOME_DIMENSIONS[drill.by]
    if drill.key == NONE_KEY:
        return Q(**{f"{key}__isnull": True})
    return Q(**{key: int(drill.key)})


def counted_person_ids(
    drill: Drill, start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Any]:
    """The ids of the people the report counted for this count (a subquery)."""
    if drill.reviews:
        reviews = aggregates.agreed_reviews(start, end)
        if drill.reviews == "on_time":
            reviews = reviews.filter(aggregates.on_time())
        elif drill.reviews == "late":
            reviews = reviews.exclude(aggregates.on_time())
        return reviews.values("person")
    if drill.question:
        supports = aggregates.reviewed_supports(start, end)
        return supports.filter(**{f"feedback__{drill.question}": drill.answer}).values(
            PERSON
        )
    outcomes: QuerySet[Any] = aggregates.reviewed_outcomes(start, end)
    if drill.by == "team":
        outcomes = aggregates.with_team(outcomes)
    outcomes = outcomes.filter(_key_filter(drill))
    if drill.level:
        outcomes = outcomes.filter(level__code=drill.level)
    if drill.reason:
        outcomes = outcomes.filter(level__poor=True, reasons__code=drill.reason)
    return outcomes.values(PERSON)


def counted(
    drill: Drill, start: datetime.date | None, end: datetime.date | None
) -> int:
    """How many distinct people the report counted for this count."""
    return counted_person_ids(drill, start, end).distinct().count()


def people_shown(
    user: User, drill: Drill, start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Person]:
    """The counted people whose records the user reaches, by name."""
    ids = counted_person_ids(drill, start, end)
    return people_among(user, Purpose.PRACTICE, ids).order_by(
        "last_name", "first_name", "pk"
    )


def row_label(
    drill: Drill, start: datetime.date | None, end: datetime.date | None
) -> str:
    """What the row is, in words, looked up (never taken from the address)."""
    title = breakdown_titles()[drill.by]
    if drill.by == "all":
        return title
    if drill.by == "quarter":
        return f"{title}: {quarter_label(datetime.date.fromisoformat(drill.key))}"
    if drill.key == NONE_KEY:
        return f"{title}: {none_labels()[drill.by]}"
    if drill.by == "option":
        return f"{title}: {aggregates.OPTION_LABELS.get(int(drill.key), drill.key)}"
    key, label = aggregates.OUTCOME_DIMENSIONS[drill.by]
    outcomes: QuerySet[Any] = aggregates.reviewed_outcomes(start, end)
    if drill.by == "team":
        outcomes = aggregates.with_team(outcomes)
    found = outcomes.filter(**{key: int(drill.key)}).values_list(label, flat=True)[:1]
    return f"{title}: {found[0] if found else _('none counted')}"

"""The signposting effectiveness report: counts of distinct people, in the database.

For each directory service (and each taxonomy term of those services): people
signposted at first contact, follow-ups done, needs met, and people who went on to
a formal assessment (a conversations.Conversation) within 3, 6 and 12 months of the
contact. Signposting from support plans (a community resource in the plan) is
counted apart: those people have had their assessment already, so what matters is
whether they used it and whether it met their need.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from selfdirect.conversations.selectors import assessments_within
from selfdirect.people.selectors import signpostings_to_services
from selfdirect.plans.selectors import community_resources_in_plans

WINDOWS = {"within_3": 91, "within_6": 182, "within_12": 365}
DEFAULT_PERIOD_DAYS = 365


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The period a report covers when the user has not chosen one: the twelve
    months up to today."""
    return today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS), today


@dataclass(frozen=True)
class ReportRow:
    label: str
    signposted: int
    followed_up: int
    used: int
    need_met: int
    within_3: int
    within_6: int
    within_12: int


def _signpostings(
    start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Any]:
    rows = signpostings_to_services(start, end)
    for name, days in WINDOWS.items():
        later = assessments_within(
            person=OuterRef("first_contact__person"),
            after=OuterRef("first_contact__contact_date"),
            days=days,
        )
        rows = rows.annotate(**{name: Exists(later)})
    return rows


def _counts(rows: QuerySet[Any], *group: str) -> list[dict[str, Any]]:
    person = "first_contact__person"
    return list(
        rows.values(*group)
        .annotate(
            signposted=Count(person, distinct=True),
            followed_up=Count(
                person,
                distinct=True,
                filter=Q(first_contact__followed_up_on__isnull=False),
            ),
            used=Count(person, distinct=True, filter=Q(used_it=True)),
            need_met=Count(person, distinct=True, filter=Q(need_met=True)),
            **{
                name: Count(person, distinct=True, filter=Q(**{name: True}))
                for name in WINDOWS
            },
        )
        .order_by("-signposted", *group)
    )


def by_service(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> list[ReportRow]:
    """One row per directory service people were signposted to."""
    return [
        _row(r, r["service__name"])
        for r in _counts(_signpostings(start, end), "service", "service__name")
    ]


def by_term(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> list[ReportRow]:
    """One row per taxonomy term of the services people were signposted to."""
    term = "service__attributes__taxonomy_term"
    rows = _signpostings(start, end).filter(service__attributes__isnull=False)
    return [_row(r, r[f"{term}__name"]) for r in _counts(rows, term, f"{term}__name")]


def _row(values: dict[str, Any], label: str) -> ReportRow:
    return ReportRow(
        label=label,
        **{
            k: values[k]
            for k in ("signposted", "followed_up", "used", "need_met", *WINDOWS)
        },
    )


@dataclass(frozen=True)
class PlanRow:
    """A community resource named in support plans, and how it went."""

    label: str
    people: int
    followed_up: int
    used: int
    need_met: int


def plan_supports_by_service(
    start: datetime.date | None = None, end: datetime.date | None = None
) -> list[PlanRow]:
    """Signposting from support plans: one row per directory service named as a
    community resource in plans started in the period (distinct people)."""
    rows = community_resources_in_plans(start, end)
    person = "plan__person"
    counted = (
        rows.values("service", "service__name")
        .annotate(
            people=Count(person, distinct=True),
            followed_up=Count(
                person, distinct=True, filter=Q(followed_up_on__isnull=False)
            ),
            used=Count(person, distinct=True, filter=Q(used_it=True)),
            met=Count(person, distinct=True, filter=Q(need_met=True)),
        )
        .order_by("-people", "service__name")
    )
    return [
        PlanRow(r["service__name"], r["people"], r["followed_up"], r["used"], r["met"])
        for r in counted
    ]

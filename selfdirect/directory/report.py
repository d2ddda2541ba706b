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

from django.db.models import (
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
)

WINDOWS = {"within_3": 91, "within_6": 182, "within_12": 365}


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
    from selfdirect.conversations.models import Conversation
    from selfdirect.people.models import Signposting

    rows = Signposting.objects.filter(service__isnull=False)
    if start:
        rows = rows.filter(first_contact__contact_date__gte=start)
    if end:
        rows = rows.filter(first_contact__contact_date__lte=end)
    for name, days in WINDOWS.items():
        later = Conversation.objects.filter(
            person=OuterRef("first_contact__person"),
            conversation_date__gt=OuterRef("first_contact__contact_date"),
            conversation_date__lte=ExpressionWrapper(
                OuterRef("first_contact__contact_date") + datetime.timedelta(days=days),
                output_field=DateField(),
            ),
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
    from selfdirect.plans.models import Support

    rows = Support.objects.filter(service__isnull=False, provided_by="community")
    if start:
        rows = rows.filter(plan__started_on__gte=start)
    if end:
        rows = rows.filter(plan__started_on__lte=end)
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


def formal_assessment_after(person_id: int, day: datetime.date) -> datetime.date | None:
    """The date of the person's first formal assessment (a conversations record)
    after `day` (a first contact's date), or None: the same rule the report counts."""
    from selfdirect.conversations.models import Conversation

    return (  # type: ignore[no-any-return]
        Conversation.objects.filter(person_id=person_id, conversation_date__gt=day)
        .order_by("conversation_date")
        .values_list("conversation_date", flat=True)
        .first()
    )

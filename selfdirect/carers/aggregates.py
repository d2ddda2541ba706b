"""Carers read in bulk, for the carers report in insights (docs/carers.md, "The
carers report"). Every function returns a QuerySet or a list the database grouped;
none of them loads carers into Python one by one, and none runs a query per row.

What is counted, for a period (both ends included; None leaves an end open):
- **identified**: carers identified in the period;
- **offered**: carers with an offer (or their own request) of an ACSP or YCS dated
  in the period;
- **accepted**: carers who accepted an offer, or asked for a plan, in the period
  (the answer's date, or the request's date);
- **completed**: carers with a plan or statement agreed in the period;
- **eligible / not eligible**: of the completed, those with at least one domain at
  or above the threshold of the criteria version the plan is judged by (the version
  in force on the day it started, kept on the plan), and those with none;
- **with a break**: of the completed, those whose plan has a break from caring.
The unit is the carer (a person): someone caring for two people counts once, and
under the service group of each person they care for. Merged records are left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from selfdirect.core.dates import add_years

from .models import (
    IMPACT_ORDER,
    BreakFromCaring,
    Carer,
    CarerPlan,
    CarerReview,
    DomainImpact,
    Offer,
)
from .rules import ADULT_AGE

Period = tuple[datetime.date | None, datetime.date | None]
YOUNG, ADULT = "young", "adult"
AGE_GROUP_LABELS = {YOUNG: "Young carers", ADULT: "Adult carers"}
WANTED = (Offer.Answer.ACCEPTED, Offer.Answer.REQUESTED)
# The ways the report is broken down: the lookup, from a carer record, of the
# group's key and its label. A carer is counted once under each value.
DIMENSIONS: dict[str, tuple[str, str]] = {
    "age_group": ("age_group", "age_group"),
    "locality": ("person__locality", "person__locality__name"),
    "service_group": ("cared_for__service_groups", "cared_for__service_groups__name"),
}


def _between(field: str, start: datetime.date | None, end: datetime.date | None) -> Q:
    q = Q(**{f"{field}__isnull": False})
    if start is not None:
        q &= Q(**{f"{field}__gte": start})
    if end is not None:
        q &= Q(**{f"{field}__lte": end})
    return q


def age_group(on: datetime.date, prefix: str = "") -> Case:
    """ "young" for a carer under 18 on the day, or 18 or over and still at school
    (s2, `rules.is_young_carer`); "adult" otherwise. Relative to a Carer (`prefix`
    leads to it)."""
    return Case(
        When(**{f"{prefix}still_at_school": True}, then=Value(YOUNG)),
        When(
            **{f"{prefix}person__date_of_birth__gt": add_years(on, -ADULT_AGE)},
            then=Value(YOUNG),
        ),
        default=Value(ADULT),
        output_field=CharField(),
    )


def _as_of(period: Period) -> datetime.date:
    return period[1] or datetime.date.today()  # noqa: DTZ011 - an open end is today


def _flag(rows: QuerySet[Any]) -> Case:
    """1 when any such row exists, else 0 (flags filter alike on both databases)."""
    return Case(
        When(Exists(rows), then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def _rank(field: str) -> Case:
    """An impact level (or threshold) as its number, lowest first."""
    return Case(
        *[When(**{field: code}, then=Value(n)) for code, n in IMPACT_ORDER.items()],
        output_field=IntegerField(),
    )


def eligible_impacts() -> Q:
    """Relative to a DomainImpact: at or above the threshold of the criteria the
    plan is judged by (`rules.judge` in the database)."""
    return Q(level_rank__gte=F("threshold_rank"))


def judged_impacts() -> QuerySet[DomainImpact]:
    return DomainImpact.objects.filter(plan__criteria__isnull=False).annotate(
        level_rank=_rank("level"), threshold_rank=_rank("plan__criteria__threshold")
    )


def offers_made(
    start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Offer]:
    """Offers made (or plans asked for) in the period, whatever the answer."""
    return Offer.objects.filter(_between("offered_on", start, end)).exclude(
        carer__person__status="merged"
    )


def completed_plans(start: datetime.date | None, end: datetime.date | None) -> Any:
    """Plans and statements agreed in the period."""
    return CarerPlan.objects.filter(
        _between("agreed_on", start, end), state=CarerPlan.State.AGREED
    ).exclude(carer__person__status="merged")


def reviewed_plans(start: datetime.date | None, end: datetime.date | None) -> Any:
    """Plans and statements with a carer's review agreed in the period."""
    agreed = CarerReview.objects.filter(
        _between("agreed_on", start, end),
        state=CarerReview.State.AGREED,
        plan=OuterRef("pk"),
    )
    return CarerPlan.objects.filter(Exists(agreed)).exclude(
        carer__person__status="merged"
    )


def accepted_offers(
    start: datetime.date | None, end: datetime.date | None
) -> QuerySet[Any]:
    """Offers accepted, or plans asked for, in the period (the answer's date, or
    the request's)."""
    return (
        Offer.objects.annotate(wanted_on=Coalesce("answered_on", "offered_on"))
        .filter(_between("wanted_on", start, end), answer__in=WANTED)
        .exclude(carer__person__status="merged")
    )


# The steps a carer is counted at, after being identified, in order: each gives the
# records (with a `carer`) that count a carer at that step in the period. A step
# added here (carers' reviews agreed in the period, say) is counted, broken down,
# shown and downloaded by the carers report with no other change.
STEPS: dict[str, Callable[[datetime.date | None, datetime.date | None], Any]] = {
    "offered": offers_made,
    "accepted": accepted_offers,
    "completed": completed_plans,
    "reviewed": reviewed_plans,
}
# Of the completed: with an eligible need, with none, with a break from caring.
OF_COMPLETED = ("eligible", "not_eligible", "with_break")
# The counts of the report, in order (each a distinct count of carers).
MEASURES = ("identified", *STEPS, *OF_COMPLETED)


def carers(start: datetime.date | None, end: datetime.date | None) -> QuerySet[Carer]:
    """Carer records with a flag (1 or 0) for each measure and their age group on
    the period's last day. Filter with `counted()` to keep those counted at all."""
    mine = OuterRef("pk")
    completed = completed_plans(start, end).filter(carer=mine)
    eligible = judged_impacts().filter(eligible_impacts(), plan=OuterRef("pk"))
    completed_eligible = completed.annotate(has_eligible=Exists(eligible)).filter(
        has_eligible=True
    )
    steps = {
        name: _flag(rows(start, end).filter(carer=mine)) for name, rows in STEPS.items()
    }
    return (
        Carer.objects.exclude(person__status="merged")
        .annotate(
            identified=Case(
                When(_between("identified_on", start, end), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            **steps,
            eligible=_flag(completed_eligible),
            with_break=_flag(
                BreakFromCaring.objects.filter(
                    plan__in=completed_plans(start, end), plan__carer=mine
                )
            ),
            age_group=age_group(_as_of((start, end))),
        )
        .annotate(
            not_eligible=Case(
                When(Q(completed=1, eligible=0), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    )


def counted() -> Q:
    """Carers counted under at least one measure."""
    found = Q(identified=1)
    for name in STEPS:
        found |= Q(**{name: 1})
    return found


def _measure_counts() -> dict[str, Count]:
    return {
        f"n_{name}": Count("person", distinct=True, filter=Q(**{name: 1}))
        for name in MEASURES
    }


def funnel(
    start: datetime.date | None, end: datetime.date | None, dimension: str | None
) -> list[dict[str, Any]]:
    """One GROUP BY: for each group of the dimension (None: everyone, one row),
    `key`, `label` and each measure as a distinct count of carers."""
    rows = carers(start, end).filter(counted())
    if dimension is None:
        found = rows.aggregate(**_measure_counts())
        return [{"key": "", "label": "", **_plain(found)}]
    key, label = DIMENSIONS[dimension]
    grouped = rows.values(key, label).annotate(**_measure_counts()).order_by()
    return [{"key": g[key], "label": g[label], **_plain(g)} for g in grouped]


def _plain(values: dict[str, Any]) -> dict[str, int]:
    return {name: values[f"n_{name}"] for name in MEASURES}


def offer_to_completion(
    start: datetime.date | None, end: datetime.date | None
) -> list[tuple[Any, ...]]:
    """One query: for each plan agreed in the period, (plan id, age group, locality,
    service group of the person cared for, days from the latest offer accepted or
    request made on or before the day it was agreed to that day). A plan appears
    once per service group of the person cared for; plans with no such offer are
    left out. The percentiles are taken over these few values (`percentiles`)."""
    offers = Offer.objects.filter(
        carer=OuterRef("carer"),
        answer__in=WANTED,
        offered_on__lte=OuterRef("agreed_on"),
    ).order_by("-offered_on", "-id")
    plans = (
        completed_plans(start, end)
        .annotate(offer_on=Subquery(offers.values("offered_on")[:1]))
        .filter(offer_on__isnull=False)
        .annotate(
            days=ExpressionWrapper(
                F("agreed_on") - F("offer_on"), output_field=DurationField()
            ),
            group=age_group(_as_of((start, end)), "carer__"),
        )
    )
    return [
        (pk, group, locality, service_group, _whole_days(days))
        for pk, group, locality, service_group, days in plans.values_list(
            "pk",
            "group",
            "carer__person__locality__name",
            "carer__cared_for__service_groups__name",
            "days",
        ).order_by()
    ]


def _whole_days(value: Any) -> int:
    return value.days if isinstance(value, datetime.timedelta) else int(value)


def domain_counts(
    start: datetime.date | None, end: datetime.date | None, dimension: str | None
) -> list[dict[str, Any]]:
    """One GROUP BY over the impacts of plans agreed in the period: per domain
    (and group of the dimension), carers whose need in the domain is eligible and
    not eligible against their plan's criteria version."""
    rows = judged_impacts().filter(plan__in=completed_plans(start, end))
    carer = "plan__carer__person"
    values = ["domain__code"]
    if dimension is not None:
        key, label = DIMENSIONS[dimension]
        if dimension == "age_group":
            rows = rows.annotate(
                age_group=age_group(_as_of((start, end)), "plan__carer__")
            )
            values += ["age_group"]
        else:
            values += [f"plan__carer__{key}", f"plan__carer__{label}"]
    grouped = (
        rows.values(*values)
        .annotate(
            name=Max("domain__name"),
            order=Max("domain__order"),
            eligible=Count(carer, distinct=True, filter=eligible_impacts()),
            not_eligible=Count(carer, distinct=True, filter=~eligible_impacts()),
        )
        .order_by()
    )
    return [_grouped(g, dimension, "domain__code") for g in grouped]


def break_counts(
    start: datetime.date | None, end: datetime.date | None, dimension: str | None
) -> list[dict[str, Any]]:
    """One GROUP BY over the breaks from caring in plans agreed in the period: per
    kind (and group of the dimension), the breaks and the carers they are for."""
    rows: QuerySet[Any] = BreakFromCaring.objects.filter(
        plan__in=completed_plans(start, end)
    )
    values = ["kind"]
    if dimension is not None:
        key, label = DIMENSIONS[dimension]
        if dimension == "age_group":
            rows = rows.annotate(
                age_group=age_group(_as_of((start, end)), "plan__carer__")
            )
            values += ["age_group"]
        else:
            values += [f"plan__carer__{key}", f"plan__carer__{label}"]
    grouped = (
        rows.values(*values)
        .annotate(
            breaks=Count("pk", distinct=True),
            carers=Count("plan__carer__person", distinct=True),
        )
        .order_by()
    )
    return [_grouped(g, dimension, "kind") for g in grouped]


def _grouped(
    values: dict[str, Any], dimension: str | None, item: str
) -> dict[str, Any]:
    found = dict(values)
    found["item"] = values[item]
    found["key"] = found["label"] = ""
    if dimension == "age_group":
        found["key"] = found["label"] = values["age_group"]
    elif dimension is not None:
        key, label = DIMENSIONS[dimension]
        found["key"] = values[f"plan__carer__{key}"]
        found["label"] = values[f"plan__carer__{label}"]
    return found

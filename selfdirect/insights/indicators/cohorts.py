"""The people an indicator counts, as annotated QuerySets (all work in the database).

People merged into another record are left out: merging (`people.services.
merge_people`) moves every record of the duplicate onto the surviving record, so
the surviving record carries them all and each person counts once.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
)
from selfdirect.people.models import Person
from selfdirect.plans.models import SupportPlan

from .periods import Period, in_effect

OPTIONS = ("option_1", "option_2", "option_3")


def people() -> QuerySet[Any]:
    """Every person counted once: merged duplicates left out."""
    return Person.objects.exclude(status=Person.Status.MERGED)


def direct_payments_in_effect(period: Period) -> QuerySet[DirectPaymentAgreement]:
    return DirectPaymentAgreement.objects.filter(
        in_effect(period, "starts_on", "ended_on")
    )


def service_funds_in_effect(period: Period) -> QuerySet[IndividualServiceFund]:
    return IndividualServiceFund.objects.filter(
        in_effect(period, "starts_on", "ends_on")
    )


def arranged_in_effect(period: Period) -> QuerySet[ArrangedService]:
    return ArrangedService.objects.filter(in_effect(period, "starts_on", "ends_on"))


def agreed_plans_in_effect(period: Period) -> QuerySet[SupportPlan]:
    """Agreed plans in effect: agreed on or before the period's end, and either
    still the agreed version or replaced by a version agreed on or after its start."""
    return SupportPlan.objects.filter(
        agreed_on__isnull=False, agreed_on__lte=period.end
    ).filter(
        Q(state=SupportPlan.State.AGREED)
        | Q(
            state=SupportPlan.State.REPLACED,
            replaced_by__agreed_on__gte=period.start,
        )
    )


def _flag(rows: QuerySet[Any]) -> Case:
    """1 when any such record exists, else 0 (integer flags add up and filter the
    same way on both databases)."""
    return Case(
        When(Exists(rows), then=Value(1)), default=Value(0), output_field=IntegerField()
    )


def with_options(
    rows: QuerySet[Any], period: Period, path: str = "pk"
) -> QuerySet[Any]:
    """Annotate `option_1`, `option_2`, `option_3` (1 when a record is in effect in
    the period, else 0), `options_received` (how many of them) and `option_mix` (the exclusive
    share: 1, 2 or 3 for that option only, 4 for more than one, 0 for none).
    `path` leads from a row to its person ("pk" when the rows are people)."""
    person = OuterRef(path)
    rows = rows.annotate(
        option_1=_flag(direct_payments_in_effect(period).filter(person=person)),
        option_2=_flag(service_funds_in_effect(period).filter(person=person)),
        option_3=_flag(arranged_in_effect(period).filter(person=person)),
    )
    return rows.annotate(
        options_received=F("option_1") + F("option_2") + F("option_3")
    ).annotate(
        option_mix=Case(
            When(options_received__gt=1, then=Value(4)),
            When(option_1=1, then=Value(1)),
            When(option_2=1, then=Value(2)),
            When(option_3=1, then=Value(3)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def with_population(rows: QuerySet[Any], period: Period) -> QuerySet[Any]:
    """Annotate the options and `in_population`: an agreed support plan in effect, or
    any delivery record (option 1, 2 or 3) in effect, in the period."""
    rows = with_options(rows, period).annotate(
        plan_in_effect=_flag(
            agreed_plans_in_effect(period).filter(person=OuterRef("pk"))
        )
    )
    return rows.annotate(
        in_population=Case(
            When(Q(plan_in_effect=1) | Q(options_received__gt=0), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def population(period: Period) -> QuerySet[Any]:
    """The people in the population, with their options annotated."""
    return with_population(people(), period).filter(in_population=1)


def population_count(period: Period) -> int:
    """How many people are in the population: one `count(*)` with the four
    `EXISTS` in its `WHERE`, joined by OR, the plan first, so the database stops at
    the first that holds (the headline without the option flags for everyone)."""
    person = OuterRef("pk")
    return (
        people()
        .filter(
            Exists(agreed_plans_in_effect(period).filter(person=person))
            | Exists(direct_payments_in_effect(period).filter(person=person))
            | Exists(service_funds_in_effect(period).filter(person=person))
            | Exists(arranged_in_effect(period).filter(person=person))
        )
        .count()
    )


def combinations(period: Period) -> list[dict[str, int]]:
    """How many people have each combination of the option flags and an agreed
    plan in effect: one GROUP BY, at most 16 rows, so each EXISTS runs once per
    person (the headline figures add these rows up)."""
    rows = with_population(people(), period)
    return list(
        rows.order_by()
        .values(*OPTIONS, "plan_in_effect")
        .annotate(n=Count("pk"))
        .values(*OPTIONS, "plan_in_effect", "n")
    )


def headline(period: Period) -> dict[str, int]:
    """The options, the exclusive shares and the population, from `combinations`."""
    found = dict.fromkeys(
        (
            "option_1",
            "option_2",
            "option_3",
            "option_4",
            "any",
            "option_1_only",
            "option_2_only",
            "option_3_only",
            "mix",
            "population",
        ),
        0,
    )
    for row in combinations(period):
        received = [o for o in OPTIONS if row[o]]
        n = row["n"]
        for option in received:
            found[option] += n
        if received:
            found["any"] += n
        if len(received) > 1:
            found["option_4"] += n
            found["mix"] += n
        elif received:
            found[f"{received[0]}_only"] += n
        if received or row["plan_in_effect"]:
            found["population"] += n
    return found

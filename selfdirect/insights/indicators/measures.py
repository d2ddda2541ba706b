"""The SDS indicators counted from the records: options, population, the two
implementation rates, informed choice and SDS discussed at first contact.

Each function returns a plain dict (what `--json` prints): counts, or for a rate
its `numerator`, `denominator` and `rate` (a percentage to one place, or None when
the denominator is 0), and its `breakdowns`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
    Window,
)

from selfdirect.choices.models import InformationGiven, SupportChoice
from selfdirect.choices.selectors import INFORMED, with_informed_choice
from selfdirect.people.models import FirstContact

from . import cohorts
from .breakdowns import DIMENSIONS, NOT_RECORDED, breakdown
from .periods import Period, within


def _dims(breakdowns: bool | tuple[str, ...]) -> tuple[str, ...]:
    return DIMENSIONS if breakdowns is True else tuple(breakdowns or ())


def rate(numerator: int, denominator: int) -> dict[str, Any]:
    return {
        "numerator": numerator,
        "denominator": denominator,
        "rate": round(100 * numerator / denominator, 1) if denominator else None,
    }


def _rated(items: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        dim: [
            {"group": i["group"], **rate(i["numerator"], i["denominator"])}
            for i in rows
        ]
        for dim, rows in items.items()
    }


OPTION_COUNTS: dict[str, Q | None] = {
    "option_1": Q(option_1=1),
    "option_2": Q(option_2=1),
    "option_3": Q(option_3=1),
    "option_4": Q(options_received__gt=1),
    "any": Q(options_received__gt=0),
}
SHARES: dict[str, Q] = {
    "option_1_only": Q(option_mix=1),
    "option_2_only": Q(option_mix=2),
    "option_3_only": Q(option_mix=3),
    "mix": Q(option_mix=4),
}


def options(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """People counted under each option they receive (PHS): 1 a direct payment
    agreement, 2 an individual service fund, 3 a service the council arranges, in
    effect in the period; 4 more than one of these. `any` counts each person once.
    `shares` are the exclusive shares of `any` (1 only, 2 only, 3 only, a mix)."""
    rows = cohorts.with_options(cohorts.people(), period).filter(options_received__gt=0)
    counted = cohorts.headline(period)
    found: dict[str, Any] = {n: counted[n] for n in OPTION_COUNTS}
    found["shares"] = {n: rate(counted[n], counted["any"]) for n in SHARES}
    if breakdowns:
        found["breakdowns"] = breakdown(
            rows, OPTION_COUNTS, period, dimensions=_dims(breakdowns)
        )
    return found


def population(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """People with an agreed support plan in effect, or any option delivery record
    in effect, in the period."""
    rows = cohorts.population(period)
    found: dict[str, Any] = {"people": cohorts.population_count(period)}
    if breakdowns:
        found["breakdowns"] = breakdown(
            rows, {"people": None}, period, dimensions=_dims(breakdowns)
        )
    return found


def implementation_rate_phs(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """People receiving any option ÷ the population."""
    rows = cohorts.population(period)
    counts: dict[str, Q | None] = {
        "numerator": Q(options_received__gt=0),
        "denominator": None,
    }
    counted = cohorts.headline(period)
    found = rate(counted["any"], counted["population"])
    if breakdowns:
        found["breakdowns"] = _rated(
            breakdown(rows, counts, period, dimensions=_dims(breakdowns))
        )
    return found


def chose_after_information(period: Period) -> Exists:
    """A choice not deemed, made on or before the period's end, with information
    on the options given on or before it (the Scottish Government's "given a
    choice")."""
    informed = InformationGiven.objects.filter(
        person=OuterRef("person"), given_on__lte=OuterRef("made_on")
    )
    return Exists(
        SupportChoice.objects.filter(
            person=OuterRef("pk"), deemed=False, made_on__lte=period.end
        ).filter(Exists(informed))
    )


def implementation_rate_choice(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """People in the population who chose their support (not deemed) after
    information on the options was given ÷ the population."""
    rows = cohorts.population(period).annotate(
        given_a_choice=chose_after_information(period)
    )
    counts: dict[str, Q | None] = {
        "numerator": Q(given_a_choice=True),
        "denominator": None,
    }
    totals = rows.aggregate(
        numerator=Count("pk", filter=counts["numerator"]), denominator=Count("pk")
    )
    found = rate(totals["numerator"], totals["denominator"])
    if breakdowns:
        found["breakdowns"] = _rated(
            breakdown(rows, counts, period, dimensions=_dims(breakdowns))
        )
    return found


def informed_choice(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True
) -> dict[str, Any]:
    """People whose latest choice made in the period is informed (the rule in
    `choices.rules.informed_choice`) ÷ people with a choice made in the period."""
    rows: Any = with_informed_choice(cohorts.people(), up_to=period.end)
    rows = rows.filter(has_choice=True, choice_made_on__gte=period.start)
    counts: dict[str, Q | None] = {"numerator": INFORMED, "denominator": None}
    totals = rows.aggregate(
        numerator=Count("pk", filter=INFORMED), denominator=Count("pk")
    )
    found = rate(totals["numerator"], totals["denominator"])
    if breakdowns:
        found["breakdowns"] = _rated(
            breakdown(rows, counts, period, dimensions=_dims(breakdowns))
        )
    return found


def first_contacts(period: Period) -> QuerySet[FirstContact]:
    """First contacts in the period, merged records left out (their contacts were
    moved to the surviving record)."""
    return FirstContact.objects.filter(within(period, "contact_date")).exclude(
        person__status="merged"
    )


class _SumOfGroups(Func):
    """`SUM(<an aggregate>) OVER ()`: a total over a GROUP BY's groups, in the same
    statement (Django's `Sum` refuses an aggregate inside it)."""

    function = "SUM"
    window_compatible = True
    output_field = IntegerField()


def sds_discussed_first_contact(
    period: Period, *, breakdowns: bool | tuple[str, ...] = True, reasons: int = 10
) -> dict[str, Any]:
    """First contacts in the period where SDS was discussed ÷ first contacts in the
    period (contacts, not people), with the reasons recorded when it was not."""
    rows = first_contacts(period)
    counts: dict[str, Q | None] = {
        "numerator": Q(sds_discussed=True),
        "denominator": None,
    }
    # One statement, shaped like the figure by hand: the contacts grouped by the
    # reason SDS was not discussed (every discussed contact in one group, NULL),
    # with the headline counts as window sums over all the groups, so the top
    # reasons and the headline come from the same scan and at most `reasons + 1`
    # rows leave the database, however many different reasons were typed.
    reason = Case(
        When(sds_discussed=True, then=Value(None)),
        default=F("sds_not_discussed_reason"),
        output_field=TextField(),
    )
    grouped = (
        rows.order_by()
        .annotate(why_not=reason)
        .values("why_not")
        .annotate(n=Count("pk"))
        .annotate(
            contacts=Window(_SumOfGroups(Count("pk"))),
            discussed=Window(_SumOfGroups(Count("pk", filter=Q(sds_discussed=True)))),
        )
        .order_by(
            Case(When(why_not__isnull=True, then=Value(0)), default=Value(1)),
            "-n",
            "why_not",
        )[: reasons + 1]
    )
    found = rate(0, 0)
    named: list[dict[str, Any]] = []
    for row in grouped:
        found = rate(int(row["discussed"]), int(row["contacts"]))
        if row["why_not"] is not None:
            named.append(
                {"reason": row["why_not"] or "No reason recorded", "count": row["n"]}
            )
    found["reasons_not_discussed"] = named[:reasons]
    if breakdowns:
        found["breakdowns"] = _rated(
            breakdown(
                rows,
                counts,
                period,
                person="person",
                dimensions=tuple(
                    d
                    for d in _dims(breakdowns)
                    if d in ("locality", "service_group", "age_band")
                ),
            )
        )
    if breakdowns and "team" in _dims(breakdowns):
        found["breakdowns"]["team"] = _rated(
            {
                "team": [
                    {"group": r["team__name"] or NOT_RECORDED, **r}
                    for r in rows.values("team__name")
                    .annotate(
                        numerator=Count("pk", filter=Q(sds_discussed=True)),
                        denominator=Count("pk"),
                    )
                    .order_by("team__name")
                ]
            }
        )["team"]
    return found

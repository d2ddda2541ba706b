"""The Carers Census extract: one row per carer record in scope in the period, with
the topics of national-data.md §5. The columns and codes are DATA
(`insights/data/carers_census.json`), all **unverified**: the Census's data
specification was not found.

A carer record is in scope when, in the period, an ACSP or YCS was offered to the
carer or asked for by them, or a plan or statement of theirs was started or agreed.
The row describes the latest offer and the latest plan started on or before the
period's last day. The rows are read in the database (one query, streamed, and one
query per 2,000 rows for impacts, breaks and the cared-for person's groups); each
row is only formatted here."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from selfdirect.carers import aggregates
from selfdirect.carers.models import BreakFromCaring, Carer, CarerPlan, Offer
from selfdirect.carers.rules import age_on, is_young_carer
from selfdirect.people.models import Person

from .indicators.periods import Period, within
from .returns import _chunks

DATA = Path(__file__).parent / "data" / "carers_census.json"
CHUNK = 2000


@cache
def mapping() -> dict[str, Any]:
    """The columns and codes, as kept in the data file."""
    return json.loads(DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def columns() -> list[str]:
    found: list[str] = []
    data = mapping()
    for column in data["columns"]:
        if column["name"] == "impacts":
            found += list(data["impact_columns"])
        elif column["name"] == "breaks":
            found += list(data["break_columns"])
        else:
            found.append(column["name"])
    return found


def _code(kind: str, value: str | None) -> str:
    data = mapping()
    if not value:
        return str(data["not_known"])
    return str(data["codes"][kind].get(value, data["not_known"]))


def _text_given(field_name: str) -> Case:
    return Case(
        When(**{field_name: ""}, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


def carers_in_scope(period: Period) -> QuerySet[Any]:
    """Carer records in scope, with the latest offer and plan annotated."""
    mine = OuterRef("pk")
    offers = Offer.objects.filter(carer=mine, offered_on__lte=period.end).order_by(
        "-offered_on", "-id"
    )
    plans = (
        CarerPlan.objects.filter(carer=mine, started_on__lte=period.end)
        .annotate(
            ability=_text_given("ability_to_care"),
            willingness=_text_given("willingness_to_care"),
        )
        .order_by("-started_on", "-id")
    )

    def latest(rows: QuerySet[Any], name: str) -> Subquery:
        return Subquery(rows.values(name)[:1])

    scope = Q(
        Exists(Offer.objects.filter(within(period, "offered_on"), carer=mine))
    ) | Q(
        Exists(
            CarerPlan.objects.filter(carer=mine).filter(
                within(period, "started_on") | within(period, "agreed_on")
            )
        )
    )
    return (
        Carer.objects.exclude(person__status="merged")
        .filter(scope)
        .annotate(
            offer_on=latest(offers, "offered_on"),
            offer_kind=latest(offers, "kind"),
            offer_answer=latest(offers, "answer"),
            plan_id=latest(plans, "pk"),
            plan_kind=latest(plans, "kind"),
            plan_state=latest(plans, "state"),
            plan_started=latest(plans, "started_on"),
            plan_agreed=latest(plans, "agreed_on"),
            plan_hours=latest(plans, "hours_band"),
            plan_ability=latest(plans, "ability"),
            plan_willingness=latest(plans, "willingness"),
        )
        .annotate(
            plan_is_review=Exists(
                CarerPlan.objects.filter(
                    carer=mine,
                    state=CarerPlan.State.AGREED,
                    agreed_on__lt=OuterRef("plan_started"),
                )
            )
        )
        .values(
            "pk",
            "person__public_id",
            "person__date_of_birth",
            "person__postcode",
            "still_at_school",
            "cared_for_id",
            "cared_for__date_of_birth",
            "offer_on",
            "offer_kind",
            "offer_answer",
            "plan_id",
            "plan_kind",
            "plan_state",
            "plan_started",
            "plan_agreed",
            "plan_hours",
            "plan_ability",
            "plan_willingness",
            "plan_is_review",
        )
        .order_by("pk")
    )


@dataclass
class _Details:
    """What the rows of a chunk need from other tables, read in bulk."""

    impacts: dict[int, dict[str, str]] = field(default_factory=dict)
    eligible: dict[int, bool] = field(default_factory=dict)
    breaks: dict[int, set[str]] = field(default_factory=dict)
    groups: dict[int, list[str]] = field(default_factory=dict)


def _details(chunk: list[dict[str, Any]]) -> _Details:
    found = _Details(defaultdict(dict), {}, defaultdict(set), defaultdict(list))
    plans = [r["plan_id"] for r in chunk if r["plan_id"]]
    judged = aggregates.judged_impacts().annotate(
        is_eligible=Case(
            When(aggregates.eligible_impacts(), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    for plan, domain, level, eligible in judged.filter(plan_id__in=plans).values_list(
        "plan_id", "domain__code", "level", "is_eligible"
    ):
        found.impacts[plan][domain] = level
        found.eligible[plan] = found.eligible.get(plan, False) or bool(eligible)
    for plan, kind in BreakFromCaring.objects.filter(plan_id__in=plans).values_list(
        "plan_id", "kind"
    ):
        found.breaks[plan].add(kind)
    people = {r["cared_for_id"] for r in chunk if r["cared_for_id"]}
    for person, code in Person.service_groups.through.objects.filter(
        person_id__in=people
    ).values_list("person_id", "servicegroup__code"):
        found.groups[person].append(code)
    return found


def _main_group(codes: list[str]) -> str | None:
    """The first of the person's groups in the data file's order (one group: it)."""
    order = list(mapping()["codes"]["client_group"])
    known = sorted((c for c in codes if c in order), key=order.index)
    return known[0] if known else None


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def census_row(
    row: dict[str, Any], details: _Details, period: Period, location: str
) -> list[object]:
    data = mapping()
    unknown = str(data["not_known"])
    plan = row["plan_id"]
    young = is_young_carer(
        row["person__date_of_birth"], row["still_at_school"], period.end
    )
    impacts = details.impacts.get(plan, {}) if plan else {}
    breaks = details.breaks.get(plan, set()) if plan else set()
    judged = plan in details.eligible
    answer = row["offer_answer"]
    born = row["cared_for__date_of_birth"]
    return [
        location,
        str(row["person__public_id"]),
        period.phs_code,
        _iso(row["person__date_of_birth"]),
        row["person__postcode"] or unknown,
        unknown,
        _code("carer_type", "young" if young else "adult"),
        _code("plan_type", row["plan_kind"] or row["offer_kind"]),
        _code("offer_or_request", "requested" if answer == "requested" else "offered")
        if answer
        else unknown,
        _iso(row["offer_on"]),
        _code("offer_answer", answer),
        (1 if row["plan_is_review"] else 0) if plan else unknown,
        _code("plan_status", row["plan_state"] or "none"),
        _iso(row["plan_started"]),
        _iso(row["plan_agreed"]),
        row["plan_ability"] if plan else unknown,
        row["plan_willingness"] if plan else unknown,
        _code("hours_of_care", row["plan_hours"]) if plan else unknown,
        *[
            _code("impact", impacts.get(domain)) if plan else unknown
            for domain in data["impact_columns"].values()
        ],
        (1 if details.eligible[plan] else 0) if judged else unknown,
        age_on(born, period.end) if born else unknown,
        unknown,
        _code("client_group", _main_group(details.groups.get(row["cared_for_id"], []))),
        (1 if breaks else 0) if plan else unknown,
        *[
            (1 if kind in breaks else 0) if plan else unknown
            for kind in data["break_columns"].values()
        ],
        unknown,
    ]


def census_rows(period: Period, location: str) -> Iterator[list[object]]:
    yield list[object](columns())
    rows = carers_in_scope(period).iterator(chunk_size=CHUNK)
    for chunk in _chunks(rows, CHUNK):
        details = _details(chunk)
        for row in chunk:
            yield census_row(row, details, period, location)


# --- Validation --------------------------------------------------------------

CHECKS = {
    "offer_after_period": "Offer or request dated after the period's end",
    "completed_before_offer": "Plan completed before the offer or request",
    "completed_not_agreed": "Completed date without the status 'agreed'",
    "type_mismatch": "Young carer with an ACSP, or adult carer with a YCS",
    "no_hours": "Completed plan with no hours of care band",
    "no_date_of_birth": "No date of birth (the Census de-duplicates on it)",
}


@dataclass
class Validation:
    rows: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, check: str, who: str) -> None:
        self.problems.setdefault(CHECKS[check], []).append(who)

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self, shown: int = 5) -> str:
        lines = [f"Rows checked: {self.rows}"]
        if self.ok:
            lines.append("No problems found.")
        for check, ids in self.problems.items():
            lines.append(
                f"{check}: {len(ids)} (first {shown}: {', '.join(ids[:shown])})"
            )
        return "\n".join(lines)


def validate(rows: Iterable[Sequence[object]], period: Period) -> Validation:
    """Check the extract's rows (header first) for what a collection would refuse."""
    found = Validation()
    iterator = iter(rows)
    header = [str(h) for h in next(iterator)]
    at = {name: header.index(name) for name in header}
    codes = mapping()["codes"]
    unknown = str(mapping()["not_known"])
    for row in iterator:
        found.rows += 1

        def cell(name: str, row: Sequence[object] = row) -> str:
            return str(row[at[name]])

        who = cell("carer_id")
        offer, done = (
            _day(cell("offer_or_request_date")),
            _day(cell("plan_completed_date")),
        )
        if offer and offer > period.end:
            found.add("offer_after_period", who)
        if offer and done and done < offer:
            found.add("completed_before_offer", who)
        if done and cell("plan_status") != codes["plan_status"]["agreed"]:
            found.add("completed_not_agreed", who)
        young = cell("carer_type") == codes["carer_type"]["young"]
        if cell("plan_type") == codes["plan_type"]["acsp" if young else "ycs"]:
            found.add("type_mismatch", who)
        if done and cell("hours_of_care") in ("", unknown):
            found.add("no_hours", who)
        if not cell("carer_date_of_birth"):
            found.add("no_date_of_birth", who)
    return found


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def unverified_note() -> str:
    return (
        "Every column name and code is UNVERIFIED (insights/data/carers_census.json): "
        "the Carers Census data specification was not found."
    )

"""The PHS Source SDS return: one row per person per period with the data mart's
`sds_snapshot` columns (national-data.md §1.3), and the `client_fy_snapshot`
columns the records can fill (`9`, not known, where they cannot).

The headers are the data mart's column names as PHS code reads them; whether the
submission file uses the same headers is **unverified**. The rows are read in
the database (one query, streamed); each row is only formatted here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Exists, Max, Min, OuterRef, QuerySet, Subquery

from selfdirect.people.models import Person, Relationship

from .indicators import cohorts
from .indicators.periods import Period

SDS_COLUMNS = (
    "sending_location",
    "social_care_id",
    "period",
    "sds_period_start_date",
    "sds_period_end_date",
    "sds_start_date",
    "sds_end_date",
    "sds_option_1",
    "sds_option_2",
    "sds_option_3",
    "sds_start_date_after_end_date",
    "sds_start_date_after_period_end_date",
)
CLIENT_GROUP_FLAGS = (
    "dementia",
    "mental_health_problems",
    "learning_disability",
    "physical_and_sensory_disability",
    "drugs",
    "alcohol",
    "palliative_care",
    "carer",
    "elder_frail",
    "neurological_condition",
    "autism",
    "other_vulnerable_groups",
)
CLIENT_COLUMNS = (
    "sending_location",
    "social_care_id",
    "financial_year",
    "financial_quarter",
    *CLIENT_GROUP_FLAGS,
    "living_alone",
    "support_from_unpaid_carer",
    "social_worker",
    "type_of_housing",
    "meals",
    "day_care",
)
# Our service group codes → the PHS client-group flag (national-data.md §1.4).
SERVICE_GROUP_FLAGS = {
    "dementia": "dementia",
    "mental_health": "mental_health_problems",
    "learning_disability": "learning_disability",
    "physical_sensory_disability": "physical_and_sensory_disability",
    "drugs": "drugs",
    "alcohol": "alcohol",
    "palliative_care": "palliative_care",
    "elderly_frail": "elder_frail",
    "neurological": "neurological_condition",
    "autism": "autism",
    "other": "other_vulnerable_groups",
}
NOT_KNOWN = 9
SENDING_LOCATIONS = frozenset(
    [
        "100",
        "110",
        "120",
        "130",
        "150",
        "170",
        "180",
        "190",
        "200",
        "210",
        "220",
        "230",
        "235",
        "240",
        "250",
        "260",
        "270",
        "280",
        "290",
        "300",
        "310",
        "320",
        "330",
        "340",
        "350",
        "355",
        "360",
        "370",
        "380",
        "390",
        "395",
        "400",
    ]
)


def sending_location() -> str:
    """The partnership's three-digit code (setting `SDS_SENDING_LOCATION`)."""
    code = str(getattr(settings, "SDS_SENDING_LOCATION", "") or "")
    if code not in SENDING_LOCATIONS:
        raise ValueError(
            "Set SDS_SENDING_LOCATION to the partnership's three-digit local "
            f"authority code (one of {', '.join(sorted(SENDING_LOCATIONS))})."
        )
    return code


def _dates(rows: QuerySet[Any], end: str, prefix: str) -> dict[str, Any]:
    person = OuterRef("pk")
    mine = rows.filter(person=person).order_by().values("person")
    return {
        f"{prefix}_start": Subquery(mine.annotate(d=Min("starts_on")).values("d")),
        f"{prefix}_end": Subquery(mine.annotate(d=Max(end)).values("d")),
        f"{prefix}_open": Exists(
            rows.filter(person=person, **{f"{end}__isnull": True})
        ),
    }


def sds_people(period: Period) -> QuerySet[Any]:
    """People receiving any option in the period, with each option's flag and the
    first start, last end and whether any is open, per option."""
    rows = cohorts.with_options(cohorts.people(), period).filter(options_received__gt=0)
    return rows.annotate(
        **_dates(cohorts.direct_payments_in_effect(period), "ended_on", "dp"),
        **_dates(cohorts.service_funds_in_effect(period), "ends_on", "isf"),
        **_dates(cohorts.arranged_in_effect(period), "ends_on", "arr"),
    ).order_by("pk")


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


def sds_row(person: Any, period: Period, location: str) -> list[object]:
    starts = [d for d in (person.dp_start, person.isf_start, person.arr_start) if d]
    is_open = person.dp_open or person.isf_open or person.arr_open
    ends = [d for d in (person.dp_end, person.isf_end, person.arr_end) if d]
    start = min(starts) if starts else None
    end = None if is_open or not ends else max(ends)
    return [
        location,
        str(person.public_id),
        period.phs_code,
        _iso(period.start),
        _iso(period.end),
        _iso(start),
        _iso(end),
        person.option_1,
        person.option_2,
        person.option_3,
        int(bool(start and end and start > end)),
        int(bool(start and start > period.end)),
    ]


def sds_rows(period: Period, location: str) -> Iterator[list[object]]:
    yield list(SDS_COLUMNS)
    for person in sds_people(period).iterator(chunk_size=2000):
        yield sds_row(person, period, location)


def client_rows(period: Period, location: str) -> Iterator[list[object]]:
    """The client snapshot for the same people: client-group flags from their
    service groups (0 for the others when any is recorded, 9 when none is),
    `support_from_unpaid_carer` 1 when an unpaid carer is recorded; the rest 9."""
    yield list(CLIENT_COLUMNS)
    people = sds_people(period).values("pk", "public_id")
    groups: dict[int, set[str]] = {}
    carers: set[int] = set()
    for chunk in _chunks(people.iterator(chunk_size=2000), 2000):
        ids = [p["pk"] for p in chunk]
        for pk, code in Person.service_groups.through.objects.filter(
            person_id__in=ids
        ).values_list("person_id", "servicegroup__code"):
            groups.setdefault(pk, set()).add(code)
        carers |= set(
            Relationship.objects.filter(
                person_id__in=ids, kind=Relationship.Kind.UNPAID_CARER
            ).values_list("person_id", flat=True)
        )
        for p in chunk:
            mine = groups.pop(p["pk"], set())
            flags = {SERVICE_GROUP_FLAGS[c] for c in mine if c in SERVICE_GROUP_FLAGS}
            yield [
                location,
                str(p["public_id"]),
                period.year,
                period.quarter or "",
                *[
                    (1 if f in flags else 0) if mine else NOT_KNOWN
                    for f in CLIENT_GROUP_FLAGS
                ],
                NOT_KNOWN,
                1 if p["pk"] in carers else NOT_KNOWN,
                NOT_KNOWN,
                NOT_KNOWN,
                NOT_KNOWN,
                NOT_KNOWN,
            ]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass
class Validation:
    """PHS-style checks of an SDS file: counts and the first few rows of each."""

    rows: int = 0
    problems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, check: str, social_care_id: str) -> None:
        self.problems.setdefault(check, []).append(social_care_id)

    @property
    def ok(self) -> bool:
        return not self.problems

    def report(self, shown: int = 5) -> str:
        lines = [f"Rows checked: {self.rows}"]
        if self.ok:
            lines.append("No problems found.")
        for check, ids in self.problems.items():
            more = f" (first {shown}: {', '.join(ids[:shown])})"
            lines.append(f"{check}: {len(ids)}{more}")
        return "\n".join(lines)


CHECKS = {
    "start_after_end": "Start date after end date",
    "start_after_period_end": "Start date after the period's end",
    "no_option": "No option received (all of sds_option_1–3 are 0 or missing)",
    "missing_start": "No start date (PHS would assume the start of the year)",
}


def validate(rows: Iterable[Sequence[object]]) -> Validation:
    """Check rows (header first) the way PHS cleans the SDS file."""
    found = Validation()
    iterator = iter(rows)
    header = [str(h) for h in next(iterator)]
    at = {name: header.index(name) for name in SDS_COLUMNS}
    for row in iterator:
        found.rows += 1
        who = str(row[at["social_care_id"]])
        start = _day(row[at["sds_start_date"]])
        end = _day(row[at["sds_end_date"]])
        period_end = _day(row[at["sds_period_end_date"]])
        if start and end and start > end:
            found.add(CHECKS["start_after_end"], who)
        if start and period_end and start > period_end:
            found.add(CHECKS["start_after_period_end"], who)
        if not any(str(row[at[f"sds_option_{n}"]]) == "1" for n in (1, 2, 3)):
            found.add(CHECKS["no_option"], who)
        if not start:
            found.add(CHECKS["missing_start"], who)
    return found


def _day(value: object) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None

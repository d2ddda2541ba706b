"""Reading every case file: the automatic reader over the whole population.

The answers are worked out in the database: each criterion's rule has a set-based
form (`assurance/setbased/`), an expression over `Person` rows proved equal to the
per-file rule by the tests, and `read_everyone` keeps each person's answers in
`PersonReading` with one `INSERT ... SELECT` per range of people. The per-file way
(`read_group`: case files built a group at a time by `export.build_many` and read by
the same rule functions as a single file) stays for exercises and for the proof,
and reads any criterion that has no set-based form. The counts per criterion are
then one aggregate over the kept answers. Runs in the background worker as a
summary (`assurance/summaries.py`): docs/file-reading.md.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import CharField, Count, DateField, DateTimeField, F, Q, Value
from django.db.models.functions import JSONObject
from django.utils import timezone

from selfdirect.people.models import Person

from . import export, reader, setbased
from .models import PersonReading
from .reader.file import NO, NOT_APPLICABLE, PARTLY, YES

ANSWERS = (YES, PARTLY, NO, NOT_APPLICABLE)
CHUNK = 500  # people a group when case files are built and read one by one
SET_CHUNK = 25_000  # people an INSERT ... SELECT on SQLite

Report = Callable[[int, int], None]  # (people read so far, people to read)


def population() -> Any:
    """Everyone whose case file is read: every person not merged into another."""
    return Person.objects.exclude(status="merged")


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def read_group(
    ids: list[int], *, as_of: datetime.date, version: str = reader.DEFAULT_VERSION
) -> dict[int, dict[str, str]]:
    """{person pk: {criterion id: answer}} for a group, in a fixed number of queries."""
    # No criterion reads a person's own carers' plans: not built here.
    files = export.build_many(ids, as_of=as_of, carers_plans=False)
    return {
        pk: {
            a.id: a.answer
            for a in [*reader.read(data, version), *reader.read_extra(data)]
        }
        for pk, data in files.items()
    }


def read_everyone(
    *,
    as_of: datetime.date | None = None,
    version: str = reader.DEFAULT_VERSION,
    chunk: int | None = None,
    workers: int | None = None,
    report: Report | None = None,
) -> int:
    """Read every case file and keep each person's answers; returns how many were
    read. People no longer in the population lose their kept answers.

    The answers are worked out in the database by the set-based form of each rule
    (assurance/setbased/), one `INSERT ... SELECT` per range of `chunk` people; a
    criterion with no set-based form yet is read file by file and merged in.

    On PostgreSQL the population is split into one range per worker
    (`FILE_READING_WORKERS`, default 2: PostgreSQL runs a statement on one core),
    each range read on its own connection at the same time. Fewer, larger
    statements are cheaper there: the planner reads most rules' record tables
    whole into a hash once per statement, whatever the range's size
    (docs/file-reading.md). Inside a transaction (the tests) other connections
    could not see its records, so it reads on this connection, one range after
    another."""
    as_of = as_of or timezone.localdate()
    began = timezone.now()
    ids = list(population().order_by("pk").values_list("pk", flat=True))
    wanted = [c["id"] for c in reader.criteria(version)["criteria"]] + list(
        reader.EXTRA
    )
    rules = setbased.rules()
    in_sql = [c for c in wanted if c in rules]
    by_file = [c for c in wanted if c not in rules]
    postgres = connection.vendor == "postgresql"
    if workers is None:
        workers = settings.FILE_READING_WORKERS if postgres else 1
    if not postgres or connection.in_atomic_block:
        workers = 1
    if chunk is None:
        chunk = math.ceil(len(ids) / max(workers, 1)) if postgres else SET_CHUNK
    groups = list(chunks(ids, max(chunk, 1)))

    def read(group: list[int]) -> int:
        with transaction.atomic():
            _delete_kept("person_id BETWEEN %s AND %s", [group[0], group[-1]])
            _insert(group[0], group[-1], as_of, version, began, in_sql, rules)
            if by_file:
                _merge_by_file(group, as_of, version, by_file)
        return len(group)

    done = 0
    if workers > 1 and len(groups) > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for finished in as_completed(
                pool.submit(_on_own_connection, read, group) for group in groups
            ):
                done += finished.result()
                if report:
                    report(done, len(ids))
    else:
        for group in groups:
            done += read(group)
            if report:
                report(done, len(ids))
    read_at = PersonReading._meta.get_field("read_at")
    _delete_kept("read_at < %s", [read_at.get_db_prep_value(began, connection)])
    return done


def _delete_kept(where: str, params: list[Any]) -> None:
    """DELETE kept answers in one statement. The ORM's delete() would load every row
    and delete them a hundred at a time, because a post_delete receiver is
    connected for all models (core.summaries, which counts no kept answer): 2,500
    queries and 10 s of Python at 250,000 people."""
    table = connection.ops.quote_name(PersonReading._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608


def _on_own_connection(work: Callable[[list[int]], int], group: list[int]) -> int:
    """Run work(group) in a worker thread, on the thread's own connection, and close
    that connection after."""
    try:
        return work(group)
    finally:
        connections.close_all()


def answers_expression(
    as_of: datetime.date, ids: list[str], rules: dict[str, setbased.SetRule]
) -> JSONObject:
    """{criterion id: answer} for a person row, as one JSON object in SQL."""
    return JSONObject(**{c: rules[c](as_of) for c in ids})


def _insert(
    first: int,
    last: int,
    as_of: datetime.date,
    version: str,
    began: datetime.datetime,
    ids: list[str],
    rules: dict[str, setbased.SetRule],
) -> None:
    """INSERT INTO the kept answers SELECT each person's answers, for the people of
    the population with a pk from first to last."""
    rows = (
        population()
        .filter(pk__gte=first, pk__lte=last)
        .order_by()
        .values(
            p=F("pk"),
            r=Value(began, output_field=DateTimeField()),
            a=Value(as_of, output_field=DateField()),
            v=Value(version, output_field=CharField()),
            j=answers_expression(as_of, ids, rules),
        )
    )
    select, params = rows.query.sql_with_params()
    table = connection.ops.quote_name(PersonReading._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(name)
        for name in ("person_id", "read_at", "as_of", "criteria_version", "answers")
    )
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {select}", params)  # noqa: S608


def _merge_by_file(
    group: list[int], as_of: datetime.date, version: str, ids: list[str]
) -> None:
    """Add the answers of criteria with no set-based form, read file by file."""
    found = read_group(group, as_of=as_of, version=version)
    kept = list(PersonReading.objects.filter(person__in=group))
    for row in kept:
        row.answers = {
            **row.answers,
            **{c: found[row.person_id][c] for c in ids},
        }
    PersonReading.objects.bulk_update(kept, ["answers"])


def _key(criterion: str, answer: str) -> str:
    return f"{criterion}__{answer}"


def counts(version: str = reader.DEFAULT_VERSION) -> dict[str, dict[str, int]]:
    """{criterion id: {answer: people}} over the kept answers: one aggregate query."""
    ids = [c["id"] for c in reader.criteria(version)["criteria"]] + list(reader.EXTRA)
    found = PersonReading.objects.filter(criteria_version=version).aggregate(
        **{
            _key(c, a): Count("pk", filter=Q(**{f"answers__{c}": a}))
            for c in ids
            for a in ANSWERS
        }
    )
    return {c: {a: found[_key(c, a)] for a in ANSWERS} for c in ids}

"""Reading every case file: the automatic reader over the whole population.

Case files are built a group at a time (`export.build_many`: a fixed number of
queries per group, however many people or records), each is read by the same
rule functions as a single file (`reader.read`), and each person's answers are
kept in `PersonReading`. The counts per criterion are then one GROUP BY-style
aggregate over the kept answers. Runs in the background worker as a summary
(`assurance/summaries.py`): docs/file-reading.md.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from selfdirect.people.models import Person

from . import export, reader
from .models import PersonReading
from .reader.file import NO, NOT_APPLICABLE, PARTLY, YES

ANSWERS = (YES, PARTLY, NO, NOT_APPLICABLE)
CHUNK = 500

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
    files = export.build_many(ids, as_of=as_of)
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
    chunk: int = CHUNK,
    report: Report | None = None,
) -> int:
    """Read every case file and keep each person's answers; returns how many were
    read. People no longer in the population lose their kept answers."""
    as_of = as_of or timezone.localdate()
    began = timezone.now()
    ids = list(population().order_by("pk").values_list("pk", flat=True))
    done = 0
    for group in chunks(ids, chunk):
        answers = read_group(group, as_of=as_of, version=version)
        with transaction.atomic():
            PersonReading.objects.filter(person__in=group).delete()
            PersonReading.objects.bulk_create(
                PersonReading(
                    person_id=pk,
                    read_at=began,
                    as_of=as_of,
                    criteria_version=version,
                    answers=found,
                )
                for pk, found in answers.items()
            )
        done += len(group)
        if report:
            report(done, len(ids))
    PersonReading.objects.filter(read_at__lt=began).delete()
    return done


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

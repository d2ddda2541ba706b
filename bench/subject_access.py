"""Time a subject access export of a long record on a throwaway PostgreSQL database.

    .venv/bin/python bench/subject_access.py [--records 5000]

Creates selfdirect_sarbench_<pid> on 127.0.0.1:5432, migrates it, seeds a few
demo people, gives the first one --records access-log rows, audit events and
relationships, then prints for the streamed JSON and for the PDF job (run at once,
as the tests do, instead of by the worker): the time taken, the queries run and the
peak Python memory (tracemalloc, in a second run so it does not slow the timing).
Drops the database whatever happens. Targets: JSON in a fixed number of queries and
flat memory; the PDF bounded (long sections go to CSV files).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000)
    args = parser.parse_args()
    name = f"selfdirect_sarbench_{os.getpid()}"
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        _benchmark(args)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        _admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _measure(label: str, work: Callable[[], int]) -> None:
    """Time, queries and output size of one run; peak memory from a second."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        size = work()
        seconds = time.perf_counter() - started
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<6} {seconds:7.2f} s  {len(queries):4d} queries  "
        f"peak {peak / 1024 / 1024:7.1f} MB  output {size / 1024:8.0f} KB"
    )


def _benchmark(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from selfdirect.accounts.models import User
    from selfdirect.audit import exports, subject_access
    from selfdirect.audit.models import AccessLog, AuditEvent
    from selfdirect.core import jobs
    from selfdirect.core.models import Job
    from selfdirect.people.models import Person, Relationship

    call_command("migrate", verbosity=0)
    call_command("seed", people=5, seed=7, verbosity=0)
    person = Person.objects.order_by("pk").first()
    assert person is not None
    user = User.objects.create_user(username="bench", role="data_protection_officer")
    AccessLog.objects.bulk_create(
        (
            AccessLog(user=user, person=person, page="people:detail", action="view")
            for _ in range(args.records)
        ),
        batch_size=2000,
    )
    AuditEvent.objects.bulk_create(
        (
            AuditEvent(actor=user, person=person, action="person.exported")
            for _ in range(args.records)
        ),
        batch_size=2000,
    )
    Relationship.objects.bulk_create(
        (
            Relationship(person=person, kind="unpaid_carer", name=f"Carer {n}")
            for n in range(args.records)
        ),
        batch_size=2000,
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"{args.records} access-log rows, audit events and relationships; "
        f"load average {load}"
    )

    def as_json() -> int:
        return sum(len(chunk) for chunk in subject_access.json_chunks(person))

    def as_pdf() -> int:
        Job.objects.all().delete()
        job = jobs.start(
            exports.export_pdf,
            kind=exports.PDF_KIND,
            by=user,
            subject=str(person.public_id),
            person_pk=person.pk,
        )
        job.refresh_from_db()
        assert job.status == Job.Status.DONE, job.error
        return sum(f.size for f in job.files.all())

    _measure("JSON", as_json)
    _measure("PDF", as_pdf)


if __name__ == "__main__":
    main()

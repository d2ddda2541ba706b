"""Time the reading of every case file (assurance/population.py) on PostgreSQL.

    .venv/bin/python bench/file_reading.py [--people 5000] [--seed 2026] [--chunk 500]
    .venv/bin/python bench/file_reading.py --reuse NAME   # an already seeded database

Without --reuse: creates selfdirect_bench_read_<pid> on 127.0.0.1:5432 (user
postgres, trust auth), migrates and seeds it, and drops it after (--keep keeps it
for another run with --reuse). Prints the load average (`uptime`), people read,
total seconds, people per second, queries, the time split between building the
case files (database) and the rule functions (Python), and a straight-line
extrapolation to 250,000 people.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
TARGET = 250_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument("--reuse", help="an existing seeded database's name")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    name = args.reuse or f"selfdirect_bench_read_{os.getpid()}"
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    if not args.reuse:
        _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created database {name}")
    try:
        _benchmark(args, seed=not args.reuse)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not args.reuse and not args.keep:
            _admin(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
            print(f"Dropped database {name}")


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _uptime() -> str:
    """The load average, as `uptime` prints it (/proc/loadavg where it is missing)."""
    try:
        done = subprocess.run(["/usr/bin/uptime"], capture_output=True, text=True)
        return done.stdout.strip()
    except OSError:
        return "load average: " + Path("/proc/loadavg").read_text().strip()


def _benchmark(args: argparse.Namespace, *, seed: bool) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from selfdirect.assurance import export, population, reader

    setup_test_environment()
    if seed:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("seed", f"--people={args.people}", f"--seed={args.seed}")
        print(f"Seeded {args.people:,} people in {time.perf_counter() - started:.1f}s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"uptime before: {_uptime()}")

    # The split: building files (queries) and reading them (rule functions), on
    # one chunk, then the whole run as the background job does it.
    ids = list(population.population().order_by("pk").values_list("pk", flat=True))
    sample = ids[: args.chunk]
    started = time.perf_counter()
    files = export.build_many(sample)
    built = time.perf_counter() - started
    started = time.perf_counter()
    for data in files.values():
        reader.read(data)
        reader.read_extra(data)
    read = time.perf_counter() - started
    per = len(sample) or 1
    print(
        f"One group of {len(sample):,}: building the files {1000 * built / per:.2f} ms "
        f"a person, the rule functions {1000 * read / per:.2f} ms a person"
    )

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        done = population.read_everyone(chunk=args.chunk)
        total = time.perf_counter() - started
        counted = population.counts()
    rate = done / total if total else 0.0
    print(f"uptime after:  {_uptime()}")
    print(
        f"Read {done:,} case files in {total:.1f}s: {rate:,.0f} people/s, "
        f"{len(queries.captured_queries):,} queries "
        f"({len(queries.captured_queries) / max(1, -(-done // args.chunk)):.0f} "
        f"per group of {args.chunk})"
    )
    print(
        f"Straight-line to {TARGET:,} people: {TARGET / rate:,.0f}s (target 60s)"
        if rate
        else "Nothing read."
    )
    smart = counted["plan_smart"]
    contingency = counted["plan_contingency"]
    print(f"plan_smart: {smart}\nplan_contingency: {contingency}")


if __name__ == "__main__":
    main()

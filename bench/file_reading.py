"""Time the reading of every case file (assurance/population.py) on PostgreSQL.

    .venv/bin/python bench/file_reading.py [--people 5000] [--seed 2026] [--chunk N]
                                          [--workers N]
    .venv/bin/python bench/file_reading.py --database NAME [--per-rule]  # already seeded

Without --reuse: creates selfdirect_bench_read_<pid> on 127.0.0.1:5432 (user
postgres, trust auth), migrates and seeds it, and drops it after (--keep keeps it
for another run with --reuse). Prints the load average (`uptime`), people read,
total seconds (and the database server's CPU seconds), people per second,
queries, a straight-line extrapolation to 250,000 people, and for comparison the
old file-by-file rate on one group (--sample). --per-rule times each set-based
rule alone. Reading writes the kept answers: never point it at a shared database.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
TARGET = 250_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--chunk", type=int, help="people an INSERT (default: the job's own)"
    )
    parser.add_argument(
        "--workers", type=int, help="connections at once (default: the job's own)"
    )
    parser.add_argument("--sample", type=int, default=500, help="files read one by one")
    parser.add_argument("--per-rule", action="store_true", help="time each rule")
    parser.add_argument("--no-job", action="store_true", help="no read_everyone")
    parser.add_argument(
        "--job-only", action="store_true", help="only read_everyone (and --per-rule)"
    )
    parser.add_argument(
        "--reuse", "--database", dest="reuse", help="an existing seeded database"
    )
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
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from selfdirect.assurance import export, population, reader, setbased

    began_cpu = time.process_time()

    setup_test_environment()
    if seed:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("seed", f"--people={args.people}", f"--seed={args.seed}")
        print(f"Seeded {args.people:,} people in {time.perf_counter() - started:.1f}s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"uptime before: {_uptime()}")
    ids = list(population.population().order_by("pk").values_list("pk", flat=True))
    as_of = timezone.localdate()
    rules = setbased.rules()
    wanted = [c["id"] for c in reader.criteria()["criteria"]] + list(reader.EXTRA)
    in_sql = [c for c in wanted if c in rules]
    by_file = [c for c in wanted if c not in rules]
    print(
        f"Set-based: {len(in_sql)} of {len(wanted)} criteria; file by file: {by_file}"
    )

    # The old way, for comparison: building and reading files, on one group.
    sample = ids[: args.sample]
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
        f"File by file, one group of {len(sample):,}: building {1000 * built / per:.2f} ms "
        f"a person, the rule functions {1000 * read / per:.2f} ms a person "
        f"({per / (built + read):,.0f} people/s)"
    )

    # Each set-based rule alone over everyone (SELECT only), with the database
    # server's CPU time for it.
    if args.per_rule:
        for criterion in in_sql:
            rows = (
                population.population()
                .order_by()
                .values_list(population.answers_expression(as_of, [criterion], rules))
            )
            wall, cpu = _timed(connection, lambda rows=rows: len(list(rows)))
            print(f"  {criterion:32} {wall:6.2f}s wall, {cpu:6.2f}s database CPU")

    if not args.job_only:
        _select_and_insert(args, ids, as_of, in_sql)
    if args.no_job:
        return
    _job(args, began_cpu)


def _select_and_insert(
    args: argparse.Namespace, ids: list[int], as_of: Any, in_sql: list[str]
) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from selfdirect.assurance import population, setbased
    from selfdirect.assurance.models import PersonReading

    rules = setbased.rules()
    # Every set-based rule together over everyone (SELECT only).
    rows = (
        population.population()
        .order_by()
        .values_list(population.answers_expression(as_of, in_sql, rules))
    )
    wall, cpu = _timed(connection, lambda: len(list(rows)))
    print(
        f"All {len(in_sql)} set-based rules, SELECT over {len(ids):,} people: "
        f"{wall:.1f}s wall, {cpu:.1f}s database CPU ({len(ids) / wall:,.0f} people/s)"
    )

    # The INSERT ... SELECT of those answers, chunk by chunk on one connection
    # (rolled back: only to time it; everyone in one statement without --chunk).
    chunk = args.chunk or len(ids) or 1

    def insert_all() -> None:
        with transaction.atomic():
            PersonReading.objects.all().delete()
            for group in population.chunks(ids, chunk):
                population._insert(
                    group[0], group[-1], as_of, "1", timezone.now(), in_sql, rules
                )
            transaction.set_rollback(True)

    wall, cpu = _timed(connection, insert_all)
    print(
        f"INSERT ... SELECT of those answers for {len(ids):,} people in chunks of "
        f"{chunk:,}: {wall:.1f}s wall, {cpu:.1f}s database CPU "
        f"({len(ids) / wall:,.0f} people/s; straight-line to {TARGET:,}: "
        f"{TARGET / len(ids) * wall:,.0f}s wall, {TARGET / len(ids) * cpu:,.0f}s CPU)"
    )


def _job(args: argparse.Namespace, began_cpu: float) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from selfdirect.assurance import population

    # The whole reading as the background job does it; the database CPU of the
    # worker threads' own connections is added to this connection's.
    # Only the options given, so that older code (no workers) can be timed too.
    options = {
        name: value
        for name, value in (("chunk", args.chunk), ("workers", args.workers))
        if value is not None
    }
    workers_cpu = _count_worker_cpu(population)
    job_cpu = time.process_time()
    with CaptureQueriesContext(connection) as queries:
        holder: dict[str, int] = {}
        total, cpu = _timed(
            connection,
            lambda: holder.update(done=population.read_everyone(**options)),
        )
        done = holder["done"]
        cpu += sum(workers_cpu)
        job_cpu = time.process_time() - job_cpu
        counted = population.counts()
    rate = done / total if total else 0.0
    print(f"uptime after:  {_uptime()}")
    print(
        f"Read {done:,} case files in {total:.1f}s ({cpu:.1f}s database CPU, "
        f"{job_cpu:.1f}s Python CPU; {time.process_time() - began_cpu:.1f}s for the "
        f"whole benchmark): {rate:,.0f} people/s, "
        f"{len(queries.captured_queries):,} queries on this connection, chunks of "
        f"{args.chunk or 'the default'}, workers {args.workers or 'the default'}"
    )
    print(
        f"Straight-line to {TARGET:,} people: {TARGET / rate:,.0f}s (target 60s)"
        if rate
        else "Nothing read."
    )
    smart = counted["plan_smart"]
    contingency = counted["plan_contingency"]
    print(f"plan_smart: {smart}\nplan_contingency: {contingency}")


def _count_worker_cpu(population: Any) -> list[float]:
    """Wrap the job's worker threads so each adds its connection's database CPU
    seconds (read just before the thread closes it) to the list returned."""
    from django.db import connection

    spent: list[float] = []
    run = getattr(population, "_on_own_connection", None)
    if run is None:  # code from before the workers
        return spent

    def measured(work: Any, group: list[int]) -> int:
        def timed_work(group: list[int]) -> int:
            holder: dict[str, int] = {}
            _, cpu = _timed(connection, lambda: holder.update(n=work(group)))
            spent.append(cpu)
            return holder["n"]

        return int(run(timed_work, group))

    population._on_own_connection = measured
    return spent


def _timed(connection: Any, work: Any) -> tuple[float, float]:
    """Wall seconds of work, and the CPU seconds of this connection's database
    server process in that time (from /proc: the server runs on this machine)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    before = _cpu(pid)
    started = time.perf_counter()
    work()
    return time.perf_counter() - started, _cpu(pid) - before


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()

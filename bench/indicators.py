"""Time each indicator query against the same figure by hand-written SQL, on a
throwaway PostgreSQL database of seeded people.

    .venv/bin/python bench/indicators.py [--people 2000] [--repeat 5] [--year 2026]
                                         [--database selfdirect_bench] [--timings]
                                         [--practice]

Creates selfdirect_bench_ind_<pid> on 127.0.0.1:5432 (user postgres, trust auth),
migrates and seeds it (or, with --database, reuses that seeded database, as
`make bench` does, and keeps it), prints for each figure: the engine's time, the SQL's time,
their ratio (target ≤ 1.5) and whether both give the same numbers; then the
options dashboard page's first (cold) and warm load. Drops the database after.
With --timings it times only `timings`: each step's headline and its breakdown
by each dimension (one window-function statement a step), beside the same
statement by hand for the panel step by locality.
"""

# ruff: noqa: S608 - the SQL below is constant text; the dates are parameters

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"

IN_EFFECT = "{t}.starts_on <= %(end)s AND ({t}.{e} IS NULL OR {t}.{e} >= %(start)s)"
FLAGS = f"""
  SELECT p.id,
    EXISTS (SELECT 1 FROM delivery_directpaymentagreement d WHERE d.person_id = p.id
            AND {IN_EFFECT.format(t="d", e="ended_on")})::int AS o1,
    EXISTS (SELECT 1 FROM delivery_individualservicefund f WHERE f.person_id = p.id
            AND {IN_EFFECT.format(t="f", e="ends_on")})::int AS o2,
    EXISTS (SELECT 1 FROM delivery_arrangedservice a WHERE a.person_id = p.id
            AND {IN_EFFECT.format(t="a", e="ends_on")})::int AS o3,
    EXISTS (SELECT 1 FROM plans_supportplan s
            LEFT JOIN plans_supportplan r ON r.replaces_id = s.id
            WHERE s.person_id = p.id AND s.agreed_on IS NOT NULL
            AND s.agreed_on <= %(end)s
            AND (s.state = 'agreed' OR (s.state = 'replaced' AND r.agreed_on >= %(start)s))
    )::int AS plan
  FROM people_person p WHERE p.status <> 'merged'
"""
SQL = {
    "options": f"""
      SELECT count(*) FILTER (WHERE o1 = 1), count(*) FILTER (WHERE o2 = 1),
             count(*) FILTER (WHERE o3 = 1), count(*) FILTER (WHERE o1 + o2 + o3 > 1),
             count(*) FILTER (WHERE o1 + o2 + o3 > 0)
      FROM ({FLAGS}) x""",
    "population": f"""
      SELECT count(*) FROM ({FLAGS}) x WHERE plan = 1 OR o1 + o2 + o3 > 0""",
    "implementation_rate_phs": f"""
      SELECT count(*) FILTER (WHERE o1 + o2 + o3 > 0), count(*)
      FROM ({FLAGS}) x WHERE plan = 1 OR o1 + o2 + o3 > 0""",
    "sds_discussed_first_contact": """
      SELECT count(*) FILTER (WHERE c.sds_discussed), count(*)
      FROM people_firstcontact c JOIN people_person p ON p.id = c.person_id
      WHERE c.contact_date BETWEEN %(start)s AND %(end)s AND p.status <> 'merged'""",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument(
        "--database", help="reuse this seeded database (seeding it if it is empty)"
    )
    parser.add_argument(
        "--timings", action="store_true", help="time only timings' breakdowns"
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="time only practice_quality (a past --year: as at its end)",
    )
    args = parser.parse_args()
    name = args.database or f"selfdirect_bench_ind_{os.getpid()}"
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    if args.database:
        if not _exists(name):
            _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        _benchmark(args)
        return
    _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"Created database {name}")
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
        print(f"Dropped database {name}")


def _exists(name: str) -> bool:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
    return found is not None


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _best(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _benchmark(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    from selfdirect.insights.indicators import measures
    from selfdirect.insights.indicators.periods import Period

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from selfdirect.people.models import Person

    if Person.objects.exists():
        print(f"Reusing {Person.objects.count():,} seeded people\n")
    else:
        started = time.perf_counter()
        call_command("seed", f"--people={args.people}", f"--seed={args.seed}")
        elapsed = time.perf_counter() - started
        print(f"Seeded {args.people:,} people in {elapsed:.1f}s\n")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    period = Period(args.year)
    params = {"start": period.start, "end": period.end}
    if args.timings:
        _timings(period, params, args.repeat)
        return
    if args.practice:
        _practice(period, params, args.repeat)
        return

    def engine(name: str) -> Callable[[], Any]:
        def run() -> Any:
            found = getattr(measures, name)(period, breakdowns=False)
            if name == "options":
                return tuple(found[k] for k in measures.OPTION_COUNTS)
            if name == "population":
                return (found["people"],)
            return (found["numerator"], found["denominator"])

        return run

    def by_hand(name: str) -> Callable[[], Any]:
        def run() -> Any:
            with connection.cursor() as cursor:
                cursor.execute(SQL[name], params)
                return tuple(cursor.fetchone())

        return run

    print(f"{'indicator':<30} {'engine ms':>10} {'SQL ms':>10} {'ratio':>6}  same")
    for name in SQL:
        ours, a = _best(engine(name), args.repeat)
        theirs, b = _best(by_hand(name), args.repeat)
        print(f"{name:<30} {ours:10.1f} {theirs:10.1f} {ours / theirs:6.2f}  {a == b}")
    _pages(period)


def _practice(period: Any, params: dict[str, Any], repeat: int) -> None:
    """practice_quality's headline through the engine (for a year that has ended:
    the set-based rules as at its end, in one aggregate) beside bench/practice_sql.py."""
    from django.db import connection
    from practice_sql import PRACTICE_SQL

    from selfdirect.insights.indicators import practice

    def engine() -> Any:
        found = practice.practice_quality(period, breakdowns=False)
        measures = found["measures"]
        return (found["people"], *(measures[m]["numerator"] for m in practice.MEASURES))

    def by_hand() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(PRACTICE_SQL, params)
            return tuple(cursor.fetchone())

    ours, a = _best(engine, repeat)
    theirs, b = _best(by_hand, repeat)
    print(f"practice_quality as at {period.end}: people and yes per measure {a}")
    print(
        f"engine {ours:.1f} ms, by hand {theirs:.1f} ms, "
        f"ratio {ours / theirs:.2f}, same {a == b}"
    )
    ms, _found = _best(
        lambda: practice.practice_quality(period, breakdowns=("locality",)), repeat
    )
    print(f"with the breakdown by locality: {ms:.1f} ms")


def _pages(period: Any) -> None:
    """The work behind each dashboard area's page (its figures with a breakdown by
    locality), the first time in this process and again; then the whole dashboard.
    The demo's staff sign in with a second factor, so the pages' HTML is timed by
    bench/pages.py."""
    from selfdirect.insights import dashboard

    total = {"first": 0.0, "second": 0.0}
    for slug, area in dashboard.AREAS.items():
        for label in ("first", "second"):
            started = time.perf_counter()
            dashboard.area_figures(area, period, "locality")
            ms = (time.perf_counter() - started) * 1000
            total[label] += ms
            print(f"{slug} page figures, {label} time: {ms:.0f} ms")
    print(
        f"whole dashboard: {total['first']:.0f} ms first (cold), "
        f"{total['second']:.0f} ms again"
    )


# The panel step by locality, by hand: the same window-function statement.
TIMINGS_SQL = """
  SELECT g, pos, n, days FROM (
    SELECT COALESCE(l.name, 'Not recorded') AS g,
           s.decided_on - s.submitted_on AS days,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(l.name, 'Not recorded')
                              ORDER BY s.decided_on - s.submitted_on, s.id) AS pos,
           COUNT(*) OVER (PARTITION BY COALESCE(l.name, 'Not recorded')) AS n
    FROM panel_panelsubmission s JOIN people_person p ON p.id = s.person_id
    LEFT JOIN accounts_locality l ON l.id = p.locality_id
    WHERE s.decided_on BETWEEN %(start)s AND %(end)s AND s.submitted_on IS NOT NULL
  ) x WHERE pos = (n + 1) / 2 OR pos = (n * 9 + 9) / 10"""


def _timings(period: Any, params: dict[str, Any], repeat: int) -> None:
    """timings: each step's headline (the existing ordered queries) and its
    breakdown by each dimension, median ms of `repeat` runs; then the whole
    indicator with every breakdown."""
    from django.db import connection

    from selfdirect.insights.indicators import timings
    from selfdirect.insights.indicators.breakdowns import DIMENSIONS

    rows = {**timings.steps(period), **timings.waiting_now(period.end)}
    print(
        f"{'step':<38} {'rows':>6} {'headline':>9} "
        + " ".join(f"{d[:9]:>9}" for d in DIMENSIONS)
    )
    for name, found in rows.items():
        ms, summary = _best(lambda f=found: timings._summary(f), repeat)
        line = f"{name:<38} {summary['count']:>6} {ms:9.1f} "
        for dimension in DIMENSIONS:
            ms, _groups = _best(
                lambda f=found, d=dimension: timings.by_group(f, d, period), repeat
            )
            line += f"{ms:9.1f} "
        print(line)

    def by_hand() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(TIMINGS_SQL, params)
            return cursor.fetchall()

    step = timings.steps(period)["panel_submission_to_decision"]
    ours, found = _best(lambda: timings.by_group(step, "locality", period), repeat)
    theirs, hand = _best(by_hand, repeat)
    medians = {g: d for g, pos, n, d in hand if pos == (n + 1) // 2}
    same = all(medians[i["group"]] == i["median_days"] for i in found) and len(
        medians
    ) == len(found)
    print(
        f"panel step by locality: engine {ours:.1f} ms, by hand {theirs:.1f} ms, "
        f"ratio {ours / theirs:.2f}, same medians {same}"
    )
    ms, _all = _best(lambda: timings.timings(period, breakdowns=True), repeat)
    print(f"the whole indicator with every breakdown: {ms:.0f} ms")
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()

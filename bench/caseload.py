"""Time the caseload list against a throwaway PostgreSQL database of seeded people.

    .venv/bin/python bench/caseload.py [--people 250000] [--repeat 50]

Creates selfdirect_bench_<pid> on 127.0.0.1:5432 (user postgres, trust auth),
migrates it, seeds it, times /people/ through Django's test client for a team
practitioner and a quality lead, then drops the database whatever happens.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql

if TYPE_CHECKING:
    from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
USERS = ["practitioner", "quality"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    name = f"selfdirect_bench_{os.getpid()}"
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    print(f"Created database {name}")
    try:
        _benchmark(args)
    finally:
        _close_django_connections()
        _admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        print(f"Dropped database {name}")


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _close_django_connections() -> None:
    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()


def _benchmark(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host in
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed", f"--people={args.people}", f"--seed={args.seed}")
    print(f"Seeded {args.people:,} people in {time.perf_counter() - started:.1f}s\n")
    _time_pages(args.repeat)


def _time_pages(repeat: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from selfdirect.accounts.models import User

    pages = _pages(reverse("people:caseload"))
    print(
        f"{'page':<10} {'user':<13} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} queries"
    )
    for username in USERS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for label, url in pages.items():
            with CaptureQueriesContext(connection) as queries:
                _get(client, url)  # warm up; count the queries once
            count = len(queries)  # before the next request clears the query log
            times = [_timed_get(client, url) for _ in range(repeat)]
            p50, p95 = statistics.median(times), _percentile(times, 95)
            print(
                f"{label:<10} {username:<13} {p50:8.1f} {p95:8.1f} {max(times):8.1f} "
                f"{count}"
            )


def _pages(url: str) -> dict[str, str]:
    """The caseload as it opens, filtered by group and locality, and a name search."""
    from selfdirect.accounts.models import User
    from selfdirect.people.models import ServiceGroup

    team = User.objects.get(username="practitioner").teams.get()
    group = ServiceGroup.objects.get(code="elderly_frail")
    return {
        "list": url,
        "filtered": f"{url}?service_group={group.pk}&locality={team.locality_id}",
        "search": f"{url}?q=mac",
    }


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"


def _timed_get(client: Client, url: str) -> float:
    """Milliseconds to GET a page (asserting it answers 200)."""
    started = time.perf_counter()
    _get(client, url)
    return (time.perf_counter() - started) * 1000


def _percentile(times: list[float], percent: int) -> float:
    if len(times) < 2:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[percent - 1]


if __name__ == "__main__":
    main()

"""Time the carers' lists on a seeded PostgreSQL database.

    .venv/bin/python bench/carers.py [--database sd_carers_bench] [--people 2000]
                                     [--repeat 20] [--reseed]

The lists are those of /carers/: identified and not yet offered, accepted and
waiting for a plan, young carers due to move to an adult plan, and carers'
reviews due and overdue (also filtered by team and by locality), each opened by
the demo's carers' support worker (their team's carers) and by the quality lead
(who reads everyone's). The database is created, migrated and seeded with
`selfdirect seed --people N` unless it already holds the demo partnership, and is
kept for the next run (`--reseed` rebuilds it). The demo seeds carers row by row
through the services, up to demo.carers.MAX_CARERS.

For each list it prints p50 and p95 in milliseconds, the queries the page ran and
the raw SQL time; the load average is printed beside the table (the machine is
shared: compare query counts and ratios rather than raw times). Shares its
helpers with bench/pages.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import warnings
from pathlib import Path
from urllib.parse import urlencode

from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (bench/pages.py, beside this file)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sd_carers_bench")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = f"{pages.SERVER}/{args.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(pages.ROOT))
    if args.reseed:
        pages._admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(args.database)
            )
        )
    if not pages._exists(args.database):
        pages._admin(
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(args.database))
        )
        print(f"Created database {args.database}")
    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    pages._seed_unless_seeded(args)
    _counts()
    _time(_lists(), args)


def _counts() -> None:
    from selfdirect.carers.models import Carer, CarerPlan, CarerReview

    print(
        f"carers {Carer.objects.count():,}, plans {CarerPlan.objects.count():,}, "
        f"carers' reviews {CarerReview.objects.count():,}"
    )


def _lists() -> list[pages.Page]:
    from django.urls import reverse

    from selfdirect.accounts.models import Team
    from selfdirect.accounts.roles import Role
    from selfdirect.demo.people import data
    from selfdirect.people.models import Person

    url = reverse("carers:lists")
    carers = pages._user(role=Role.CARERS_SUPPORT_WORKER).username
    quality = pages._user("quality").username
    team = Team.objects.filter(name=data.CARERS_TEAM).first()
    locality = (
        Person.objects.filter(carer_records__isnull=False)
        .values_list("locality_id", flat=True)
        .first()
    )
    filtered = {"list": "reviews", "locality": locality or ""}
    rows = []
    for who in (carers, quality):
        rows.extend(
            pages.Page(which, who, f"{url}?list={which}")
            for which in ("not-offered", "waiting", "young", "reviews")
        )
        rows.append(pages.Page("reviews locality", who, f"{url}?{urlencode(filtered)}"))
        if team is not None:
            by_team = {"list": "reviews", "team": team.pk}
            rows.append(pages.Page("reviews team", who, f"{url}?{urlencode(by_team)}"))
    return rows


def _time(lists: list[pages.Page], args: argparse.Namespace) -> None:
    print(f"load average before: {pages._load()}")
    print(
        f"{'list':<18} {'user':<12} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'SQL ms':>7}"
    )
    clients = {}
    for page in lists:
        if page.username not in clients:
            clients[page.username] = pages._signed_in(page.username)
        client = clients[page.username]
        statements = pages._statements(client, page.url)
        times = [pages._timed_get(client, page.url) for _ in range(args.repeat)]
        raw = statistics.median(pages._replay(statements) for _ in range(5))
        p50, p95 = statistics.median(times), pages._percentile(times, 95)
        print(
            f"{page.label:<18} {page.username:<12} {p50:8.1f} {p95:8.1f} "
            f"{len(statements):7d} {raw:7.1f}"
        )
    print(f"load average after:  {pages._load()}")


if __name__ == "__main__":
    main()

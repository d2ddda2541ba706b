"""Time every heavy page side by side on a seeded PostgreSQL database.

    .venv/bin/python bench/pages.py [--database selfdirect_bench] [--people 250000]
                                    [--repeat 30] [--reseed]

Reuses the database if it already holds the seeded demo partnership (seeding
250,000 people takes minutes); otherwise creates it, migrates and seeds it with
`selfdirect seed --people N`. The database is kept for the next run; `--reseed`
drops and rebuilds it.

For each page it prints p50 and p95 in milliseconds, the number of queries the
page ran, the raw SQL time (the same statements replayed straight through the
database cursor, in a transaction rolled back) and the ratio of page time (p50)
to raw SQL time. The machine's load average is printed beside the table: on a
shared machine, compare query counts and ratios rather than raw times.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql

if TYPE_CHECKING:
    from django.test import Client

    from selfdirect.accounts.models import User

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
SKIP = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
# A server-side cursor (QuerySet.iterator()) is logged as its DECLARE; replay the
# SELECT inside it.
DECLARE = re.compile(
    r'^DECLARE "?[\w]+"? (?:NO SCROLL )?CURSOR (?:WITH(?:OUT)? HOLD )?FOR '
)


@dataclass(frozen=True)
class Page:
    label: str
    username: str
    url: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="selfdirect_bench")
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--only", help="Time only pages whose label contains this")
    parser.add_argument(
        "--profile",
        metavar="LABEL",
        help="Instead of timing, profile one page (cProfile) and print where the "
        "time goes",
    )
    parser.add_argument(
        "--summaries",
        action="store_true",
        help="Keep the reports' summaries first (core.summaries), as a quality lead "
        "and a finance officer would; without it those pages are worked out live",
    )
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = f"{SERVER}/{args.database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    if args.reseed:
        _admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(args.database)
            )
        )
    if not _exists(args.database):
        _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(args.database)))
        print(f"Created database {args.database}")
    import django

    # The bench serves no static files; collectstatic is not needed for it.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host in
    call_command("migrate", verbosity=0)
    _seed_unless_seeded(args)
    _prepare_summaries(keep=args.summaries)
    if args.profile:
        _profile(_pages(), args)
    else:
        _time_pages(_pages(), args)


def _prepare_summaries(*, keep: bool) -> None:
    """No kept summaries, or fresh ones for the reports' default views (the test
    settings run the background job at once)."""
    from django.utils import timezone

    from selfdirect.accounts.roles import Role
    from selfdirect.core import summaries
    from selfdirect.core.models import SummarySnapshot
    from selfdirect.delivery.summaries import SPEND, params_for
    from selfdirect.insights import outcomes
    from selfdirect.insights.signposting import default_period
    from selfdirect.insights.summaries import OUTCOMES, SIGNPOSTING, period_params

    SummarySnapshot.objects.all().delete()
    if not keep:
        return
    today = timezone.localdate()
    started = time.perf_counter()
    quality = _user(role=Role.QUALITY_LEAD)
    summaries.refresh(SIGNPOSTING, period_params(*default_period(today)), by=quality)
    summaries.refresh(
        OUTCOMES, period_params(*outcomes.default_period(today)), by=quality
    )
    finance = _user(role=Role.FINANCE_OFFICER)
    summaries.refresh(SPEND, params_for(finance, today) or {}, by=finance)
    print(f"Kept the reports' summaries in {time.perf_counter() - started:.1f}s")


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _exists(name: str) -> bool:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
    return row is not None


def _seed_unless_seeded(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    from selfdirect.accounts.models import Partnership
    from selfdirect.demo.people import data
    from selfdirect.people.models import Person

    if Partnership.objects.filter(code=data.PARTNERSHIP_CODE).exists():
        count = Person.objects.count()
        print(f"Reusing {args.database}: {count:,} people already seeded")
        if count != args.people:
            print(f"  (asked for {args.people:,}; pass --reseed to rebuild)")
        return
    started = time.perf_counter()
    call_command("seed", f"--people={args.people}", f"--seed={args.seed}")
    print(f"Seeded {args.people:,} people in {time.perf_counter() - started:.1f}s\n")


def _user(username: str | None = None, role: str | None = None) -> User:
    from selfdirect.accounts.models import User

    if username:
        return User.objects.get(username=username)
    return User.objects.filter(role=role, is_active=True).order_by("pk")[0]


def _pages() -> list[Page]:
    """Every page issue 18 measured (and issue 13's reviews due list and outcomes
    report), each as the user who would open it."""
    from django.urls import reverse

    from selfdirect.accounts.roles import Purpose, Role
    from selfdirect.people.models import Person, ServiceGroup
    from selfdirect.plans.models import SupportPlan

    practitioner = _user("practitioner")
    quality = _user("quality")
    panel = _user(role=Role.PANEL_MEMBER)
    finance = _user(role=Role.FINANCE_OFFICER)
    team = practitioner.teams.get()
    group = ServiceGroup.objects.get(code="elderly_frail")
    caseload = reverse("people:caseload")
    visible = Person.objects.visible_to(practitioner, Purpose.PRACTICE)
    plan = (
        SupportPlan.objects.filter(person__in=visible, conversation__isnull=False)
        .select_related("person", "conversation")
        .order_by("pk")
        .first()
    )
    if plan is None:
        raise SystemExit("No support plan in the practitioner's caseload: reseed.")
    person = plan.person
    return [
        Page("caseload", practitioner.username, caseload),
        Page(
            "caseload filtered",
            practitioner.username,
            f"{caseload}?service_group={group.pk}&locality={team.locality_id}",
        ),
        Page("search mac", practitioner.username, f"{caseload}?q=mac"),
        Page("caseload as quality", quality.username, caseload),
        Page(
            "person page",
            practitioner.username,
            reverse("people:detail", args=[person.public_id]),
        ),
        Page(
            "conversation",
            practitioner.username,
            reverse(
                "conversations:detail",
                args=[person.public_id, plan.conversation.public_id],
            ),
        ),
        Page(
            "plan",
            practitioner.username,
            reverse("plans:detail", args=[person.public_id, plan.public_id]),
        ),
        Page(
            "signposting report",
            quality.username,
            reverse("insights:signposting_report"),
        ),
        Page("panel waiting list", panel.username, reverse("panel:waiting_list")),
        Page("reviews due", practitioner.username, reverse("reviews:due")),
        Page(
            "outcomes report",
            quality.username,
            reverse("insights:outcomes_report"),
        ),
        Page("finance spend", finance.username, reverse("delivery:finance")),
    ]


def _time_pages(pages: list[Page], args: argparse.Namespace) -> None:

    if args.only:
        pages = [p for p in pages if args.only in p.label]
    print(f"load average before: {_load()}")
    print(
        f"{'page':<20} {'user':<14} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'SQL ms':>7} {'ratio':>6}"
    )
    clients: dict[str, Client] = {}
    for page in pages:
        if page.username not in clients:
            clients[page.username] = _signed_in(page.username)
        client = clients[page.username]
        statements = _statements(client, page.url)  # also warms up
        times = [_timed_get(client, page.url) for _ in range(args.repeat)]
        raw = statistics.median(_replay(statements) for _ in range(5))
        p50, p95 = statistics.median(times), _percentile(times, 95)
        print(
            f"{page.label:<20} {page.username:<14} {p50:8.1f} {p95:8.1f} "
            f"{len(statements):7d} {raw:7.1f} {p50 / raw if raw else 0:6.1f}"
        )
    print(f"load average after:  {_load()}")


def _profile(pages: list[Page], args: argparse.Namespace) -> None:
    """Profile `repeat` requests of one page, printing the functions that cost the
    most time, by their own time and with what they call."""
    import cProfile
    import pstats

    page = next(p for p in pages if p.label == args.profile)
    client = _signed_in(page.username)
    _get(client, page.url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.repeat):
        _get(client, page.url)
    profiler.disable()
    print(f"{page.label}: {args.repeat} requests, load average {_load()}")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def _signed_in(username: str) -> Client:
    """A client signed in as the user, with the code step done for roles whose
    demo account has an authenticator (quality, panel, finance...)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from selfdirect.accounts.models import User
    from selfdirect.accounts.services import authenticator

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    device = authenticator(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} cores)"


def _statements(client: Client, url: str) -> list[str]:
    """The SQL one request runs (savepoints left out)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        _get(client, url)
    return [
        DECLARE.sub("", q["sql"])
        for q in queries.captured_queries
        if not q["sql"].startswith(SKIP)
    ]


def _replay(statements: list[str]) -> float:
    """Milliseconds to run the statements straight through the cursor, rolled back
    (a page's writes, such as the access log, are not kept)."""
    from django.db import connection, transaction

    with transaction.atomic():
        with connection.cursor() as cursor:
            raw = cursor.cursor  # the driver's own cursor: no Django wrapper
            started = time.perf_counter()
            for statement in statements:
                raw.execute(statement)
                if raw.description is not None:
                    raw.fetchall()
            taken = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return taken


def _sign_in(client: Client, user: User) -> None:
    """Signed in, with the second factor passed where the user has a device (the
    demo's staff do): as after the two-factor code page."""
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user

    client.force_login(user)
    device = next(iter(devices_for_user(user, confirmed=True)), None)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"


def _timed_get(client: Client, url: str) -> float:
    started = time.perf_counter()
    _get(client, url)
    return (time.perf_counter() - started) * 1000


def _percentile(times: list[float], percent: int) -> float:
    if len(times) < 2:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[percent - 1]


if __name__ == "__main__":
    main()

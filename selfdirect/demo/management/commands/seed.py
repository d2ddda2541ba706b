"""`selfdirect seed`: a fictional partnership, demo staff and N supported people.

Everything is drawn from one `random.Random(seed)` and anchored to `--today`, so the
same arguments give the same people (names, CHI numbers, public ids) every time.
"""

import datetime
import random
import sys
import time
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from selfdirect.accounts.models import Partnership, User
from selfdirect.accounts.roles import TWO_FACTOR_REQUIRED
from selfdirect.demo.people import data
from selfdirect.demo.people.drafts import World
from selfdirect.demo.people.makers import BATCH_SIZE, PeopleMaker
from selfdirect.demo.people.saving import delete_demo_data, save_batch
from selfdirect.demo.people.staff import create_areas, create_staff
from selfdirect.demo.stages import AFTER_PEOPLE, BEFORE_PEOPLE, Stage
from selfdirect.demo.writer import writing_behind
from selfdirect.people.models import (
    ServiceGroup,
)


class Command(BaseCommand):
    help = "Create a fictional partnership (Clydeview) with demo staff and people."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Date to anchor ages and dates to (YYYY-MM-DD); default today.",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete existing demo data first."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        exists = Partnership.objects.filter(code=data.PARTNERSHIP_CODE).exists()
        if exists and not options["reset"]:
            self.stdout.write(
                f"Demo data already exists (partnership {data.PARTNERSHIP_CODE}). "
                "Run with --reset to replace it."
            )
            return
        if not ServiceGroup.objects.exists():
            raise CommandError("No service groups: run migrate first.")
        started = time.monotonic()
        # Each stage's wall time and this process's own CPU time (the rest of the
        # wall time is spent waiting on the database, or on a busy machine).
        self._timings: dict[str, tuple[float, float]] = {}
        # One transaction for the whole run: a failed or interrupted seed leaves
        # nothing behind, so the next run never finds half a partnership and stops.
        with transaction.atomic():
            if options["reset"]:
                delete_demo_data()
            self._check_usernames_free()
            # Bulk writes go to PostgreSQL on a second thread while the next rows
            # are made (see demo/writer.py); the last is written before the commit.
            with writing_behind():
                # The community directory is not about people and comes first:
                # first contacts signpost to its services.
                early = self._stages(options, BEFORE_PEOPLE)
                began = self._clocks()
                logins, rows = self._seed(options)
                self._timings["people"] = self._since(began)
                rows.update(early)
                rows.update(self._stages(options, AFTER_PEOPLE))
            began = self._clocks()
        # The foreign keys are checked as the transaction commits (they are
        # deferred), one check for every row written: timed as a stage of its own.
        self._timings["commit"] = self._since(began)
        # Freshly bulk-loaded tables have no planner statistics until autovacuum
        # reaches them; without them PostgreSQL picks nested loops that turn a
        # 0.5 s caseload query into a 13 s one. VACUUM also marks the pages
        # all-visible, so an index that holds every column a query needs answers
        # it alone (the team check of a search reads 20,000 allocation rows from
        # the table otherwise). VACUUM cannot run inside a transaction: a seed
        # run inside one (a test's) only analyses.
        began = self._clocks()
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)" if vacuum else "ANALYZE")
        self._timings["vacuum and analyze" if vacuum else "analyze"] = self._since(
            began
        )
        self._report(logins, rows, time.monotonic() - started)

    @staticmethod
    def _clocks() -> tuple[float, float]:
        return time.monotonic(), time.process_time()

    def _since(self, began: tuple[float, float]) -> tuple[float, float]:
        wall, cpu = self._clocks()
        return wall - began[0], cpu - began[1]

    def _check_usernames_free(self) -> None:
        usernames = [row[0] for row in data.DEMO_USERS]
        taken = list(
            User.objects.filter(username__in=usernames).values_list(
                "username", flat=True
            )
        )
        if taken:
            raise CommandError(f"Usernames already in use: {', '.join(taken)}")

    def _seed(self, options: dict[str, Any]) -> tuple[list[User], Counter[str]]:
        today = options["today"] or timezone.localdate()
        rng = random.Random(options["seed"])
        areas, carers_team = create_areas(rng)
        teams = [t for area in areas for ts in area.teams.values() for t in ts]
        logins, workers = create_staff(rng, [*teams, carers_team], today)
        groups = dict(ServiceGroup.objects.values_list("code", "id"))
        world = World(today, areas, carers_team, workers, groups)
        maker, now, rows = PeopleMaker(rng, world), timezone.now(), Counter[str]()
        total = options["people"]
        with tqdm(
            total=total,
            unit=" people",
            file=sys.stderr,
            disable=options["verbosity"] < 1,
        ) as bar:
            while rows["people"] < total:
                drafts = maker.batch(min(BATCH_SIZE, total - rows["people"]))
                rows.update(save_batch(drafts, world, now))
                bar.update(len(drafts))
        return logins, rows

    def _stages(self, options: dict[str, Any], stages: list[Stage]) -> Counter[str]:
        """Demo records for the given journey stages (conversations, ...)."""
        today = options["today"] or timezone.localdate()
        rows: Counter[str] = Counter()
        with tqdm(
            stages,
            desc="Demo records",
            unit=" stages",
            file=sys.stderr,
            disable=options["verbosity"] < 1,
        ) as bar:
            for stage in bar:
                bar.set_postfix_str(stage.name)
                began = self._clocks()
                rows.update(
                    stage.seed(seed=options["seed"], today=today, now=timezone.now())
                )
                self._timings[stage.name] = self._since(began)
        return rows

    def _report(self, logins: list[User], rows: Counter[str], seconds: float) -> None:
        write = self.stdout.write
        write(f"\nDemo sign-ins (every password: {data.DEMO_PASSWORD})")
        write(
            "Roles marked * also need a code: add the key "
            f"{data.DEMO_TOTP_KEY} to an authenticator app, or run "
            "`.venv/bin/python scripts/demo_code.py`.\n"
        )
        write(f"  {'username':<16} {'role':<32} team")
        for user in logins:
            teams = ", ".join(team.name for team in user.teams.all()) or "-"
            role = f"{user.get_role_display()}{' *' if user.role in TWO_FACTOR_REQUIRED else ''}"
            write(f"  {user.username:<16} {role:<32} {teams}")
        write("\nTime per stage")
        for name, (wall, cpu) in self._timings.items():
            write(f"  {name:<26} {wall:>7.1f}s wall {cpu:>7.1f}s CPU")
        write("\nCreated")
        for name, count in rows.items():
            write(f"  {name:<16} {count:>10,}")
        write(f"in {seconds:.1f}s")

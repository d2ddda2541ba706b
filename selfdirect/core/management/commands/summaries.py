"""`selfdirect summaries refresh [--stale] [--older-than HOURS]`: refresh the kept
summaries (core.summaries) from cron, each as the user who last asked for it."""

import datetime
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.utils import timezone
from tqdm import tqdm

from selfdirect.core import summaries
from selfdirect.core.models import SummarySnapshot


class Command(BaseCommand):
    help = "Refresh the kept report summaries, as the users who asked for them."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        refresh = commands.add_parser(
            "refresh",
            help="work out kept summaries again, in this process (one after another)",
        )
        refresh.add_argument(
            "--stale",
            action="store_true",
            help="only summaries out of date (records changed, or past "
            "SUMMARY_MAX_AGE_HOURS)",
        )
        refresh.add_argument(
            "--older-than",
            type=float,
            metavar="HOURS",
            help="only summaries worked out more than HOURS ago",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summaries.autodiscover()
        now = timezone.now()
        hours = options["older_than"]
        if hours is not None and hours < 0:
            raise CommandError("--older-than takes a number of hours, 0 or more")
        kept = SummarySnapshot.objects.filter(
            data__isnull=False, computed_at__isnull=False
        ).select_related("job", "computed_by")
        chosen = Q()
        if options["stale"]:
            oldest = [
                Q(key=s.key, computed_at__lt=s.oldest_allowed(now))
                for s in summaries.registered()
            ]
            stale = Q(stale_since__isnull=False)
            for q in oldest:
                stale |= q
            chosen &= stale
        if hours is not None:
            chosen &= Q(computed_at__lt=now - datetime.timedelta(hours=hours))
        snapshots = list(kept.filter(chosen).order_by("key", "params"))
        outcomes: dict[str, int] = {}
        for snapshot in tqdm(
            snapshots,
            unit=" summaries",
            file=sys.stderr,
            disable=options["verbosity"] < 1,
        ):
            outcome = summaries.refresh_now(snapshot)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        words = {
            "refreshed": "refreshed",
            "refused": "not refreshed: the user who asked may no longer see them",
            "refreshing": "already being refreshed",
            "never kept": "not declared any more",
        }
        self.stdout.write(f"{len(snapshots)} kept summaries chosen.")
        for outcome, count in sorted(outcomes.items()):
            self.stdout.write(f"  {count} {words.get(outcome, outcome)}")

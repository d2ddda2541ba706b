"""`selfdirect indicators --period 2025-26 [--quarter 2] [--json]`: every indicator."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.registry import BROKEN_DOWN, compute, trend
from selfdirect.insights.indicators.table import as_table


class Command(BaseCommand):
    help = "Print every SDS indicator for a financial year or quarter."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True, help="a financial year: 2025-26")
        parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--breakdowns",
            action="store_true",
            help="add breakdowns by locality, team, service group, age band, option",
        )
        parser.add_argument(
            "--trend", action="store_true", help="add the last 12 quarters"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["period"], options["quarter"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        found = compute(
            period, breakdowns=options["breakdowns"], today=timezone.localdate()
        )
        if options["trend"]:
            for name in BROKEN_DOWN:
                found[name]["trend"] = trend(name, period)
        if options["json"]:
            document = {
                "period": period.label,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "as_at": timezone.now().isoformat(timespec="seconds"),
                **found,
            }
            self.stdout.write(json.dumps(document, indent=2, default=str))
        else:
            self.stdout.write(as_table(period, found))

"""`selfdirect returns phs-sds --period 2025-26 --out FILE.csv`: the PHS SDS return."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.core.csv import csv_lines
from selfdirect.insights import carers_census, returns
from selfdirect.insights.indicators.periods import Period


class Command(BaseCommand):
    help = (
        "National returns: phs-sds writes the PHS Source SDS file, carers-census "
        "the Carers Census extract; each is checked."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        sds = commands.add_parser("phs-sds", help="the PHS Source SDS return")
        sds.add_argument("--period", required=True, help="a financial year: 2025-26")
        sds.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
        sds.add_argument("--out", required=True, type=Path)
        sds.add_argument(
            "--client-out",
            type=Path,
            help="the client snapshot file (default: beside --out, ending -client.csv)",
        )
        census = commands.add_parser(
            "carers-census", help="the Carers Census extract (codes unverified)"
        )
        census.add_argument("--period", required=True, help="a financial year: 2025-26")
        census.add_argument("--quarter", type=int, choices=(1, 2, 3, 4))
        census.add_argument("--out", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            period = Period.parse(options["period"], options["quarter"])
            location = returns.sending_location()
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["action"] == "carers-census":
            self._census(period, location, options["out"])
            return
        out: Path = options["out"]
        client_out: Path = options["client_out"] or out.with_name(
            f"{out.stem}-client{out.suffix or '.csv'}"
        )
        check = returns.validate(self._write(out, returns.sds_rows(period, location)))
        people = (
            sum(
                1
                for _ in self._write(client_out, returns.client_rows(period, location))
            )
            - 1
        )
        self.stdout.write(
            f"Wrote {check.rows} SDS rows for {period.label} to {out} and "
            f"{people} client rows to {client_out}.\n"
            "Headers are the PHS data mart's column names; the submission "
            "file's headers are unverified.\n\nValidation report\n" + check.report()
        )

    def _census(self, period: Period, location: str, out: Path) -> None:
        check = carers_census.validate(
            self._write(out, carers_census.census_rows(period, location)), period
        )
        self.stdout.write(
            f"Wrote {check.rows} Carers Census rows for {period.label} to {out}.\n"
            f"{carers_census.unverified_note()}\n\nValidation report\n" + check.report()
        )

    @staticmethod
    def _write(path: Path, rows: Any) -> Any:
        """Write the rows to the file, passing each on (to be checked or counted)."""
        try:
            with path.open("w", newline="", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(next(csv_lines([row])))
                    yield row
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from error

"""selfdirect filereading read FILE.json [--criteria VERSION] [--json]

Reads one case file with the automatic reader and prints every criterion's answer,
evidence and reason. Writes nothing to the database. A file that is not a valid
case file: each problem (path and reason) on standard error, exit code 2.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.assurance import casefile, reader


class Command(BaseCommand):
    help = "Read a case file with the automatic reader (writes nothing)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        read = sub.add_parser("read", help="Answer each criterion for one case file.")
        read.add_argument("file", type=Path, help="The case file (JSON)")
        read.add_argument(
            "--criteria",
            default=reader.DEFAULT_VERSION,
            help=f"Criteria set version (default {reader.DEFAULT_VERSION})",
        )
        read.add_argument("--json", action="store_true", help="Print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            reader.criteria(options["criteria"])
        except LookupError as error:
            raise CommandError(str(error), returncode=2) from None
        data, problems = casefile.load(options["file"])
        if data is None:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{options['file']} is not a valid case file "
                f"({len(problems)} problem{'s' if len(problems) != 1 else ''}).",
                returncode=2,
            )
        answers = reader.read(data, options["criteria"])
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"criteria": [a.as_dict() for a in answers]},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        for answer in answers:
            self.stdout.write(f"{answer.id}: {answer.answer}. {answer.reason}")

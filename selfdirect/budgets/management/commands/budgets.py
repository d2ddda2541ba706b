"""`selfdirect budgets load-method FILE`: load a version of a budget method."""

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.budgets.services import load_budget_method


class Command(BaseCommand):
    help = "Budget methods: load-method FILE loads a new version from JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        load = commands.add_parser("load-method", help="load a method version")
        load.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            method = load_budget_method(data=data, by=None)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(f"Loaded {method.name}, version {method.version}.")

"""selfdirect check-outcome [TEXT]: is this written as a personal outcome?

Prints {"kind": ..., "reasons": [...], "suggestion": "..."} as JSON. Without TEXT it
reads the statement from standard input. Empty text exits with code 2.
"""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from selfdirect.conversations.wording import classify_outcome


class Command(BaseCommand):
    help = (
        "Say whether a statement reads as a personal outcome, a service or a "
        "deficit, why, and how to reword it. A hint only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "text",
            nargs="?",
            help="The statement to check (default: read it from standard input)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = options["text"]
        if text is None:
            text = sys.stdin.read()
        if not text.strip():
            raise CommandError(
                "No text to check: give the statement as an argument or on "
                "standard input.",
                returncode=2,
            )
        self.stdout.write(json.dumps(classify_outcome(text).as_dict()))

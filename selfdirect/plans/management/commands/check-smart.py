"""selfdirect check-smart: is this support plan outcome SMART?

Reads one JSON object on standard input:
  {"words": str, "how_we_will_know": str | null, "target_date": "YYYY-MM-DD" | null,
   "agreed_achievable": bool}
and prints
  {"specific": bool, "measurable": bool, "time_bound": bool, "achievable": bool,
   "missing": [str], "suggestions": [str]}
The target date is judged against today. Bad input: a message on standard error and
exit code 2.
"""

import datetime
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from selfdirect.plans.smart import check_smart

FIELDS = {
    "words": (str,),
    "how_we_will_know": (str, type(None)),
    "target_date": (str, type(None)),
    "agreed_achievable": (bool,),
}


def _bad(message: str) -> CommandError:
    return CommandError(message, returncode=2)


def read_request(text: str) -> dict[str, Any]:
    """The request, checked: every field present with the right type, a real date."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _bad(
            f"The input is not valid JSON: {error.msg} (line {error.lineno})."
        ) from None
    if not isinstance(data, dict):
        raise _bad('The input must be one JSON object, like {"words": "...", ...}.')
    for name, types in FIELDS.items():
        if name not in data:
            raise _bad(f"The field {name!r} is missing.")
        if not isinstance(data[name], types):
            wanted = " or ".join(
                "null" if t is type(None) else t.__name__ for t in types
            )
            raise _bad(f"The field {name!r} must be {wanted}.")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise _bad(f"Unknown fields: {', '.join(unknown)}.")
    if data["target_date"] is not None:
        try:
            data["target_date"] = datetime.date.fromisoformat(data["target_date"])
        except ValueError:
            raise _bad(
                "The field 'target_date' must be a date like 2027-03-31."
            ) from None
    return data


class Command(BaseCommand):
    help = (
        "Check a support plan outcome against the SMART rules: reads a JSON object "
        "on standard input and prints what is missing and suggestions, as JSON."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        data = read_request(sys.stdin.read())
        check = check_smart(
            words=data["words"],
            how_we_will_know=data["how_we_will_know"],
            target_date=data["target_date"],
            agreed_achievable=data["agreed_achievable"],
            written_on=timezone.localdate(),
        )
        self.stdout.write(json.dumps(check.as_dict()))

"""Set-based forms of the reader's rules: each criterion's rule written as one
Django expression over `Person` rows, so every case file in the population is read
in the database (`population.read_everyone`) instead of one file at a time.

A set-based rule takes the date the files are read as of and returns an
expression that, annotated on `Person.objects`, gives the answer the per-file rule
(`assurance/reader/`) gives for that person's case file as of that date: "yes",
"partly", "no" or "not_applicable". Each one is proved equal to its per-file rule
by the tests (`assurance/tests/test_setbased.py`, helper `tests/setbased_check.py`).
Each module (early, choosing, later) defines RULES keyed by criterion id.
"""

import datetime
from collections.abc import Callable

from django.db.models import Expression

SetRule = Callable[[datetime.date], Expression]


def rules() -> dict[str, SetRule]:
    """Every set-based rule, by criterion id."""
    from . import choosing, early, later

    return {**early.RULES, **choosing.RULES, **later.RULES}

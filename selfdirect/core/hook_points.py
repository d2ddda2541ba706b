"""Hook points shared by two readers, declared here so that neither imports the
other (readers are imported only by `api`; tests/test_architecture.py).

`KEPT_ANSWERS`: the case file reader's answers kept for each person by the
population reading (contributed by assurance), which the `practice_quality`
indicator counts (read by insights; docs/indicators.md).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from .hooks import HookPoint


@dataclass(frozen=True)
class KeptAnswers:
    """Per-person answers a reader keeps, for counting in the database."""

    # (criterion id, answer) -> a filter on Person: people whose kept answer it is.
    answered: Callable[[str, str], Q]
    # A filter on Person: people with answers kept at all.
    read: Callable[[], Q]
    # When the answers were worked out, and whether records changed since:
    # (computed_at or None, stale reason "" | "changed" | "old" | "never").
    freshness: Callable[[], tuple[datetime.datetime | None, str]]
    # One person's answers read again now from their records as they stood on a
    # date (None: today), with the reasons: [(criterion id, answer, reason)].
    explain: Callable[[Any, datetime.date | None], list[tuple[str, str, str]]]
    # (criterion id, answer, date) -> a filter on Person: people whose answer is
    # that one when their records are read as they stood on the date, worked out
    # now in the database by the reader's set-based rule (nothing kept).
    answered_at: Callable[[str, str, datetime.date], Q]


KEPT_ANSWERS: HookPoint[KeptAnswers] = HookPoint(
    "KEPT_ANSWERS",
    "The case file reader's answers kept per person, counted by the indicators.",
)

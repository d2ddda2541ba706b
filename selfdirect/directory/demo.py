"""Demo community directory for Clydeview (filled in below)."""

import datetime
from collections import Counter
from typing import Any


def seed_directory(*, seed: int, today: datetime.date, now: Any) -> Counter[str]:
    return Counter()


def delete_directory(person_ids: list[int]) -> None:
    """The directory is not about people: `seed --reset` keeps it."""

"""The automatic reader: answers each criterion of a criteria set for a case file.

Criteria sets are versioned data (`assurance/data/criteria-<version>.json`); each
criterion's id names its rule function here. `read(data)` works on a case file dict
alone, so it runs without the database (`selfdirect filereading read`).
"""

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import choosing, early, later
from .file import Answer, CaseFile, Evidence

__all__ = [
    "EXTRA",
    "Answer",
    "CaseFile",
    "Evidence",
    "RULES",
    "criteria",
    "read",
    "read_extra",
    "versions",
]

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_VERSION = "1"

RULES: dict[str, Callable[[CaseFile], Answer]] = {
    rule.__name__: rule
    for rule in (
        early.sds_discussed_first_contact,
        early.signposting_followed_up,
        early.outcomes_own_words,
        early.strengths_recorded,
        early.risk_enablement,
        early.carer_views,
        choosing.options_explained,
        choosing.independent_support_offered,
        choosing.choice_recorded,
        choosing.budget_before_choice,
        later.plan_smart,
        later.plan_contingency,
        later.person_told_decision,
        later.review_on_time,
        later.outcomes_evaluated,
        later.poor_outcomes_explained,
    )
}

# Readings beside the criteria set, kept for the indicators (practice_quality):
# rule functions over the same case file, never part of an exercise's criteria.
EXTRA: dict[str, Callable[[CaseFile], Answer]] = {
    later.informal_supports_in_plan.__name__: later.informal_supports_in_plan
}


def versions() -> list[str]:
    return sorted(
        p.stem.removeprefix("criteria-") for p in DATA.glob("criteria-*.json")
    )


@cache
def criteria(version: str = DEFAULT_VERSION) -> dict[str, Any]:
    """A criteria set by version. Raises LookupError for an unknown version."""
    path = DATA / f"criteria-{version}.json"
    if not path.exists():
        raise LookupError(
            f"No criteria set {version!r}; there are: {', '.join(versions())}."
        )
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def read(data: dict[str, Any], version: str = DEFAULT_VERSION) -> list[Answer]:
    """Answer every criterion of the set for one (valid) case file."""
    file = CaseFile(data)
    return [RULES[item["id"]](file) for item in criteria(version)["criteria"]]


def read_extra(data: dict[str, Any]) -> list[Answer]:
    """The readings beside the criteria (EXTRA) for one case file."""
    file = CaseFile(data)
    return [rule(file) for rule in EXTRA.values()]

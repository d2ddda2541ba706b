"""Support plan pages: editing a draft, agreeing it, following it up."""

from .agreement import agree, my_plan, new_version
from .editing import (
    budget,
    contingency,
    detail,
    outcome,
    remove_outcome,
    remove_support,
    start,
    support,
)
from .follow_up import support_follow_up

__all__ = [
    "agree",
    "budget",
    "contingency",
    "detail",
    "my_plan",
    "new_version",
    "outcome",
    "remove_outcome",
    "remove_support",
    "start",
    "support",
    "support_follow_up",
]

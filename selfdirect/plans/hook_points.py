"""Hook points support plans read, where later stages contribute in their hooks.py.

Kept apart from plans/hooks.py (which lists them under HOOK_POINTS) so that the
plans selectors reading them and the hooks reaching those selectors import no cycle.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from selfdirect.core.hooks import HookPoint


@dataclass(frozen=True)
class AgreementBlocker:
    """What stops a plan being agreed, and what to do about it (a link the plan
    pages offer to users who may change the plan)."""

    problem: str
    action_label: str = ""
    action_url: str = ""

    def __str__(self) -> str:
        return self.problem


# A check takes the support plan and returns what stops its agreement, or None.
AgreementCheck = Callable[[Any], "str | AgreementBlocker | None"]

PLAN_AGREEMENT_CHECKS: HookPoint[AgreementCheck] = HookPoint(
    "plan_agreement_checks",
    "Checks a later stage adds to agreeing a support plan (the resource panel: "
    "above the delegated limit and not yet approved), so a plan cannot be agreed "
    "before its funding is. Each takes the plan and returns the problem, or None.",
)

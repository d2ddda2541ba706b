"""Checks later stages add to agreeing a support plan, without plans importing them.

The resource panel registers "above the delegated limit and not yet approved" here,
so a plan cannot be agreed before its funding is.
"""

from collections.abc import Callable
from typing import Any

# A check takes the support plan and returns what stops its agreement, or None.
AgreementCheck = Callable[[Any], "str | None"]

_CHECKS: list[AgreementCheck] = []


def add_agreement_check(check: AgreementCheck) -> None:
    """Register a check on agreeing a plan (call from AppConfig.ready)."""
    _CHECKS.append(check)


def agreement_blockers_from_later_stages(plan: Any) -> list[str]:
    """What later stages say stops this plan being agreed (empty when nothing)."""
    return [problem for check in _CHECKS if (problem := check(plan))]

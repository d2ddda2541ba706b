"""Named SDS rules about choosing an option."""

from collections.abc import Iterable
from dataclasses import dataclass

OPTION_THREE = 3
OPTION_FOUR = 4


def derived_option(options: Iterable[int]) -> int | None:
    """Option 4 is a choice whose elements use more than one of options 1-3;
    otherwise the one option used; None when nothing is chosen."""
    used = set(options)
    if len(used) > 1:
        return OPTION_FOUR
    return next(iter(used), None)


def deemed_option(*, choice_made: bool) -> int | None:
    """A person who makes no choice is deemed to have chosen Option 3 (Act s5/s6)."""
    return None if choice_made else OPTION_THREE


@dataclass(frozen=True)
class InformedChoice:
    informed: bool
    missing: list[str]


def informed_choice(
    *,
    information_before: bool,
    independent_support_offered: bool,
    decided_by: str,
    authority_recorded: bool,
) -> InformedChoice:
    """A choice counts as informed when information was given before it, independent
    support was offered, and the person (or a recorded legal representative) chose."""
    missing = []
    if not information_before:
        missing.append(
            "No record of information about the options given before the choice"
        )
    if not independent_support_offered:
        missing.append("No record that independent support or advocacy was offered")
    if decided_by == "carer":
        missing.append(
            "The choice was made by a carer, not the person or a legal representative"
        )
    if decided_by == "legal_representative" and not authority_recorded:
        missing.append("The representative's legal authority is not recorded")
    return InformedChoice(informed=not missing, missing=missing)

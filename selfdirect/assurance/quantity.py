"""The inspectors' standard terms of quantity (../shared/design/domain.md).

| term | share of the group |
| few | up to 15% |
| less than half | 15% up to 50% |
| the majority | 50% up to 75% |
| most | 75% up to 90% |
| almost all | 90% or more |

The bands as written meet at their boundaries. The rule here: a share exactly on
a boundary belongs to the band that starts there, so 15% is "less than half", 50%
"the majority", 75% "most" and 90% "almost all". Shares are compared exactly (as
fractions), so 9 of 60 (15%) is never taken for 14.999...%. No one (0%) is "few".
"""

from fractions import Fraction

# (the share a band starts at, its term), in order.
BANDS: tuple[tuple[Fraction, str], ...] = (
    (Fraction(0), "few"),
    (Fraction(15, 100), "less than half"),
    (Fraction(50, 100), "the majority"),
    (Fraction(75, 100), "most"),
    (Fraction(90, 100), "almost all"),
)


def term(count: int, total: int) -> str:
    """The standard term for `count` of `total` (e.g. 'less than half')."""
    if total <= 0 or not 0 <= count <= total:
        raise ValueError(f"{count} of {total} is not a share of a group")
    share = Fraction(count, total)
    return next(name for start, name in reversed(BANDS) if share >= start)


def sentence(count: int, total: int, of_what: str) -> str:
    """'Less than half of the records had contingency arrangements (25 of 60).'"""
    words = term(count, total)
    return f"{words[0].upper()}{words[1:]} of {of_what} ({count} of {total})."

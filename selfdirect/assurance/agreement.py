"""How far two readings of the same files agree, criterion by criterion.

Cohen's kappa compares two readers' answers to the same files with the agreement
they would reach by chance, given how often each gave each answer:

    kappa = (observed - expected) / (1 - expected)

where `observed` is the share of files on which they gave the same answer and
`expected` is the sum, over the answers, of the share of files the first reader
gave it times the share the second gave it. 1 is full agreement, 0 no better than
chance, below 0 worse than chance.

The same sum is used between two people (the second readers) and between a person
and the automatic reader. Where people override the automatic reader often, its
rule for that criterion needs work (`override_rates`).

Pure functions over plain values, so they are tested without the database.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings

ANSWERS = ("yes", "partly", "no", "not_applicable")
OVERRIDE_WARNING_PERCENT = 20

# Landis and Koch (1977), the usual plain-English bands for kappa.
STRENGTHS: tuple[tuple[Fraction, str], ...] = (
    (Fraction(81, 100), "almost perfect"),
    (Fraction(61, 100), "substantial"),
    (Fraction(41, 100), "moderate"),
    (Fraction(21, 100), "fair"),
    (Fraction(0), "slight"),
)

Pair = tuple[str, str]


@dataclass(frozen=True)
class Agreement:
    """Two readings of the same files, for one criterion."""

    criterion: str
    pairs: int
    agreed: int
    observed: Fraction | None
    expected: Fraction | None
    kappa: Fraction | None

    @property
    def kappa_display(self) -> str:
        return "" if self.kappa is None else f"{float(self.kappa):.2f}"

    @property
    def strength(self) -> str:
        """The agreement in words, including why there is no kappa."""
        if not self.pairs:
            return "no answers to compare"
        if self.kappa is None:
            return "every answer the same, so no kappa (they agreed on all)"
        if self.kappa < 0:
            return "worse than chance"
        return next(name for start, name in STRENGTHS if self.kappa >= start)


def kappa(criterion: str, pairs: Iterable[Pair]) -> Agreement:
    """Cohen's kappa for one criterion over (first answer, second answer) pairs."""
    return kappa_from_counts(criterion, Counter(pairs))


def kappa_from_counts(criterion: str, tally: Mapping[Pair, int]) -> Agreement:
    """Cohen's kappa from how many files had each (first, second) pair of answers.

    With no pairs there is nothing to compare: every figure is None. Where both
    readings gave one and the same answer to every file, chance agreement is 1 and
    kappa is 0/0: it is None, with the observed agreement (all) kept.
    """
    for pair in tally:
        _check(pair)
    total = sum(tally.values())
    if not total:
        return Agreement(criterion, 0, 0, None, None, None)
    agreed = sum(n for (first, second), n in tally.items() if first == second)
    observed = Fraction(agreed, total)
    expected = _chance(tally, total)
    value = None if expected == 1 else (observed - expected) / (1 - expected)
    return Agreement(criterion, total, agreed, observed, expected, value)


def kappa_by_criterion(
    criteria: Iterable[str], counts: Mapping[tuple[str, str, str], int]
) -> list[Agreement]:
    """Kappa for each criterion, in order, from counts of (criterion, first answer,
    second answer) as a GROUP BY gives them."""
    tallies: dict[str, dict[Pair, int]] = {}
    for (criterion, first, second), n in counts.items():
        tally = tallies.setdefault(criterion, {})
        tally[(first, second)] = tally.get((first, second), 0) + n
    return [kappa_from_counts(c, tallies.get(c, {})) for c in criteria]


def _check(pair: Pair) -> None:
    for answer in pair:
        if answer not in ANSWERS:
            raise ValueError(f"{answer!r} is not an answer ({', '.join(ANSWERS)})")


def _chance(tally: Mapping[Pair, int], total: int) -> Fraction:
    firsts: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for (first, second), n in tally.items():
        firsts[first] += n
        seconds[second] += n
    return sum(
        (Fraction(firsts[a] * seconds[a], total * total) for a in ANSWERS),
        Fraction(0),
    )


@dataclass(frozen=True)
class OverrideRate:
    """How often people changed the automatic reader's answer to one criterion."""

    criterion: str
    confirmed: int
    overridden: int
    warning_percent: int

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.overridden, self.confirmed) if self.confirmed else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)

    @property
    def needs_work(self) -> bool:
        """More than the setting's share of its answers were overridden."""
        share = self.share
        return share is not None and share * 100 > self.warning_percent


def override_warning_percent() -> int:
    """FILE_READING_OVERRIDE_WARNING_PERCENT: above it, a rule needs work."""
    return int(
        getattr(
            settings, "FILE_READING_OVERRIDE_WARNING_PERCENT", OVERRIDE_WARNING_PERCENT
        )
    )


def override_rates(
    criteria: Iterable[str], counts: Mapping[str, tuple[int, int]]
) -> list[OverrideRate]:
    """Each criterion's override rate from (confirmed, overridden) counts."""
    warning = override_warning_percent()
    return [
        OverrideRate(c, *counts.get(c, (0, 0)), warning_percent=warning)
        for c in criteria
    ]

"""An exercise's results: for each criterion, how many files answered yes, in the
inspectors' quantity terms, by team, and the change since the previous exercise.

The count is of confirmed answers. A criterion's group is the files it applies to
(every answer but not_applicable); its count is the files answered yes, so
"partly" is not counted as yes. The term comes from `quantity.term`.

Pure functions over plain dataclasses: the database gives counts grouped by
criterion, team and answer (`AnswerCount`), and these turn them into results.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from . import quantity


@dataclass(frozen=True)
class AnswerCount:
    """One row of a GROUP BY: how many files of a team gave an answer."""

    criterion: str
    team: str
    answer: str
    count: int


@dataclass(frozen=True)
class Tally:
    """The answers given to one criterion by a group of files."""

    yes: int = 0
    partly: int = 0
    no: int = 0
    not_applicable: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.yes + other.yes,
            self.partly + other.partly,
            self.no + other.no,
            self.not_applicable + other.not_applicable,
        )

    @property
    def applies(self) -> int:
        """Files the criterion applies to: every answer but not applicable."""
        return self.yes + self.partly + self.no

    @property
    def files(self) -> int:
        return self.applies + self.not_applicable

    @property
    def share(self) -> Fraction | None:
        return Fraction(self.yes, self.applies) if self.applies else None

    @property
    def percent(self) -> int | None:
        """The share answered yes, in whole per cent, rounded half up."""
        share = self.share
        return None if share is None else int(share * 100 + Fraction(1, 2))

    @property
    def term(self) -> str:
        """The quantity term for the files answered yes ('' if it applies to none)."""
        return quantity.term(self.yes, self.applies) if self.applies else ""


@dataclass(frozen=True)
class TeamResult:
    team: str
    tally: Tally


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's results in an exercise."""

    criterion: str
    question: str
    tally: Tally
    teams: tuple[TeamResult, ...] = ()
    previous: Tally | None = None

    @property
    def change(self) -> int | None:
        """Percentage points since the previous exercise (None if not comparable)."""
        if self.previous is None:
            return None
        now, then = self.tally.percent, self.previous.percent
        return None if now is None or then is None else now - then

    @property
    def change_display(self) -> str:
        change = self.change
        if change is None:
            return "no previous figure" if self.previous is None else "not comparable"
        if change == 0:
            return "no change"
        return f"{'up' if change > 0 else 'down'} {abs(change)} points"

    @property
    def term_changed(self) -> bool:
        return self.previous is not None and self.previous.term != self.tally.term

    @property
    def sentence(self) -> str:
        """'Less than half of the files it applies to answered yes (25 of 60).'"""
        if not self.tally.applies:
            return "It applied to none of the files read."
        return quantity.sentence(
            self.tally.yes, self.tally.applies, "the files it applies to answered yes"
        )


@dataclass(frozen=True)
class Criterion:
    id: str
    question: str


@dataclass(frozen=True)
class Results:
    """All criteria's results for one exercise, with the teams in order."""

    criteria: tuple[CriterionResult, ...]
    teams: tuple[str, ...] = field(default=())

    @property
    def compared(self) -> bool:
        return any(result.previous is not None for result in self.criteria)


def tallies(rows: Iterable[AnswerCount]) -> dict[tuple[str, str], Tally]:
    """Tallies by (criterion, team) from grouped counts."""
    found: dict[tuple[str, str], Tally] = {}
    for row in rows:
        key = (row.criterion, row.team)
        found[key] = found.get(key, Tally()) + _one(row.answer, row.count)
    return found


def _one(answer: str, count: int) -> Tally:
    if answer not in ("yes", "partly", "no", "not_applicable"):
        raise ValueError(f"{answer!r} is not an answer")
    return Tally(**{answer: count})


def results(
    criteria: Sequence[Criterion],
    rows: Iterable[AnswerCount],
    previous: Iterable[AnswerCount] | None = None,
) -> Results:
    """Each criterion's results, by team, compared with the previous exercise's
    counts where there was one (a criterion it did not read has no comparison)."""
    by_team = tallies(rows)
    before = _totals(tallies(previous)) if previous is not None else None
    teams = tuple(sorted({team for _, team in by_team}))
    return Results(
        tuple(
            CriterionResult(
                c.id,
                c.question,
                _sum(by_team.get((c.id, t), Tally()) for t in teams),
                _teams(by_team, c.id, teams),
                None if before is None else before.get(c.id),
            )
            for c in criteria
        ),
        teams,
    )


def _teams(
    by_team: Mapping[tuple[str, str], Tally], criterion: str, teams: tuple[str, ...]
) -> tuple[TeamResult, ...]:
    return tuple(TeamResult(t, by_team.get((criterion, t), Tally())) for t in teams)


def _totals(by_team: Mapping[tuple[str, str], Tally]) -> dict[str, Tally]:
    totals: dict[str, Tally] = {}
    for (criterion, _), tally in by_team.items():
        totals[criterion] = totals.get(criterion, Tally()) + tally
    return totals


def _sum(tallies: Iterable[Tally]) -> Tally:
    return sum(tallies, Tally())

"""An exercise's results and agreement from the database.

Every figure is counted in the database, grouped by criterion, answer and team, and
handed to the pure functions in `assurance.results` and `assurance.agreement`. The
whole report takes a fixed number of queries, whatever the size of the exercise.

Which answers count:

- **Results** count the confirmed answers of each file's first reading.
- **Between readers**: each criterion of a file read twice, where both readers
  confirmed an answer, is one pair (first reader, second reader).
- **Between people and the automatic reader**: every confirmed answer, first or
  second reading, is one pair (automatic answer, confirmed answer); its override
  rate is the share of them marked overridden.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from selfdirect.assurance import reader
from selfdirect.assurance.agreement import (
    Agreement,
    OverrideRate,
    kappa_by_criterion,
    override_rates,
)
from selfdirect.assurance.models import (
    CriterionAnswer,
    FileReading,
    ReadingExercise,
    SampledFile,
)
from selfdirect.assurance.results import AnswerCount, Criterion, Results, results

FIRST = FileReading.Position.FIRST
SECOND = FileReading.Position.SECOND


@dataclass(frozen=True)
class AutomaticRow:
    agreement: Agreement
    rate: OverrideRate


@dataclass(frozen=True)
class ExerciseReport:
    """Everything the results page, its CSV and its PDF show."""

    exercise: ReadingExercise
    previous: ReadingExercise | None
    files: int
    files_read: int
    results: Results
    readers: list[Agreement]
    automatic: list[Agreement]
    overrides: list[OverrideRate]

    @property
    def questions(self) -> dict[str, str]:
        return {r.criterion: r.question for r in self.results.criteria}

    @property
    def needing_work(self) -> list[OverrideRate]:
        return [rate for rate in self.overrides if rate.needs_work]

    @property
    def automatic_rows(self) -> list["AutomaticRow"]:
        """Each criterion's agreement with the automatic reader and override rate."""
        return [
            AutomaticRow(agreement, rate)
            for agreement, rate in zip(self.automatic, self.overrides, strict=True)
        ]

    @property
    def second_readings(self) -> int:
        return max((a.pairs for a in self.readers), default=0)


def criteria_of(exercise: ReadingExercise) -> list[Criterion]:
    """The exercise's criteria set, in order."""
    found = reader.criteria(exercise.criteria_version)["criteria"]
    return [Criterion(item["id"], item["question"]) for item in found]


def exercise_report(exercise: ReadingExercise) -> ExerciseReport:
    """The results and agreement of one exercise (six queries)."""
    criteria = criteria_of(exercise)
    ids = [c.id for c in criteria]
    previous = previous_exercise(exercise)
    before = answer_counts(previous) if previous is not None else None
    automatic = automatic_counts(exercise)
    progress = _progress(exercise)
    return ExerciseReport(
        exercise=exercise,
        previous=previous,
        files=progress["files"],
        files_read=progress["read"],
        results=results(criteria, answer_counts(exercise), before),
        readers=kappa_by_criterion(ids, reader_pairs(exercise)),
        automatic=kappa_by_criterion(ids, _pairs(automatic)),
        overrides=override_rates(ids, _override_counts(automatic)),
    )


def previous_exercise(exercise: ReadingExercise) -> ReadingExercise | None:
    """The last completed exercise set up before this one."""
    return (
        ReadingExercise.objects.filter(
            status=ReadingExercise.Status.COMPLETE,
            created_at__lt=exercise.created_at,
        )
        .exclude(pk=exercise.pk)
        .order_by("-created_at", "-id")
        .first()
    )


def _confirmed(exercise: ReadingExercise) -> QuerySet[CriterionAnswer]:
    return CriterionAnswer.objects.filter(
        reading__sampled_file__exercise=exercise
    ).exclude(confirmed_answer="")


def answer_counts(exercise: ReadingExercise) -> list[AnswerCount]:
    """First readings' confirmed answers, counted by criterion, team and answer."""
    rows = (
        _confirmed(exercise)
        .filter(reading__position=FIRST)
        .values(
            "criterion",
            "confirmed_answer",
            team_name=Coalesce("reading__sampled_file__team__name", Value("")),
        )
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        AnswerCount(r["criterion"], r["team_name"], r["confirmed_answer"], r["n"])
        for r in rows
    ]


def reader_pairs(exercise: ReadingExercise) -> dict[tuple[str, str, str], int]:
    """(criterion, first reader's answer, second reader's answer): how many files."""
    first = _confirmed(exercise).filter(
        reading__sampled_file=OuterRef("reading__sampled_file"),
        reading__position=FIRST,
        criterion=OuterRef("criterion"),
    )
    rows = (
        _confirmed(exercise)
        .filter(reading__position=SECOND)
        .annotate(first=Subquery(first.values("confirmed_answer")[:1]))
        .filter(first__isnull=False)
        .values("criterion", "first", "confirmed_answer")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {(r["criterion"], r["first"], r["confirmed_answer"]): r["n"] for r in rows}


def automatic_counts(
    exercise: ReadingExercise,
) -> dict[tuple[str, str, str, bool], int]:
    """(criterion, automatic answer, confirmed answer, overridden): how many."""
    rows = (
        _confirmed(exercise)
        .values("criterion", "automatic_answer", "confirmed_answer", "overridden")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {
        (
            r["criterion"],
            r["automatic_answer"],
            r["confirmed_answer"],
            bool(r["overridden"]),
        ): r["n"]
        for r in rows
    }


def _pairs(
    counts: dict[tuple[str, str, str, bool], int],
) -> dict[tuple[str, str, str], int]:
    pairs: dict[tuple[str, str, str], int] = {}
    for (criterion, automatic, confirmed, _), n in counts.items():
        key = (criterion, automatic, confirmed)
        pairs[key] = pairs.get(key, 0) + n
    return pairs


def _override_counts(
    counts: dict[tuple[str, str, str, bool], int],
) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for (criterion, _, _, overridden), n in counts.items():
        confirmed, changed = found.get(criterion, (0, 0))
        found[criterion] = (confirmed + n, changed + (n if overridden else 0))
    return found


def _progress(exercise: ReadingExercise) -> dict[str, int]:
    """How many files the sample has, and how many have a complete first reading."""
    return SampledFile.objects.filter(exercise=exercise).aggregate(
        files=Count("id", distinct=True),
        read=Count(
            "readings",
            filter=Q(
                readings__position=FIRST,
                readings__status=FileReading.Status.COMPLETE,
            ),
        ),
    )

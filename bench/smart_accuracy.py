"""How well do the SMART rules agree with plan outcomes labelled by hand?

    .venv/bin/python bench/smart_accuracy.py [--csv tests/data/smart_labelled.csv]
        [--misses]

Prints, for the tuning rows and the held-out rows separately, overall agreement over
the four flags (specific, measurable, time-bound, achievable) and precision and
recall per flag, where "positive" means the flag is set (the outcome *is* specific,
and so on). With --misses, every row where the rules and the label differ.

The labelled set (tests/data/smart_labelled.csv) and the labelling guide are
described in docs/support-plans.md. Rows marked "held_out" were written before the
rules were changed and the rules were never tuned on them: only their figures say
how the rules do on outcomes they have not seen.

Needs Django settings (for translations), not a database.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT / "tests" / "data" / "smart_labelled.csv"
FLAGS = ("specific", "measurable", "time_bound", "achievable")
SETS = ("tuning", "held_out")


@dataclass
class FlagScore:
    """Counts for one flag: true and false positives and negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, label: bool, answer: bool) -> None:
        if label and answer:
            self.tp += 1
        elif answer:
            self.fp += 1
        elif label:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def agreement(self) -> float:
        return _ratio(self.tp + self.tn, self.total)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def load(path: Path = DEFAULT_CSV) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text.strip() else None


def answers(row: dict[str, str]) -> dict[str, bool]:
    """The rules' four flags for one labelled row (through check_smart, as the
    plan page and check-smart call them)."""
    from selfdirect.plans.smart import check_smart

    agreed = {"yes": True, "no": False}.get(row["agreed_achievable"].strip())
    check = check_smart(
        words=row["words"],
        how_we_will_know=row["how_we_will_know"],
        target_date=_date(row["target_date"]),
        agreed_achievable=agreed,
        written_on=datetime.date.fromisoformat(row["written_on"]),
    )
    return {flag: getattr(check, flag) for flag in FLAGS}


def labels(row: dict[str, str]) -> dict[str, bool]:
    return {flag: row[flag].strip() == "yes" for flag in FLAGS}


def score(rows: list[dict[str, str]]) -> dict[str, FlagScore]:
    """Per-flag counts over the rows."""
    scores = {flag: FlagScore() for flag in FLAGS}
    for row in rows:
        said, meant = answers(row), labels(row)
        for flag in FLAGS:
            scores[flag].add(meant[flag], said[flag])
    return scores


def overall(scores: dict[str, FlagScore]) -> float:
    """Agreement over every flag of every row."""
    right = sum(s.tp + s.tn for s in scores.values())
    return _ratio(right, sum(s.total for s in scores.values()))


def by_set(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    return {name: [row for row in rows if row["set"] == name] for name in SETS}


def print_scores(name: str, rows: list[dict[str, str]]) -> None:
    scores = score(rows)
    print(f"\n{name}: {len(rows)} outcomes, overall agreement {overall(scores):.3f}")
    print(f"  {'flag':<12}{'agree':>8}{'precision':>11}{'recall':>8}")
    for flag, s in scores.items():
        print(f"  {flag:<12}{s.agreement:>8.3f}{s.precision:>11.3f}{s.recall:>8.3f}")


def print_misses(rows: list[dict[str, str]]) -> None:
    print("\nDisagreements (label -> rules)")
    for row in rows:
        said, meant = answers(row), labels(row)
        for flag in FLAGS:
            if said[flag] != meant[flag]:
                print(
                    f"  [{row['set']}] {flag} {meant[flag]} -> {said[flag]}: "
                    f"{row['words']!r} / {row['how_we_will_know']!r}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--misses", action="store_true")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "selfdirect.config.test_settings")
    import django

    django.setup()
    rows = load(options.csv)
    for name, part in by_set(rows).items():
        print_scores(name, part)
    if options.misses:
        print_misses(rows)


if __name__ == "__main__":
    main()

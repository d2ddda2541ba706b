"""How well does the outcome wording helper agree with the labelled phrasings?

    .venv/bin/python bench/outcome_accuracy.py [--csv tests/data/outcome_phrasings.csv]

Prints overall accuracy, accuracy per batch, precision and recall per kind, a
confusion matrix (rows are the labels, columns the helper's answers) and every row
the helper got wrong. No Django or database needed: classify_outcome is a pure
function.

Batches: rows were written before the rules existed, except those whose source_note
starts "after rules, sample N" (fresh phrasings written later to measure the rules on
text they had not seen; the note says whether the rules were tuned on them since).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selfdirect.conversations.wording import classify_outcome  # noqa: E402

KINDS = ("outcome", "service", "deficit")


def load(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def confusion(
    rows: list[dict[str, str]], answers: list[str]
) -> dict[str, dict[str, int]]:
    matrix = {label: dict.fromkeys(KINDS, 0) for label in KINDS}
    for row, answer in zip(rows, answers, strict=True):
        matrix[row["kind"]][answer] += 1
    return matrix


def print_scores(matrix: dict[str, dict[str, int]], total: int) -> None:
    right = sum(matrix[kind][kind] for kind in KINDS)
    print(f"Overall accuracy: {ratio(right, total):.3f} ({right}/{total})\n")
    print(f"{'kind':<10}{'precision':>10}{'recall':>10}{'rows':>7}")
    for kind in KINDS:
        answered = sum(matrix[label][kind] for label in KINDS)
        labelled = sum(matrix[kind].values())
        precision = ratio(matrix[kind][kind], answered)
        recall = ratio(matrix[kind][kind], labelled)
        print(f"{kind:<10}{precision:>10.3f}{recall:>10.3f}{labelled:>7}")


def batch(row: dict[str, str]) -> str:
    note = row.get("source_note", "")
    return note if note.startswith("after rules") else "written before the rules"


def print_batches(rows: list[dict[str, str]], answers: list[str]) -> None:
    totals: dict[str, list[int]] = {}
    for row, answer in zip(rows, answers, strict=True):
        right_total = totals.setdefault(batch(row), [0, 0])
        right_total[0] += answer == row["kind"]
        right_total[1] += 1
    print("\nAccuracy per batch")
    for name, (right, total) in totals.items():
        print(f"  {ratio(right, total):.3f} ({right}/{total})  {name}")


def print_matrix(matrix: dict[str, dict[str, int]]) -> None:
    print("\nConfusion matrix (rows: label, columns: helper)")
    print(f"{'':<10}" + "".join(f"{kind:>10}" for kind in KINDS))
    for label in KINDS:
        print(f"{label:<10}" + "".join(f"{matrix[label][kind]:>10}" for kind in KINDS))


def print_misses(rows: list[dict[str, str]], answers: list[str]) -> None:
    misses = [
        (row, answer)
        for row, answer in zip(rows, answers, strict=True)
        if answer != row["kind"]
    ]
    print(f"\nMisclassified rows ({len(misses)})")
    for row, answer in misses:
        print(
            f"  [{row['kind']} -> {answer}] {row['text']}  ({row.get('source_note', '')})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--csv", type=Path, default=ROOT / "tests" / "data" / "outcome_phrasings.csv"
    )
    rows = load(parser.parse_args().csv)
    answers: list[str] = [classify_outcome(row["text"]).kind for row in rows]
    matrix = confusion(rows, answers)
    print_scores(matrix, len(rows))
    print_batches(rows, answers)
    print_matrix(matrix)
    print_misses(rows, answers)


if __name__ == "__main__":
    main()

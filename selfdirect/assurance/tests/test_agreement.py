from fractions import Fraction
from pathlib import Path

import pytest
from django.test import override_settings

from selfdirect.assurance.agreement import (
    kappa,
    kappa_by_criterion,
    kappa_from_counts,
    override_rates,
)


def _pairs(*groups: tuple[str, str, int]) -> list[tuple[str, str]]:
    return [(first, second) for first, second, n in groups for _ in range(n)]


def test_the_wikipedia_worked_example() -> None:
    """Wikipedia, "Cohen's kappa", simple example: 50 grant proposals read by two
    readers; both yes 20, both no 15, A yes B no 5, A no B yes 10."""
    result = kappa(
        "c",
        _pairs(
            ("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)
        ),
    )
    assert (result.pairs, result.agreed) == (50, 35)
    assert result.observed == Fraction(7, 10)
    assert result.expected == Fraction(1, 2)
    assert result.kappa == Fraction(2, 5)
    assert result.kappa_display == "0.40"
    assert result.strength == "fair"


@pytest.mark.parametrize(
    ("table", "expected_kappa", "shown"),
    [
        # Wikipedia, "same percentages but different numbers": 60 of 100 agree in both.
        ((45, 15, 25, 15), Fraction(3, 23), "0.13"),
        ((25, 35, 5, 35), Fraction(7, 27), "0.26"),
    ],
)
def test_the_same_agreement_can_give_different_kappas(
    table: tuple[int, int, int, int], expected_kappa: Fraction, shown: str
) -> None:
    yy, yn, ny, nn = table
    result = kappa_from_counts(
        "c",
        {("yes", "yes"): yy, ("yes", "no"): yn, ("no", "yes"): ny, ("no", "no"): nn},
    )
    assert result.observed == Fraction(60, 100)
    assert result.kappa == expected_kappa
    assert result.kappa_display == shown


def test_all_four_answers_by_hand() -> None:
    # 10 files. First reader: yes 4, partly 2, no 2, n/a 2. Second: yes 3, partly 3,
    # no 2, n/a 2. Agreed on 8. Chance: (4*3 + 2*3 + 2*2 + 2*2) / 100 = 26/100.
    result = kappa(
        "c",
        _pairs(
            ("yes", "yes", 3),
            ("yes", "partly", 1),
            ("partly", "partly", 2),
            ("no", "no", 1),
            ("no", "not_applicable", 1),
            ("not_applicable", "no", 1),
            ("not_applicable", "not_applicable", 1),
        ),
    )
    assert result.observed == Fraction(7, 10)
    assert result.expected == Fraction(26, 100)
    assert result.kappa == (Fraction(7, 10) - Fraction(26, 100)) / Fraction(74, 100)


def test_no_pairs_gives_no_figures() -> None:
    result = kappa("c", [])
    assert (result.pairs, result.observed, result.expected, result.kappa) == (
        0,
        None,
        None,
        None,
    )
    assert result.strength == "no answers to compare"
    assert result.kappa_display == ""


def test_one_answer_throughout_has_no_kappa_but_full_agreement() -> None:
    result = kappa("c", [("yes", "yes")] * 6)
    assert result.observed == 1
    assert result.expected == 1
    assert result.kappa is None
    assert "agreed on all" in result.strength


def test_one_reader_giving_one_answer_still_has_a_kappa() -> None:
    # Chance agreement is below 1 when only one reader used one answer.
    result = kappa("c", [("yes", "yes"), ("yes", "yes"), ("yes", "no")])
    assert result.expected == Fraction(2, 3)
    assert result.kappa == 0
    assert result.strength == "slight"


def test_disagreeing_more_than_chance_is_negative() -> None:
    result = kappa("c", [("yes", "no"), ("no", "yes")])
    assert result.kappa == -1
    assert result.strength == "worse than chance"


def test_perfect_agreement_over_two_answers() -> None:
    result = kappa("c", [("yes", "yes"), ("no", "no")])
    assert result.kappa == 1
    assert result.strength == "almost perfect"


def test_an_unknown_answer_is_refused() -> None:
    with pytest.raises(ValueError, match="'maybe' is not an answer"):
        kappa("c", [("yes", "maybe")])


def test_by_criterion_keeps_the_order_and_fills_the_gaps() -> None:
    counts = {
        ("b", "yes", "yes"): 2,
        ("b", "no", "no"): 1,
        ("a", "yes", "no"): 1,
    }
    a, b, c = kappa_by_criterion(["a", "b", "c"], counts)
    assert (a.criterion, a.pairs, a.agreed) == ("a", 1, 0)
    assert (b.criterion, b.pairs, b.kappa) == ("b", 3, 1)
    assert (c.criterion, c.pairs, c.kappa) == ("c", 0, None)


def test_override_rates_say_when_a_rule_needs_work() -> None:
    low, on, high, none = override_rates(
        ["low", "on", "high", "none"],
        {"low": (10, 1), "on": (10, 2), "high": (9, 2)},
    )
    assert (low.percent, low.needs_work) == (10, False)
    assert (on.percent, on.needs_work) == (20, False)  # on the setting: not above it
    assert (high.percent, high.needs_work) == (22, True)
    assert (none.confirmed, none.share, none.percent, none.needs_work) == (
        0,
        None,
        None,
        False,
    )


@override_settings(FILE_READING_OVERRIDE_WARNING_PERCENT=5)
def test_the_override_warning_is_a_setting() -> None:
    (rate,) = override_rates(["c"], {"c": (10, 1)})
    assert rate.warning_percent == 5
    assert rate.needs_work


DOCS = Path(__file__).resolve().parents[3] / "docs" / "file-reading.md"


def _worked_example_table() -> dict[tuple[str, str], int]:
    """The worked example's table in docs/file-reading.md, as counts of pairs."""
    text = DOCS.read_text(encoding="utf-8").split("*Worked example*", 1)[1]
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    lines = [line for line in lines if "---" not in line][:5]
    columns = [cell.strip() for cell in lines[0].strip("|").split("|")][1:-1]
    counts = {}
    for line in lines[1:4]:
        first, *cells, _total = [cell.strip() for cell in line.strip("|").split("|")]
        counts.update({(first, c): int(n) for c, n in zip(columns, cells, strict=True)})
    return counts


def test_the_worked_example_in_the_guide() -> None:
    counts = _worked_example_table()
    assert sum(counts.values()) == 10
    result = kappa_from_counts("outcomes_own_words", counts)
    assert result.observed == Fraction(80, 100)
    assert result.expected == Fraction(35, 100)
    assert result.kappa == Fraction(9, 13)
    assert result.kappa_display == "0.69"
    assert result.strength == "substantial"
    assert "= 0.45 / 0.65 = 0.69: substantial" in DOCS.read_text(encoding="utf-8")

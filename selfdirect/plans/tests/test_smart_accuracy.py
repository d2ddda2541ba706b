"""The SMART rules against plan outcomes labelled by hand (tests/data/
smart_labelled.csv, scored by bench/smart_accuracy.py; see docs/support-plans.md).

The held-out rows were never used to tune the rules, so their figures are the
honest ones. The floors per flag are the rules' agreement before issue 16's
changes, so no flag may get worse than it was; overall the held-out agreement
must reach the issue's target of 95%. No database needed.
"""

import datetime
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location(
    "smart_accuracy", ROOT / "bench" / "smart_accuracy.py"
)
assert _spec and _spec.loader
harness = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("smart_accuracy", harness)  # for its dataclass
_spec.loader.exec_module(harness)

TARGET = 0.95
# Agreement per flag on the held-out rows with the rules before issue 16
# (measured 2026-11-27; overall 0.872).
BEFORE = {
    "specific": 0.640,
    "measurable": 0.849,
    "time_bound": 1.0,
    "achievable": 1.0,
}

ROWS = harness.load()
SETS = harness.by_set(ROWS)


def test_the_labelled_set_is_large_with_a_held_out_part() -> None:
    assert len(ROWS) >= 200
    assert len(SETS["held_out"]) >= 60 and len(SETS["tuning"]) >= 120
    assert {row["set"] for row in ROWS} == set(harness.SETS)
    for row in ROWS:
        assert {row[flag] for flag in harness.FLAGS} <= {"yes", "no"}, row
    # Each flag is labelled both ways among the held-out rows.
    for flag in harness.FLAGS:
        assert {row[flag] for row in SETS["held_out"]} == {"yes", "no"}, flag


def test_held_out_agreement_reaches_the_target() -> None:
    scores = harness.score(SETS["held_out"])
    assert harness.overall(scores) >= TARGET


@pytest.mark.parametrize("flag", harness.FLAGS)
def test_no_flag_agrees_less_than_before_on_the_held_out_rows(flag) -> None:
    scores = harness.score(SETS["held_out"])
    assert scores[flag].agreement >= BEFORE[flag]


def test_the_tuning_rows_agree_too() -> None:
    assert harness.overall(harness.score(SETS["tuning"])) >= TARGET


def test_the_stored_flags_are_the_full_checks_and_keeping_answers_changes_none() -> (
    None
):
    """`smart_flags` (what every write stores) gives the full check's four flags,
    and the wording rules' kept answers are the ones worked out afresh."""
    from selfdirect.plans import smart

    def flags(rows: list[dict[str, str]]) -> list[tuple[bool, bool, bool, bool]]:
        found = []
        for row in rows:
            terms = {
                "words": row["words"],
                "how_we_will_know": row["how_we_will_know"] or None,
                "target_date": harness._date(row["target_date"]),
                "agreed_achievable": {"yes": True, "no": False}.get(
                    row["agreed_achievable"].strip()
                ),
                "written_on": datetime.date.fromisoformat(row["written_on"]),
            }
            check = smart.check_smart(**terms)
            found.append(smart.smart_flags(**terms))
            assert found[-1] == (
                check.specific,
                check.measurable,
                check.time_bound,
                check.achievable,
            ), row["words"]
        return found

    kept = flags(ROWS + ROWS)[: len(ROWS)]
    for rule in (
        smart._aim_is_specific,
        smart._how_makes_specific,
        smart.is_measurable,
    ):
        rule.cache_clear()
    assert flags(ROWS[::-1])[::-1] == kept

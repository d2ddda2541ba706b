"""The outcome wording helper: rules, the labelled set and the check-outcome command.

The phrasings below were written before the rules and differ from the rows in
tests/data/outcome_phrasings.csv. None of these tests touch the database.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from selfdirect.conversations.wording import OutcomeCheck, classify_outcome

ROOT = Path(__file__).resolve().parents[3]
PHRASINGS = ROOT / "tests" / "data" / "outcome_phrasings.csv"

# Measured 0.992 on the whole set on 2026-11-22 (see docs/outcome-wording.md); the
# floor sits below it so that a regression shows without every small change failing.
ACCURACY_FLOOR = 0.95

OUTCOMES = [
    "I want to get back to the allotment with my neighbour",
    "Mrs Paterson would like to go to the bingo on a Friday night with her sister",
    "to be able to walk my dog along the beach at Portobello",
    "Keep going to my art class at the community hall",
    "I'd like to feel safe when I'm in the shower",
    "what matters to Tom is seeing his daughter at the weekends",
    "To visit my wife in the care home every day",
    "Get back to my job at the bakery",
    "For Aisha to make friends at her new school",
    "Angus hopes to take his grandson fishing this summer",
    "i'd love tae get tae the bowls again",
    "Stay living in Fort William near my family",
    "Feeling less tired so I can enjoy days out with the bairns",
    "To cook Sunday dinner for the family again",
    "Be involved in decisions about my care",
    "Mr Khan wants to be able to go to the mosque for Friday prayers",
    "I want to be able to choose who supports me",
    "hope to get my confidence back after the fall",
]

MIXED_OUTCOMES = [
    "Day care on a Tuesday so Mum can keep seeing her friends from the church",
    "PA support 8 hrs a week so that I can go swimming and to the cinema",
    "Unable to get out alone but wants to attend the Burns supper at the legion",
    "Needs help with shopping so she can keep cooking for herself",
    "Stairlift fitted so I can sleep in my own bed upstairs",
    "Telecare installed so my daughter worries less when she's at work",
]

SERVICES = [
    "3 x daily POC with medication prompts",
    "care at home x 4 per day",
    "day centre twice weekly",
    "Respite 28 nights per year",
    "needs a community alarm",
    "Referral made to OT for a bath lift",
    "POC to be reduced to 2 calls",
    "Meals on wheels 5 days a week",
    "SDS Option 1 - direct payment for PA",
    "Sitting service 3 hrs fortnightly",
    "Mr Brown would like a home care visit at lunchtime",
    "wants a bigger package",
    "Increase package of care to 28 hrs/week",
    "Telecare with door sensors",
    "Social worker to arrange day care",
    "Day Centre",
    "Carers 2x daily for personal care",
    "Needs a care home",
    "Option 2 ISF with Carr Gomm",
    "Respite at Redwood residential unit, 2 weeks in October",
    "meals on wheels and a key safe",
]

DEFICITS = [
    "Unable to transfer from bed to chair",
    "She cannot use the stairs safely",
    "Can't manage her own medication",
    "Poor mobility and balance",
    "At risk of falling at night",
    "requires assistance with washing and dressing",
    "Dependent on his son for all meals",
    "Impaired hearing, uses hearing aids",
    "He struggles to remember appointments",
    "No longer able to drive",
    "not coping with the house since wife died",
    "Lacks capacity to manage her finances",
    "Difficulty with personal care",
    "Mum cannae cope wi the stairs",
    "Frail elderly lady, very unsteady",
    "Has had several falls and is housebound",
    "incontinent of urine at night",
    "He is socially isolated and lonely",
    "Limited ability to communicate verbally",
    "Confused, disorientated to time and place",
    "She has poor insight into her own safety",
]


@pytest.mark.parametrize("text", OUTCOMES + MIXED_OUTCOMES)
def test_outcomes_are_recognised(text: str) -> None:
    assert classify_outcome(text).kind == "outcome"


@pytest.mark.parametrize("text", SERVICES)
def test_services_are_recognised(text: str) -> None:
    assert classify_outcome(text).kind == "service"


@pytest.mark.parametrize("text", DEFICITS)
def test_deficits_are_recognised(text: str) -> None:
    assert classify_outcome(text).kind == "deficit"


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("Day care on a Tuesday so Mum can keep seeing her friends", "service"),
        ("PA support 8 hrs a week so that I can go swimming", "service"),
        ("Unable to get out alone but wants to attend the Burns supper", "cannot"),
        ("Needs help with shopping so she can keep cooking for herself", "cannot"),
    ],
)
def test_mixed_statements_note_the_service_or_deficit_part(
    text: str, noted: str
) -> None:
    check = classify_outcome(text)
    assert check.kind == "outcome"
    assert any(noted in reason for reason in check.reasons)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("2 home care visits a day", "home care"),
        ("2 home care visits a day", "visits"),
        ("Increase POC to 4 calls", "poc"),
        ("unable to wash independently", "unable to"),
        ("at risk of falls", "at risk of"),
        ("I want to feel safe at home at night", "i want"),
        ("support with showering so I can go to church on Sunday", "so i can"),
        ("support with showering so I can go to church on Sunday", "church"),
    ],
)
def test_reasons_quote_the_words_that_triggered_the_decision(
    text: str, trigger: str
) -> None:
    reasons = " ".join(classify_outcome(text).reasons).lower()
    assert f'"{trigger}' in reasons


def test_a_service_gets_a_prompt_to_ask_what_it_is_for() -> None:
    check = classify_outcome("2 home care visits a day")
    assert check.suggestion.startswith("This describes a service.")
    assert "what would a good day look like" in check.suggestion
    assert "For example:" in check.suggestion


def test_a_deficit_gets_a_prompt_to_ask_what_the_person_wants_to_do() -> None:
    check = classify_outcome("cannot manage stairs")
    assert check.suggestion.startswith("This describes what the person cannot do.")
    assert "For example:" in check.suggestion


def test_a_specific_outcome_needs_no_suggestion() -> None:
    assert classify_outcome("to see my grandchildren every week").suggestion == ""


def test_a_vague_outcome_gets_a_tip_to_make_it_specific() -> None:
    assert "specific" in classify_outcome("I want to be happy").suggestion


def test_a_mixed_outcome_is_told_to_keep_the_service_in_the_plan() -> None:
    suggestion = classify_outcome("Respite so that I can have a rest").suggestion
    assert "support plan" in suggestion


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        classify_outcome(text)


def test_surrounding_whitespace_and_case_do_not_matter() -> None:
    assert classify_outcome("\n   UNABLE TO COOK  \n").kind == "deficit"
    assert classify_outcome("  I WANT TO GO TO THE PICTURES  ").kind == "outcome"


def test_curly_apostrophes_count_as_straight_ones() -> None:
    check = classify_outcome("Can\u2019t get to the toilet in time")
    assert check.kind == "deficit"
    assert any('"Can\'t"' in reason for reason in check.reasons)


def test_statements_with_no_recognised_words_are_not_called_deficits() -> None:
    check = classify_outcome("Tuesday")
    assert check.kind == "outcome"
    assert "specific" in check.suggestion


def test_very_long_text_is_classified_quickly() -> None:
    text = ("Mrs X has poor mobility and is unable to use the stairs. " * 200)[:10_000]
    started = time.perf_counter()
    check = classify_outcome(text)
    assert time.perf_counter() - started < 0.5
    assert check.kind == "deficit"
    assert len(" ".join(check.reasons)) < 1_000


def test_very_long_text_without_spaces_is_classified_quickly() -> None:
    started = time.perf_counter()
    classify_outcome("so" * 5_000)
    classify_outcome("to " * 3_400)
    assert time.perf_counter() - started < 0.5


def test_the_result_is_frozen_and_converts_to_a_dict() -> None:
    check = classify_outcome("day centre place")
    assert isinstance(check, OutcomeCheck)
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.kind = "outcome"  # type: ignore[misc]
    assert check.as_dict() == {
        "kind": "service",
        "reasons": check.reasons,
        "suggestion": check.suggestion,
    }


def test_the_labelled_set_stays_above_the_measured_floor() -> None:
    with PHRASINGS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 200
    assert {row["kind"] for row in rows} == {"outcome", "service", "deficit"}
    right = sum(classify_outcome(row["text"]).kind == row["kind"] for row in rows)
    assert right / len(rows) >= ACCURACY_FLOOR


def test_command_prints_the_json_for_an_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command("check-outcome", "2 home care visits a day")
    out = capsys.readouterr().out
    expected = classify_outcome("2 home care visits a day").as_dict()
    assert out == json.dumps(expected) + "\n"
    assert list(json.loads(out)) == ["kind", "reasons", "suggestion"]


def test_command_reads_standard_input_without_an_argument(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("I want to see my pals\n"))
    call_command("check-outcome")
    assert json.loads(capsys.readouterr().out)["kind"] == "outcome"


def test_command_refuses_empty_text_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("   \n"))
    with pytest.raises(CommandError, match="No text") as raised:
        call_command("check-outcome")
    assert raised.value.returncode == 2
    with pytest.raises(CommandError) as raised:
        call_command("check-outcome", "")
    assert raised.value.returncode == 2


def test_command_line_exits_2_on_empty_input_with_the_error_on_stderr() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "selfdirect.config.test_settings"}
    command = [sys.executable, "-m", "selfdirect", "check-outcome"]
    empty = subprocess.run(  # noqa: S603 - our own interpreter and module
        command, input="", capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert empty.returncode == 2
    assert empty.stdout == ""
    assert "No text" in empty.stderr

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]


def _run(payload: str, monkeypatch) -> dict:
    monkeypatch.setattr("sys.stdin", io.StringIO(payload))
    out = io.StringIO()
    call_command("check-smart", stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_the_four_letters_what_is_missing_and_suggestions(
    monkeypatch,
) -> None:
    result = _run(
        json.dumps(
            {
                "words": "I want to get back to my Tuesday swimming group",
                "how_we_will_know": "Goes at least 3 Tuesdays a month",
                "target_date": "2999-01-01",
                "agreed_achievable": True,
            }
        ),
        monkeypatch,
    )
    assert result == {
        "specific": True,
        "measurable": True,
        "time_bound": True,
        "achievable": True,
        "missing": [],
        "suggestions": [],
    }


def test_a_past_date_null_measure_and_no_agreement_are_missing(monkeypatch) -> None:
    result = _run(
        json.dumps(
            {
                "words": "I want to feel better",
                "how_we_will_know": None,
                "target_date": "2001-01-01",
                "agreed_achievable": False,
            }
        ),
        monkeypatch,
    )
    assert not any(
        result[k] for k in ("specific", "measurable", "time_bound", "achievable")
    )
    assert len(result["missing"]) == 4
    assert len(result["suggestions"]) == 4


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "one JSON object"),
        ('{"words": "x"}', "'how_we_will_know' is missing"),
        (
            '{"words": 3, "how_we_will_know": null, "target_date": null, "agreed_achievable": true}',
            "'words' must be str",
        ),
        (
            '{"words": "x", "how_we_will_know": null, "target_date": "31/03/2027", "agreed_achievable": true}',
            "like 2027-03-31",
        ),
        (
            '{"words": "x", "how_we_will_know": null, "target_date": null, "agreed_achievable": "yes"}',
            "'agreed_achievable' must be bool",
        ),
        (
            '{"words": "x", "how_we_will_know": null, "target_date": null, "agreed_achievable": true, "extra": 1}',
            "Unknown fields: extra",
        ),
    ],
)
def test_bad_input_is_refused_with_exit_code_2(payload, message, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(payload))
    with pytest.raises(CommandError, match=message) as error:
        call_command("check-smart")
    assert error.value.returncode == 2


def test_from_the_shell_bad_json_goes_to_stderr_with_exit_code_2() -> None:
    done = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "selfdirect", "check-smart"],
        input="{oops",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"SECRET_KEY": "x", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr
    assert done.stdout == ""

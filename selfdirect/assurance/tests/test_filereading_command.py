"""selfdirect filereading read: the JSON it prints, and refusals."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles"


def test_it_prints_every_criterion_with_evidence_and_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    call_command(
        "filereading", "read", str(FILES / "plan-no-contingency.json"), "--json"
    )
    out = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in out["criteria"]][:2] == [
        "sds_discussed_first_contact",
        "signposting_followed_up",
    ]
    assert len(out["criteria"]) == 16
    contingency = next(c for c in out["criteria"] if c["id"] == "plan_contingency")
    assert contingency["answer"] == "no"
    assert contingency["evidence"][0]["path"] == "/plans/0/contingency"
    assert set(contingency) == {"id", "answer", "evidence", "reason"}


def test_an_invalid_file_gives_each_problem_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((FILES / "good-full-journey.json").read_text())
    data["plans"][0]["outcomes"][0]["target_date"] = "31/12/2025"
    data["reviews"][0]["plan_ref"] = "nowhere"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as error:
        call_command("filereading", "read", str(path), "--json")
    assert error.value.returncode == 2
    err = capsys.readouterr().err
    assert "/plans/0/outcomes/0/target_date" in err


def test_a_reference_to_nothing_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((FILES / "good-full-journey.json").read_text())
    data["reviews"][0]["plan_ref"] = "nowhere"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError):
        call_command("filereading", "read", str(path))
    assert (
        "/reviews/0/plan_ref: no record 'nowhere' in plans" in capsys.readouterr().err
    )


@pytest.mark.parametrize("content", ["{not json", "[]"])
def test_not_a_case_file_at_all(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(CommandError, match="not a valid case file"):
        call_command("filereading", "read", str(path))


def test_an_unknown_criteria_version_is_refused() -> None:
    with pytest.raises(CommandError, match="No criteria set '9'"):
        call_command(
            "filereading",
            "read",
            str(FILES / "good-full-journey.json"),
            "--criteria",
            "9",
        )

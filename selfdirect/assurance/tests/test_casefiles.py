"""The hand-written case files under tests/data/casefiles: each is a valid case file
and the automatic reader gives the answers written for it in expected.json."""

import json
from pathlib import Path

import pytest

from selfdirect.assurance import casefile, reader

FILES = Path(__file__).resolve().parents[3] / "tests" / "data" / "casefiles"
EXPECTED: dict[str, dict[str, str]] = json.loads(
    (FILES / "expected.json").read_text(encoding="utf-8")
)
CASE_FILES = sorted(p.name for p in FILES.glob("*.json") if p.name != "expected.json")


def test_there_are_at_least_40_files_and_each_has_its_expected_answers() -> None:
    assert len(CASE_FILES) >= 40
    assert sorted(EXPECTED) == CASE_FILES


@pytest.mark.parametrize("name", CASE_FILES)
def test_each_file_is_valid_and_read_as_expected(name: str) -> None:
    data, problems = casefile.load(FILES / name)
    assert problems == []
    assert data is not None
    answers = {a.id: a for a in reader.read(data)}
    got = {key: answers[key].answer for key in EXPECTED[name]}
    assert got == EXPECTED[name]
    for answer in answers.values():
        assert answer.reason.endswith(".")
        if answer.answer != "not_applicable":
            assert answer.evidence, answer.id


def test_every_answer_of_every_criterion_is_covered() -> None:
    seen = {
        (key, answer)
        for answers in EXPECTED.values()
        for key, answer in answers.items()
    }
    wanted = {
        (item["id"], answer)
        for item in reader.criteria("1")["criteria"]
        for answer in item["answers"]
    }
    assert wanted - seen == set()


def test_the_schema_in_the_docs_is_the_one_the_code_uses() -> None:
    docs = FILES.parents[2] / "docs" / "casefile.schema.json"
    assert json.loads(docs.read_text()) == casefile.schema()


FIXED_IDS = [
    "sds_discussed_first_contact",
    "signposting_followed_up",
    "outcomes_own_words",
    "strengths_recorded",
    "risk_enablement",
    "carer_views",
    "options_explained",
    "independent_support_offered",
    "choice_recorded",
    "budget_before_choice",
    "plan_smart",
    "plan_contingency",
    "person_told_decision",
    "review_on_time",
    "outcomes_evaluated",
    "poor_outcomes_explained",
]


def test_set_1_holds_the_fixed_ids_each_with_its_rule() -> None:
    assert [c["id"] for c in reader.criteria("1")["criteria"]] == FIXED_IDS
    assert set(reader.RULES) == set(FIXED_IDS)
    assert reader.versions() == ["1"]

"""The Carers Census extract on a hand-built set (carers_example.py)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from selfdirect.insights import carers_census
from selfdirect.insights.indicators.periods import Period

from .carers_example import build


@pytest.fixture
def example(db, settings):
    settings.SDS_SENDING_LOCATION = "395"
    return build()


def _run(tmp_path, *args: str) -> tuple[str, list[dict[str, str]]]:
    out = io.StringIO()
    target = tmp_path / "census.csv"
    call_command("returns", "carers-census", *args, "--out", str(target), stdout=out)
    with target.open(encoding="utf-8") as handle:
        return out.getvalue(), list(csv.DictReader(handle))


def test_one_row_per_carer_in_scope_with_the_topics(example, tmp_path) -> None:
    printed, rows = _run(tmp_path, "--period", "2025-26")
    assert list(rows[0]) == carers_census.columns()
    by_id = {r["carer_id"]: r for r in rows}
    # Amy, Ben, Cal and Dee (for Pat); Dee for Ray had no offer or plan; Eli is later.
    assert len(rows) == 4
    amy = by_id[str(example.amy.person.public_id)]
    assert {k: amy[k] for k in list(amy)[:18]} == {
        "sending_location": "395",
        "carer_id": str(example.amy.person.public_id),
        "period": "2025",
        "carer_date_of_birth": "1970-05-01",
        "carer_postcode": "G81 1UE",
        "carer_gender": "9",
        "carer_type": "2",
        "plan_type": "1",
        "offer_or_request": "1",
        "offer_or_request_date": "2025-04-15",
        "offer_answer": "2",
        "plan_is_review": "0",
        "plan_status": "3",
        "plan_start_date": "2025-05-01",
        "plan_completed_date": "2025-05-15",
        "ability_to_care_recorded": "0",
        "willingness_to_care_recorded": "0",
        "hours_of_care": "5",
    }
    assert (amy["impact_health_wellbeing"], amy["impact_finance"]) == ("4", "1")
    assert amy["impact_relationships"] == "9"
    assert (amy["eligible_need"], amy["cared_for_age"]) == ("1", "86")
    assert amy["cared_for_client_group"] == "08"
    assert (amy["support_short_break"], amy["break_short_break_away"]) == ("1", "1")
    assert amy["break_replacement_care"] == "0" and amy["simd"] == "9"
    ben = by_id[str(example.ben.person.public_id)]
    assert (ben["offer_or_request"], ben["eligible_need"]) == ("2", "0")
    assert ben["cared_for_client_group"] == "03"
    cal = by_id[str(example.cal.person.public_id)]
    assert (cal["carer_type"], cal["plan_type"], cal["offer_answer"]) == ("1", "2", "3")
    assert (cal["plan_status"], cal["hours_of_care"], cal["eligible_need"]) == (
        "0",
        "9",
        "9",
    )
    assert "Rows checked: 4" in printed and "No problems found." in printed
    assert "UNVERIFIED" in printed


def test_a_quarter_keeps_only_its_own(example, tmp_path) -> None:
    _printed, rows = _run(tmp_path, "--period", "2025-26", "--quarter", "1")
    # Amy's offer and plan, and Ben's plan started 17 June 2025.
    assert {r["carer_id"] for r in rows} == {
        str(example.amy.person.public_id),
        str(example.ben.person.public_id),
    }


def test_validation_reports_what_a_collection_would_refuse() -> None:
    header = carers_census.columns()
    good = dict.fromkeys(header, "")
    good.update(
        carer_id="a",
        carer_date_of_birth="1970-01-01",
        carer_type="2",
        plan_type="1",
        offer_or_request_date="2025-05-01",
        plan_status="3",
        plan_completed_date="2025-06-01",
        hours_of_care="2",
    )
    bad = dict(
        good,
        carer_id="b",
        carer_type="1",
        offer_or_request_date="2026-05-01",
        plan_status="2",
        hours_of_care="9",
        carer_date_of_birth="",
    )
    found = carers_census.validate(
        [header, [good[h] for h in header], [bad[h] for h in header]], Period(2025)
    )
    assert found.rows == 2
    assert found.problems == {
        carers_census.CHECKS[c]: ["b"]
        for c in (
            "offer_after_period",
            "completed_before_offer",
            "completed_not_agreed",
            "type_mismatch",
            "no_hours",
            "no_date_of_birth",
        )
    }


def test_the_codes_are_data_and_every_column_is_marked_unverified() -> None:
    data = carers_census.mapping()
    assert all(column["verified"] is False for column in data["columns"])
    assert len(carers_census.columns()) == len(set(carers_census.columns()))


@pytest.mark.django_db
def test_a_bad_period_or_no_sending_location_is_refused(settings, tmp_path) -> None:
    settings.SDS_SENDING_LOCATION = ""
    with pytest.raises(CommandError, match="SDS_SENDING_LOCATION"):
        _run(tmp_path, "--period", "2025-26")
    settings.SDS_SENDING_LOCATION = "395"
    with pytest.raises(CommandError):
        _run(tmp_path, "--period", "2025-27")

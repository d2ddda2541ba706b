import csv
import io

import pytest
from django.core.management import CommandError, call_command

from selfdirect.insights import returns

from . import worked_example

HEADER = list(returns.SDS_COLUMNS)


def _row(**values: object) -> list[object]:
    base: dict[str, object] = {
        "sending_location": "395",
        "social_care_id": "a",
        "period": "2025",
        "sds_period_start_date": "2025-04-01",
        "sds_period_end_date": "2026-03-31",
        "sds_start_date": "2025-05-01",
        "sds_end_date": "",
        "sds_option_1": 1,
        "sds_option_2": 0,
        "sds_option_3": 0,
        "sds_start_date_after_end_date": 0,
        "sds_start_date_after_period_end_date": 0,
    }
    base.update(values)
    return [base[c] for c in HEADER]


def test_validation_finds_what_phs_would() -> None:
    check = returns.validate(
        [
            HEADER,
            _row(),
            _row(
                social_care_id="b",
                sds_start_date="2025-06-01",
                sds_end_date="2025-05-01",
            ),
            _row(social_care_id="c", sds_start_date="2026-04-02"),
            _row(social_care_id="d", sds_option_1=0),
            _row(social_care_id="e", sds_start_date=""),
        ]
    )
    assert check.rows == 5
    assert check.problems == {
        returns.CHECKS["start_after_end"]: ["b"],
        returns.CHECKS["start_after_period_end"]: ["c"],
        returns.CHECKS["no_option"]: ["d"],
        returns.CHECKS["missing_start"]: ["e"],
    }
    assert "Start date after end date: 1 (first 5: b)" in check.report()


def test_the_sending_location_must_be_a_known_code(settings) -> None:
    settings.SDS_SENDING_LOCATION = "999"
    with pytest.raises(ValueError, match="three-digit"):
        returns.sending_location()
    settings.SDS_SENDING_LOCATION = "395"
    assert returns.sending_location() == "395"


@pytest.mark.django_db
def test_the_return_has_one_row_per_person_receiving_an_option(
    settings, tmp_path
) -> None:
    settings.SDS_SENDING_LOCATION = "395"
    example = worked_example.build()
    out = io.StringIO()
    path = tmp_path / "sds.csv"
    call_command(
        "returns", "phs-sds", "--period", "2025-26", "--out", str(path), stdout=out
    )
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    by_id = {r["social_care_id"]: r for r in rows}
    assert set(by_id) == {
        str(p.public_id) for p in (example.ann, example.bob, example.cat)
    }
    cat = by_id[str(example.cat.public_id)]
    assert (cat["sds_option_1"], cat["sds_option_2"], cat["sds_option_3"]) == (
        "1",
        "0",
        "1",
    )
    assert cat["sds_start_date"] == "2024-04-01" and cat["sds_end_date"] == ""
    assert cat["period"] == "2025" and cat["sds_period_end_date"] == "2026-03-31"
    ann = by_id[str(example.ann.public_id)]
    assert ann["sds_start_date"] == "2023-01-01"  # Fay's agreement, now Ann's
    assert "No problems found." in out.getvalue()
    assert "unverified" in out.getvalue()
    client = list(csv.DictReader((tmp_path / "sds-client.csv").open(encoding="utf-8")))
    assert len(client) == 3
    assert {r["living_alone"] for r in client} == {"9"}
    assert {r["dementia"] for r in client} == {"9"}  # no service groups recorded


@pytest.mark.django_db
def test_the_return_refuses_without_a_sending_location(settings, tmp_path) -> None:
    settings.SDS_SENDING_LOCATION = ""
    with pytest.raises(CommandError, match="SDS_SENDING_LOCATION"):
        call_command(
            "returns",
            "phs-sds",
            "--period",
            "2025-26",
            "--out",
            str(tmp_path / "x.csv"),
        )

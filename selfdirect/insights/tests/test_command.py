import io
import json

import pytest
from django.core.management import CommandError, call_command

from . import worked_example


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("indicators", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_json_prints_every_indicator_with_options_and_rates() -> None:
    worked_example.build()
    found = json.loads(_run("--period", "2025-26", "--json"))
    assert found["period"] == "2025-26"
    assert {k: found["options"][k] for k in ("option_1", "option_2", "option_3")} == {
        "option_1": 2,
        "option_2": 1,
        "option_3": 1,
    }
    assert (found["options"]["option_4"], found["options"]["any"]) == (1, 3)
    for name in (
        "implementation_rate_phs",
        "implementation_rate_choice",
        "informed_choice",
        "sds_discussed_first_contact",
        "spend_options_1_2",
    ):
        assert {"numerator", "denominator"} <= set(found[name]), name
    assert {"timings", "outcomes", "signposting", "population"} <= set(found)


@pytest.mark.django_db
def test_a_quarter_and_the_readable_table() -> None:
    worked_example.build()
    text = _run("--period", "2025-26", "--quarter", "4")
    assert "SDS indicators for 2025-26 Q4 (2026-01-01 to 2026-03-31)" in text
    assert "Implementation rate (PHS)" in text
    assert "75.0%  (3 of 4)" in text


@pytest.mark.django_db
@pytest.mark.parametrize("period", ["2025", "2025-27", "25-26", "2025-2026"])
def test_a_period_that_is_not_one_financial_year_is_refused(period: str) -> None:
    with pytest.raises(CommandError):
        _run("--period", period)

"""The budget arithmetic, rounding and delegated authority (no database)."""

import copy
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from selfdirect.budgets import rules

CONFIG = {
    "code": "ras-test",
    "name": "Test RAS",
    "kind": "ras",
    "version": 1,
    "valid_from": "2026-04-01",
    "domains": [
        {
            "code": "care",
            "name": "Personal care",
            "weight": "1.5",
            "questions": [
                {
                    "code": "washing",
                    "text": "Washing",
                    "answers": [
                        {"code": "none", "text": "No help", "points": 0},
                        {"code": "some", "text": "Some help", "points": 3},
                        {"code": "all", "text": "All help", "points": 7},
                    ],
                }
            ],
        },
        {
            "code": "safety",
            "name": "Staying safe",
            "weight": "1",
            "questions": [
                {
                    "code": "nights",
                    "text": "Nights",
                    "answers": [
                        {"code": "none", "text": "None", "points": 0},
                        {"code": "some", "text": "Some nights", "points": 4},
                    ],
                }
            ],
        },
    ],
    "pricing": {
        "type": "per_point",
        "default": "100.00",
        "by_service_group": {"dementia": "123.45"},
    },
}


def test_it_weights_each_domain_and_prices_points_at_the_default_rate() -> None:
    # (3 x 1.5) + (4 x 1) = 8.5 points; 8.5 x £100 = £850.00
    result = rules.ras_budget(
        CONFIG, answers={"washing": "some", "nights": "some"}, service_group="other"
    )
    assert result.amount == Decimal("850.00")
    total = next(s for s in result.steps if s["step"] == "total_points")
    assert Decimal(total["points"]) == Decimal("8.5")
    assert result.inputs == {
        "answers": {"washing": "some", "nights": "some"},
        "service_group": "other",
    }


def test_a_service_group_with_its_own_rate_uses_it_and_rounds_half_up() -> None:
    # 8.5 x £123.45 = £1049.325, rounded half up to £1049.33
    result = rules.ras_budget(
        CONFIG, answers={"washing": "some", "nights": "some"}, service_group="dementia"
    )
    assert result.amount == Decimal("1049.33")
    rounded = result.steps[-1]
    assert rounded == {"step": "rounded", "before": "1049.325", "amount": "1049.33"}


def test_rounding_is_to_the_penny_with_halves_up() -> None:
    assert rules.to_the_penny(Decimal("10.005")) == Decimal("10.01")
    assert rules.to_the_penny(Decimal("10.004")) == Decimal("10.00")
    assert rules.to_the_penny(Decimal("0.125")) == Decimal("0.13")


def test_every_question_needs_an_answer() -> None:
    with pytest.raises(ValidationError) as error:
        rules.ras_budget(CONFIG, answers={"washing": "some"}, service_group="")
    assert "nights" in error.value.error_dict


def test_an_unknown_answer_is_refused() -> None:
    with pytest.raises(ValidationError):
        rules.ras_budget(
            CONFIG, answers={"washing": "lots", "nights": "none"}, service_group=""
        )


def test_bands_price_by_the_highest_band_reached() -> None:
    config = copy.deepcopy(CONFIG)
    config["pricing"] = {
        "type": "bands",
        "default": [
            {"from_points": "0", "amount": "2000.00"},
            {"from_points": "5", "amount": "6000.00"},
            {"from_points": "10", "amount": "12000.00"},
        ],
        "by_service_group": {},
    }
    low = rules.ras_budget(
        config, answers={"washing": "none", "nights": "some"}, service_group=""
    )
    middle = rules.ras_budget(
        config, answers={"washing": "some", "nights": "some"}, service_group=""
    )
    top = rules.ras_budget(
        config, answers={"washing": "all", "nights": "some"}, service_group=""
    )
    assert (low.amount, middle.amount, top.amount) == (
        Decimal("2000.00"),
        Decimal("6000.00"),
        Decimal("12000.00"),
    )


EQUIVALENCE = {"weeks_per_year": "52"}


def test_equivalence_prices_each_line_and_multiplies_by_the_weeks() -> None:
    # 10.5 h x £24.33 = £255.465 -> £255.47; + £40.00; x 52 = £15,364.44
    result = rules.equivalence_budget(
        EQUIVALENCE,
        lines=[
            {
                "what": "Care at home",
                "hours_per_week": Decimal("10.5"),
                "hourly_rate": Decimal("24.33"),
            },
            {"what": "Short breaks", "weekly_cost": Decimal("40")},
        ],
    )
    assert [s["weekly"] for s in result.steps if s["step"] == "line"] == [
        "255.47",
        "40.00",
    ]
    assert result.amount == Decimal("15364.44")
    assert result.inputs["lines"][0]["hours_per_week"] == "10.5"


def test_equivalence_needs_a_priced_line() -> None:
    with pytest.raises(ValidationError):
        rules.equivalence_budget(EQUIVALENCE, lines=[])
    with pytest.raises(ValidationError):
        rules.equivalence_budget(EQUIVALENCE, lines=[{"what": "Care"}])


@pytest.mark.parametrize(
    ("amount", "limit", "expected"),
    [
        ("11999.99", "12000.00", "within"),
        ("12000.00", "12000.00", "within"),
        ("12000.01", "12000.00", "panel"),
        ("500.00", None, "panel"),
    ],
)
def test_delegated_authority_is_up_to_and_including_the_limit(
    amount: str, limit: str | None, expected: str
) -> None:
    assert (
        rules.authority_for(Decimal(amount), Decimal(limit) if limit else None)
        == expected
    )


def test_equivalence_problems_are_named_by_the_lines_position() -> None:
    lines: list[dict[str, Any]] = [
        {"what": "Care", "weekly_cost": Decimal("40")},
        {"what": ""},
        {"what": "", "hours_per_week": Decimal("3")},
        {"what": "Short breaks", "hours_per_week": Decimal("2")},
    ]
    with pytest.raises(ValidationError) as error:
        rules.equivalence_budget(EQUIVALENCE, lines=lines)
    assert set(error.value.message_dict) == {"what_3", "hours_4"}
    kept = rules.equivalence_budget(EQUIVALENCE, lines=[{}, *lines[:1]])
    assert kept.inputs == {"lines": [{"what": "Care", "weekly_cost": "40"}]}


def test_only_a_confirmed_methods_budget_reaches_a_letter() -> None:
    assert rules.letter_blocker(method_confirmed=True) is None
    assert "not yet confirmed" in str(rules.letter_blocker(method_confirmed=False))
    assert rules.letter_blocker(method_confirmed=None)

from datetime import date
from typing import Any

import pytest

from selfdirect.choices import rules


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([3], 3),
        ([1, 1], 1),
        ([2], 2),
        ([1, 3], 4),
        ([1, 2, 3], 4),
        ([3, 3, 2], 4),
        ([], None),
    ],
)
def test_option_four_is_derived_when_elements_use_more_than_one_option(
    options, expected
) -> None:
    assert rules.derived_option(options) == expected


def test_no_choice_means_option_three_is_deemed_chosen() -> None:
    assert rules.deemed_option(choice_made=False) == 3
    assert rules.deemed_option(choice_made=True) is None


def test_a_choice_is_informed_with_information_support_offered_and_the_person_choosing() -> (
    None
):
    result = rules.informed_choice(
        information_before=True,
        independent_support_offered=True,
        decided_by="person",
        authority_recorded=False,
    )
    assert result.informed and result.missing == []


def test_a_recorded_legal_representative_can_make_an_informed_choice() -> None:
    assert rules.informed_choice(
        information_before=True,
        independent_support_offered=True,
        decided_by="legal_representative",
        authority_recorded=True,
    ).informed


@pytest.mark.parametrize(
    ("kwargs", "missing"),
    [
        (
            {"information_before": False},
            "No record of information about the options given before the choice",
        ),
        (
            {"independent_support_offered": False},
            "No record that independent support or advocacy was offered",
        ),
        (
            {"decided_by": "carer"},
            "The choice was made by a carer, not the person or a legal representative",
        ),
        (
            {"decided_by": "legal_representative", "authority_recorded": False},
            "The representative's legal authority is not recorded",
        ),
    ],
)
def test_what_is_missing_from_an_uninformed_choice(kwargs, missing) -> None:
    args = {
        "information_before": True,
        "independent_support_offered": True,
        "decided_by": "person",
        "authority_recorded": False,
    }
    result = rules.informed_choice(**{**args, **kwargs})
    assert not result.informed
    assert result.missing == [missing]


DP: dict[str, Any] = {
    "payment_starts_on": None,
    "means_test_on": None,
    "third_party_payee": "",
    "payee_at_persons_request": False,
    "family_member_employed": False,
    "undue_pressure": False,
    "family_member_has_powers": False,
    "decision": "agreed",
    "refusal_reasons": "",
    "review_on": None,
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"third_party_payee": "Jean Smith"}, "payee_at_persons_request"),
        ({"family_member_employed": True, "undue_pressure": True}, "undue_pressure"),
        (
            {"family_member_employed": True, "family_member_has_powers": True},
            "family_member_has_powers",
        ),
        (
            {"payment_starts_on": date(2026, 1, 1), "means_test_on": date(2027, 1, 5)},
            "means_test_on",
        ),
        ({"decision": "refused", "review_on": date(2027, 1, 1)}, "refusal_reasons"),
        ({"decision": "refused", "refusal_reasons": "Misuse"}, "review_on"),
    ],
)
def test_direct_payment_rules(changes, field) -> None:
    assert field in rules.direct_payment_problems(**{**DP, **changes})


def test_a_direct_payment_that_meets_the_rules_has_no_problems() -> None:
    ok = {
        **DP,
        "third_party_payee": "Jean",
        "payee_at_persons_request": True,
        "payment_starts_on": date(2026, 1, 1),
        "means_test_on": date(2026, 12, 31),
    }
    assert rules.direct_payment_problems(**ok) == {}
    refused_for_pressure = {
        **DP,
        "family_member_employed": True,
        "undue_pressure": True,
        "decision": "refused",
        "refusal_reasons": "Undue pressure",
        "review_on": date(2027, 1, 1),
    }
    assert rules.direct_payment_problems(**refused_for_pressure) == {}

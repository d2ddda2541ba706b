import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfdirect.people import rules
from selfdirect.people.tests.factories import valid_chi


@pytest.mark.parametrize("chi", ["0101010001", "2703480121"])
def test_it_accepts_chi_numbers_whose_check_digit_is_right(chi: str) -> None:
    assert rules.chi_check_digit(chi[:9]) == int(chi[9])
    assert rules.chi_problem(chi) is None


def test_it_explains_a_chi_number_with_a_wrong_check_digit() -> None:
    good = valid_chi(datetime.date(1948, 3, 27), 12)
    bad = good[:9] + str((int(good[9]) + 1) % 10)
    assert (
        rules.chi_problem(bad)
        == "This CHI number is not valid: check each digit and try again"
    )


@pytest.mark.parametrize("chi", ["12345", "abcdefghij", "01010100001"])
def test_it_explains_that_a_chi_number_is_ten_digits(chi: str) -> None:
    assert "10 digits" in (rules.chi_problem(chi) or "")


def test_it_refuses_a_chi_number_that_cannot_start_with_a_date() -> None:
    assert "date of birth" in (rules.chi_problem("9913480000") or "")


@given(
    st.dates(datetime.date(1900, 1, 1), datetime.date(2026, 1, 1)), st.integers(0, 900)
)
def test_every_generated_chi_number_validates(born: datetime.date, serial: int) -> None:
    assert rules.chi_problem(valid_chi(born, serial)) is None


def test_a_check_digit_of_ten_means_no_valid_number() -> None:
    assert rules.chi_check_digit("000000001") == 9
    assert any(rules.chi_check_digit(f"{n:09d}") is None for n in range(100))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("g811ue", "G81 1UE"),
        ("G81  1UE", "G81 1UE"),
        ("eh1 1aa", "EH1 1AA"),
        ("nonsense", "NONSENSE"),
    ],
)
def test_it_normalises_postcodes(raw: str, expected: str) -> None:
    assert rules.normalise_postcode(raw) == expected


def test_it_folds_mac_and_mc_together_for_search() -> None:
    assert rules.name_key("MacLeod") == rules.name_key("McLeod") == "macleod"
    assert rules.name_key("Camacho") == "camacho"
    assert rules.name_key("mc") == "mac" and "macleod".startswith(rules.name_key("Ma"))
    assert rules.name_key("O'Neill") == "oneill"


def test_it_refuses_a_future_or_implausible_date_of_birth() -> None:
    today = datetime.date(2026, 11, 22)
    assert rules.date_of_birth_problem(datetime.date(2026, 11, 23), today)
    assert rules.date_of_birth_problem(datetime.date(1890, 1, 1), today)
    assert rules.date_of_birth_problem(datetime.date(1950, 1, 1), today) is None

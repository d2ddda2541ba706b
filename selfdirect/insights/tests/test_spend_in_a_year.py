"""Spend in a year (docs/indicators.md, "Spend in a year"): option 2 funds and
option 3 services pro-rated by the days in effect in the year, leap years
included; option 1 as paid; LGBF SW2 counting adults aged 18+ on 31 March."""

import datetime
from decimal import Decimal

import pytest

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.delivery.tests.factories import (
    AgreementFactory,
    ArrangedFactory,
    FundFactory,
    PaymentFactory,
)
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.spend import spend_options_1_2, year_figures
from selfdirect.insights.models import AdultSocialCareSpend
from selfdirect.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _total(year: int, total: str, adults: str | None = None) -> None:
    AdultSocialCareSpend.objects.create(
        financial_year=year,
        total=Decimal(total),
        adults_only_total=Decimal(adults) if adults else None,
        source="Ledger",
        recorded_by=UserFactory.create(),
    )


def test_a_fund_for_part_of_the_year_counts_its_days_in_effect() -> None:
    """2025-26 has 365 days. Starting 1 October 2025: 182 days of £12,000 a year =
    £5,983.56. Ending 30 June 2025: 91 days of £7,300 = £1,820.00. In effect all
    year: £1,000.00. Ended before the year: nothing."""
    FundFactory.create(starts_on=D(2025, 10, 1), yearly_amount=Decimal("12000"))
    FundFactory.create(
        starts_on=D(2024, 1, 1), ends_on=D(2025, 6, 30), yearly_amount=Decimal("7300")
    )
    FundFactory.create(starts_on=D(2020, 5, 1), yearly_amount=Decimal("1000"))
    FundFactory.create(
        starts_on=D(2024, 1, 1), ends_on=D(2025, 3, 31), yearly_amount=Decimal("9999")
    )
    found = year_figures(2025)
    assert found["days_in_year"] == 365
    # (12,000 × 182 + 7,300 × 91 + 1,000 × 365) ÷ 365 = 8,803.56
    assert found["option_2_spend"] == "8803.56"


def test_a_leap_year_has_366_days() -> None:
    """2027-28 holds 29 February 2028. From 1 February 2028: 29 + 31 = 60 days of
    £36,600 = £6,000.00; all year: exactly its yearly amount, £10,000.00; from
    1 April 2027 to 29 February 2028 (335 days) of £3,660: £3,350.00."""
    FundFactory.create(starts_on=D(2028, 2, 1), yearly_amount=Decimal("36600"))
    FundFactory.create(starts_on=D(2026, 6, 1), yearly_amount=Decimal("10000"))
    FundFactory.create(
        starts_on=D(2027, 4, 1), ends_on=D(2028, 2, 29), yearly_amount=Decimal("3660")
    )
    found = year_figures(2027)
    assert found["days_in_year"] == 366
    assert found["option_2_spend"] == "19350.00"
    assert year_figures(2026)["days_in_year"] == 365


def test_option_1_is_what_was_paid_and_option_3_is_pro_rated_the_same_way() -> None:
    agreement = AgreementFactory.create(starts_on=D(2025, 1, 1))
    PaymentFactory.create(agreement=agreement, paid_on=D(2025, 4, 1), amount=500)
    PaymentFactory.create(agreement=agreement, paid_on=D(2026, 3, 31), amount=250)
    PaymentFactory.create(agreement=agreement, paid_on=D(2026, 4, 1), amount=999)
    ArrangedFactory.create(starts_on=D(2026, 1, 1), yearly_cost=Decimal("3650"))
    _total(2025, "100000")
    found = spend_options_1_2(Period(2025))
    assert found["option_1_spend"] == "750.00"  # both ends of the year
    assert found["option_3_spend"] == "900.00"  # 90 days of £3,650
    assert found["rate"] == 0.75
    assert found["share_held_in_system"] == 1.65


def test_lgbf_sw2_counts_the_spend_on_adults_only() -> None:
    """Adults are aged 18 or over on 31 March 2026: born on 31 March 2008 counts,
    born on 1 April 2008 does not."""
    adult = PersonFactory.create(date_of_birth=D(2008, 3, 31))
    child = PersonFactory.create(date_of_birth=D(2008, 4, 1))
    for person in (adult, child):
        agreement = AgreementFactory.create(person=person, starts_on=D(2025, 1, 1))
        PaymentFactory.create(agreement=agreement, paid_on=D(2025, 7, 1), amount=2000)
        FundFactory.create(
            person=person, starts_on=D(2025, 10, 1), yearly_amount=Decimal("7300")
        )
    _total(2025, "200000", adults="100000")
    found = spend_options_1_2(Period(2025))
    assert found["numerator"] == "11280.00"  # 2 × (2,000 + 7,300 × 182 ÷ 365)
    sw2 = found["lgbf_sw2"]
    assert sw2["adults_aged_on"] == "2026-03-31"
    assert (sw2["option_1_spend"], sw2["option_2_spend"]) == ("2000.00", "3640.00")
    assert (sw2["numerator"], sw2["denominator"]) == ("5640.00", "100000.00")
    assert sw2["rate"] == 5.64


def test_lgbf_sw2_has_no_rate_without_finance_s_adults_total() -> None:
    FundFactory.create(starts_on=D(2020, 1, 1), yearly_amount=Decimal("1000"))
    _total(2025, "50000")
    sw2 = year_figures(2025)["lgbf_sw2"]
    assert sw2["numerator"] == "1000.00"
    assert (sw2["denominator"], sw2["rate"]) == (None, None)

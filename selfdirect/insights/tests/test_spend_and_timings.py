import datetime
from decimal import Decimal

import pytest

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.delivery.tests.factories import PaymentFactory
from selfdirect.insights.indicators.periods import Period, last_quarters
from selfdirect.insights.indicators.spend import spend_options_1_2
from selfdirect.insights.indicators.timings import percentile
from selfdirect.insights.models import AdultSocialCareSpend
from selfdirect.people.models import Person

from . import worked_example

D = datetime.date


def test_periods_and_quarters() -> None:
    assert (Period(2025, 4).start, Period(2025, 4).end) == (
        D(2026, 1, 1),
        D(2026, 3, 31),
    )
    assert Period(2025, 2).phs_code == "2025Q2"
    assert Period.containing(D(2026, 3, 31)) == Period(2025)
    quarters = last_quarters(Period(2025))
    assert (len(quarters), quarters[0].label, quarters[-1].label) == (
        12,
        "2023-24 Q1",
        "2025-26 Q4",
    )


@pytest.mark.django_db
def test_spend_on_options_1_and_2_as_a_share_of_the_total_finance_entered() -> None:
    example = worked_example.build()
    agreement = example.ann.direct_payment_agreements.order_by("starts_on").last()
    PaymentFactory.create(
        agreement=agreement, paid_on=D(2025, 6, 1), amount=Decimal("3000")
    )
    PaymentFactory.create(
        agreement=agreement, paid_on=D(2026, 4, 1), amount=Decimal("999")
    )
    found = spend_options_1_2(Period(2025))
    assert found["rate"] is None and "not entered" in found["note"]
    AdultSocialCareSpend.objects.create(
        financial_year=2025,
        total=Decimal("150000"),
        source="Ledger",
        recorded_by=UserFactory.create(),
    )
    found = spend_options_1_2(Period(2025))
    # Option 1: £3,000 paid in the year; option 2: Bob's fund, £12,000 a year,
    # from 1 January 2026: 90 of the year's 365 days, £2,958.90.
    assert (found["option_1_spend"], found["option_2_spend"]) == ("3000.00", "2958.90")
    assert found["rate"] == 3.97
    assert found["trend"] == [{"year": "2025-26", "rate": 3.97}]


@pytest.mark.django_db
def test_the_percentile_is_the_nearest_rank() -> None:
    worked_example.build()
    rows = Person.objects.all()
    ids = sorted(rows.values_list("pk", flat=True))
    assert percentile(rows, "pk", 0.5, len(ids)) == ids[2]  # rank ceil(0.5 × 6)
    assert percentile(rows, "pk", 0.9, len(ids)) == ids[5]  # rank ceil(0.9 × 6)
    assert percentile(rows, "pk", 0.5, 0) is None

"""Give the persona's person a direct payment (with a payment and a monitoring
return) and an arranged service."""

import datetime
from decimal import Decimal
from typing import Any

from selfdirect.delivery import services
from selfdirect.providers.models import Provider

BUILDS_ON: tuple[str, ...] = ()


def add_records(personas: Any) -> None:
    by = personas.practitioner_a
    person = personas.person
    provider = Provider.objects.create(
        name="Clydeview Home Care (in-house)",
        kind="local_authority",
        contract_type="none",
    )
    agreement = services.set_up_direct_payment(
        person=person,
        by=by,
        details=services.DirectPaymentDetails(
            starts_on=datetime.date(2026, 1, 5),
            amount=Decimal("800.00"),
            frequency="four_weekly",
            spend_on=["employ_pas"],
            responsibilities=[
                "separate_account",
                "spend_on_outcomes",
                "keep_records",
                "send_returns",
                "employer_duties",
                "insurance",
            ],
            monitoring_every_months=3,
        ),
    )
    services.record_payment(
        agreement=agreement,
        by=personas.finance_officer,
        details=services.PaymentDetails(
            paid_on=datetime.date(2026, 1, 5),
            amount=Decimal("800.00"),
            period_from=datetime.date(2026, 1, 5),
            period_to=datetime.date(2026, 2, 1),
        ),
    )
    services.record_pa_employment(
        agreement=agreement,
        by=by,
        details=services.PaEmploymentDetails(
            starts_on=datetime.date(2026, 1, 5),
            number_of_pas=2,
            payroll_support="Clydeview Payroll Support Service",
            insurance_provider="Clyde Mutual Insurance",
        ),
    )
    services.arrange_service(
        person=person,
        by=by,
        details=services.ArrangedServiceDetails(
            arrangement="in_house",
            provider=provider,
            description="Home care: personal care visits",
            quantity=Decimal("7"),
            unit="hours",
            yearly_cost=Decimal("9609.60"),
            starts_on=datetime.date(2026, 2, 2),
        ),
    )

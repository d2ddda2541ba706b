from decimal import Decimal

import factory

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.insights.models import AdultSocialCareSpend


class SpendFactory(factory.django.DjangoModelFactory[AdultSocialCareSpend]):
    """A year's total as finance records it (through services.record_spend in use)."""

    class Meta:
        model = AdultSocialCareSpend

    financial_year = factory.Sequence(lambda n: 2024 - n)
    total = Decimal("1000000.00")
    source = "Ledger report, May"
    recorded_by = factory.SubFactory(UserFactory, role="finance_officer")

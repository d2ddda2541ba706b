import datetime
from decimal import Decimal

import factory

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.delivery import rules
from selfdirect.delivery.models import (
    ArrangedService,
    DirectPaymentAgreement,
    IndividualServiceFund,
    MonitoringReturn,
    Payment,
)
from selfdirect.people.tests.factories import PersonFactory
from selfdirect.providers.tests.factories import ProviderFactory


class AgreementFactory(factory.django.DjangoModelFactory[DirectPaymentAgreement]):
    class Meta:
        model = DirectPaymentAgreement

    person = factory.SubFactory(PersonFactory)
    starts_on = datetime.date(2026, 1, 5)
    amount = Decimal("800.00")
    frequency = "four_weekly"
    yearly_amount = factory.LazyAttribute(
        lambda o: rules.yearly_equivalent(o.amount, o.frequency)
    )
    spend_on = ["agency"]
    responsibilities = list(rules.REQUIRED_RESPONSIBILITIES)
    recorded_by = factory.SubFactory(UserFactory)


class PaymentFactory(factory.django.DjangoModelFactory[Payment]):
    class Meta:
        model = Payment

    agreement = factory.SubFactory(AgreementFactory)
    paid_on = datetime.date(2026, 4, 6)
    amount = Decimal("800.00")
    period_from = datetime.date(2026, 4, 6)
    period_to = datetime.date(2026, 5, 3)
    recorded_by = factory.SelfAttribute("agreement.recorded_by")


class ReturnFactory(factory.django.DjangoModelFactory[MonitoringReturn]):
    class Meta:
        model = MonitoringReturn

    agreement = factory.SubFactory(AgreementFactory)
    period_from = datetime.date(2026, 1, 5)
    period_to = datetime.date(2026, 4, 4)
    due_on = datetime.date(2026, 5, 2)
    recorded_by = factory.SelfAttribute("agreement.recorded_by")


class FundFactory(factory.django.DjangoModelFactory[IndividualServiceFund]):
    class Meta:
        model = IndividualServiceFund

    person = factory.SubFactory(PersonFactory)
    provider = factory.SubFactory(ProviderFactory)
    yearly_amount = Decimal("12000.00")
    person_directs = "Which workers come and when"
    starts_on = datetime.date(2026, 1, 5)
    recorded_by = factory.SubFactory(UserFactory)


class ArrangedFactory(factory.django.DjangoModelFactory[ArrangedService]):
    class Meta:
        model = ArrangedService

    person = factory.SubFactory(PersonFactory)
    arrangement = "spot"
    provider = factory.SubFactory(ProviderFactory)
    description = "Home care"
    quantity = Decimal("7")
    yearly_cost = Decimal("9000.00")
    starts_on = datetime.date(2026, 1, 5)
    recorded_by = factory.SubFactory(UserFactory)

import datetime
from decimal import Decimal

import factory

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.conversations.tests.factories import ConversationFactory
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan


class SupportPlanFactory(factory.django.DjangoModelFactory[SupportPlan]):
    class Meta:
        model = SupportPlan

    conversation = factory.SubFactory(
        ConversationFactory, state="agreed", agreed_on=datetime.date(2026, 11, 9)
    )
    person = factory.SelfAttribute("conversation.person")
    recorded_by = factory.SubFactory(UserFactory)
    started_on = datetime.date(2026, 11, 10)


class PlanOutcomeFactory(factory.django.DjangoModelFactory[PlanOutcome]):
    class Meta:
        model = PlanOutcome

    plan = factory.SubFactory(SupportPlanFactory)
    words = "I want to get back to my Tuesday swimming group"
    how_we_will_know = "Morag goes to the swimming group at least 3 Tuesdays a month"
    target_date = datetime.date(2027, 3, 31)
    steps = "Find out the bus times; try one session with her daughter"
    achievable_agreed = True
    achievable_agreed_by = "Morag"
    achievable_agreed_on = datetime.date(2026, 11, 10)
    written_on = datetime.date(2026, 11, 10)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Saved with its SMART check stored, as the plans services save one."""
        outcome = model_class(*args, **kwargs)
        outcome.set_smart_flags()
        outcome.save()
        return outcome


class SupportFactory(factory.django.DjangoModelFactory[Support]):
    class Meta:
        model = Support
        skip_postgeneration_save = True

    plan = factory.SubFactory(SupportPlanFactory)
    what = "Help to get ready and to the pool"
    provided_by = Support.ProvidedBy.PERSONAL_ASSISTANT
    frequency = "Tuesday mornings"
    hours_per_week = Decimal("3.00")
    yearly_cost = Decimal("2730.00")
    option = 1

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.outcomes.set(extracted)

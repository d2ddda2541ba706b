import datetime

import factory

from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.conversations.models import Conversation, PersonalOutcome
from selfdirect.people.tests.factories import PersonFactory


class ConversationFactory(factory.django.DjangoModelFactory[Conversation]):
    class Meta:
        model = Conversation

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    recorded_by = factory.SubFactory(UserFactory)
    conversation_date = datetime.date(2026, 11, 2)
    place = "At home"
    participants = ["person"]
    persons_account = "Since Jim died I hardly go out."


class OutcomeFactory(factory.django.DjangoModelFactory[PersonalOutcome]):
    class Meta:
        model = PersonalOutcome

    conversation = factory.SubFactory(ConversationFactory)
    words = "I want to get back to my Tuesday swimming group"
    wording_kind = "outcome"

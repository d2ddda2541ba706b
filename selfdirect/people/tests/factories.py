import datetime

import factory

from selfdirect.accounts.tests.factories import TeamFactory, UserFactory
from selfdirect.people import rules
from selfdirect.people.models import AccessRequest, Allocation, FirstContact, Person


def valid_chi(born: datetime.date, serial: int) -> str:
    """A CHI number for a date of birth that passes the mod-11 check."""
    for n in range(serial, serial + 20):
        first_nine = f"{born:%d%m%y}{n % 1000:03d}"
        digit = rules.chi_check_digit(first_nine)
        if digit is not None:
            return first_nine + str(digit)
    raise AssertionError("no valid CHI")  # pragma: no cover


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    first_name = factory.Sequence(lambda n: f"Morag{n}")
    last_name = "MacLeod"
    date_of_birth = datetime.date(1948, 3, 27)
    postcode = "G81 1UE"
    last_name_key = factory.LazyAttribute(lambda p: rules.name_key(p.last_name))
    first_name_key = factory.LazyAttribute(lambda p: rules.name_key(p.first_name))

    @factory.post_generation
    def team(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            AllocationFactory.create(person=self, team=extracted)


class AllocationFactory(factory.django.DjangoModelFactory[Allocation]):
    class Meta:
        model = Allocation

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    started_on = datetime.date(2024, 1, 1)


class FirstContactFactory(factory.django.DjangoModelFactory[FirstContact]):
    class Meta:
        model = FirstContact

    person = factory.SubFactory(PersonFactory)
    team = factory.SubFactory(TeamFactory)
    recorded_by = factory.SubFactory(UserFactory)
    contact_date = datetime.date(2026, 10, 1)
    made_by = FirstContact.MadeBy.SELF
    reason = "I've been struggling since my fall"
    sds_discussed = True
    outcome = FirstContact.Outcome.SIGNPOSTED
    follow_up_due = datetime.date(2026, 11, 1)


class AccessRequestFactory(factory.django.DjangoModelFactory[AccessRequest]):
    class Meta:
        model = AccessRequest

    person = factory.SubFactory(PersonFactory)
    requested_by = factory.SubFactory(UserFactory)
    recorded_by = factory.SelfAttribute("requested_by")
    kind = AccessRequest.Kind.ASKED
    reason = "Her daughter rang our duty line: she needs help at home this week."

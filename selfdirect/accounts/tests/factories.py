import factory

from selfdirect.accounts.models import Locality, Partnership, Team, User
from selfdirect.accounts.roles import Role


class PartnershipFactory(factory.django.DjangoModelFactory[Partnership]):
    class Meta:
        model = Partnership
        django_get_or_create = ["code"]

    name = "Test Partnership"
    code = "TST"


class LocalityFactory(factory.django.DjangoModelFactory[Locality]):
    class Meta:
        model = Locality

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Locality {n}")


class TeamFactory(factory.django.DjangoModelFactory[Team]):
    class Meta:
        model = Team

    locality = factory.SubFactory(LocalityFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    contact = "0141 000 0000"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Worker{n}")
    role = Role.PRACTITIONER
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.teams.set(extracted)

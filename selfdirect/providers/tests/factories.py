import factory

from selfdirect.providers.models import Provider


class ProviderFactory(factory.django.DjangoModelFactory[Provider]):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"Provider {n} Ltd")
    kind = "private"
    contract_type = "spot"

import datetime
import uuid
from decimal import Decimal

import factory

from selfdirect.directory import models as m


class OrganizationFactory(factory.django.DjangoModelFactory[m.Organization]):
    class Meta:
        model = m.Organization

    name = factory.Sequence(lambda n: f"Clydeview Voluntary Group {n}")
    description = "A community organisation."


class ServiceFactory(factory.django.DjangoModelFactory[m.Service]):
    class Meta:
        model = m.Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Community service {n}")
    description = "Somewhere to meet people."
    last_checked_on = datetime.date(2026, 10, 1)


class TaxonomyTermFactory(factory.django.DjangoModelFactory[m.TaxonomyTerm]):
    class Meta:
        model = m.TaxonomyTerm

    name = factory.Sequence(lambda n: f"Need {n}")
    code = factory.Sequence(lambda n: f"need-{n}")
    description = "A kind of need."


def place(
    service: m.Service,
    *,
    postcode: str = "G81 1AB",
    city: str = "Clydeview",
    latitude: float | None = 55.90,
    longitude: float | None = -4.40,
    accessibility: str = "",
) -> m.Location:
    """A location for the service with an address (and accessibility text)."""
    location = m.Location.objects.create(
        location_type="physical",
        name=f"{city} Community Centre",
        latitude=latitude,
        longitude=longitude,
        transportation="Bus 60 stops outside.",
    )
    m.Address.objects.create(
        location=location,
        address_1="1 Main Street",
        city=city,
        state_province="Clydeview",
        postal_code=postcode,
        country="GB",
        address_type="physical",
    )
    if accessibility:
        m.Accessibility.objects.create(location=location, description=accessibility)
    m.ServiceAtLocation.objects.create(service=service, location=location)
    return location


def full_service(name: str = "Lunch club", **kwargs: object) -> m.Service:
    """A service with every part the directory keeps, as curated data would be."""
    taxonomy = m.Taxonomy.objects.create(name="Clydeview needs", description="Local")
    term = m.TaxonomyTerm.objects.create(
        name="Food and company",
        code="food",
        description="Meals with others",
        taxonomy="Clydeview needs",
        taxonomy_detail=taxonomy,
    )
    service = ServiceFactory.create(
        name=name,
        fees_description="Free",
        eligibility_description="Over 60s",
        minimum_age=60,
        assured_date=datetime.date(2026, 1, 5),
        **kwargs,
    )
    location = place(service, accessibility="Step-free access and a hearing loop")
    m.Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        byday="TU,TH",
        opens_at=datetime.time(11, 30),
        closes_at=datetime.time(14, 0),
        description="Tuesdays and Thursdays, 11:30 to 2pm",
    )
    contact = m.Contact.objects.create(
        service=service, name="Jean Paton", title="Organiser"
    )
    m.Phone.objects.create(contact=contact, service=service, number="0141 496 0123")
    m.Phone.objects.create(location=location, number="0141 496 0456", extension=2)
    m.Language.objects.create(service=service, name="Polish", code="pl")
    m.CostOption.objects.create(service=service, option="Lunch", amount=Decimal("0.00"))
    m.Attribute.objects.create(service=service, taxonomy_term=term, id=uuid.uuid4())
    return service

"""HSDS 3.0 tables. Every field named as in the standard unless marked local."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import VersionedModel

StrOrPromise = Any  # str or a lazy translation (django-stubs' _StrPromise)


def _text(label: StrOrPromise) -> models.TextField:  # type: ignore[type-arg]
    return models.TextField(label, blank=True, default="")


def _link(to: str, name: str) -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        to, on_delete=models.CASCADE, null=True, blank=True, related_name=name
    )


class Taxonomy(models.Model):
    """An HSDS taxonomy: a published list of terms (here a small local one)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=255)
    description = _text(_("description"))
    uri = _text(_("address of the taxonomy"))
    version = models.CharField(_("version"), max_length=50, blank=True, default="")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """An HSDS taxonomy term: a kind of need or support, searched by."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("code"), max_length=100, blank=True, default="")
    name = models.CharField(_("name"), max_length=255)
    description = _text(_("description"))
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taxonomy = _text(_("taxonomy name"))
    taxonomy_detail = models.ForeignKey(
        Taxonomy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_column="taxonomy_id",
        related_name="terms",
    )
    language = models.CharField(_("language"), max_length=20, blank=True, default="")
    term_uri = _text(_("address of the term"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organization(VersionedModel):
    """An HSDS organization: who runs services."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=255)
    alternate_name = _text(_("other name"))
    description = models.TextField(_("description"), blank=True)
    email = _text(_("email"))
    website = _text(_("website"))
    tax_status = _text(_("tax status"))
    tax_id = _text(_("tax identifier"))
    year_incorporated = models.IntegerField(_("year set up"), null=True, blank=True)
    legal_status = _text(_("legal status"))
    logo = _text(_("logo"))
    uri = _text(_("identifier address"))
    parent_organization = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(VersionedModel):
    """An HSDS service: something an organization offers people."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Closed for good")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=255)
    alternate_name = _text(_("other name"))
    description = models.TextField(_("description"), blank=True)
    url = _text(_("website"))
    email = _text(_("email"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    interpretation_services = _text(_("interpreting"))
    application_process = _text(_("how to get it"))
    fees_description = _text(_("cost"))
    wait_time = _text(_("waiting time"))
    accreditations = _text(_("accreditations"))
    eligibility_description = _text(_("who it is for"))
    minimum_age = models.IntegerField(_("youngest age"), null=True, blank=True)
    maximum_age = models.IntegerField(_("oldest age"), null=True, blank=True)
    assured_date = models.DateField(_("assured on"), null=True, blank=True)
    assurer_email = _text(_("assured by (email)"))
    alert = _text(_("alert"))
    last_modified = models.DateTimeField(_("last modified"), null=True, blank=True)
    # Local fields (not in HSDS): curation and a search shortcut.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    last_checked_on = models.DateField(_("last checked on"), null=True, blank=True)
    is_free = models.BooleanField(_("free"), default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "name"], name="service_status_name"),
            models.Index(fields=["last_checked_on"], name="service_last_checked"),
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """An HSDS location: a place services are delivered (or a virtual one)."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("A place")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Online or by phone")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location_type = models.CharField(
        _("type"), max_length=20, choices=LocationType.choices
    )
    url = _text(_("website"))
    organization = _link("Organization", "locations")
    name = _text(_("name"))
    alternate_name = _text(_("other name"))
    description = _text(_("description"))
    transportation = _text(_("how to get there"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    external_identifier = _text(_("external identifier"))
    external_identifier_type = _text(_("external identifier type"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="location_lat_long")
        ]

    def __str__(self) -> str:
        return self.name or str(self.id)


class ServiceAtLocation(models.Model):
    """HSDS service_at_location: a service offered at one location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = _text(_("description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.service_id} at {self.location_id}"


class Address(models.Model):
    """An HSDS address of a location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _link("Location", "addresses")
    attention = _text(_("for the attention of"))
    address_1 = _text(_("address line 1"))
    address_2 = _text(_("address line 2"))
    city = models.CharField(_("town"), max_length=255, blank=True, default="")
    region = _text(_("region"))
    state_province = _text(_("council area"))
    postal_code = models.CharField(_("postcode"), max_length=20, blank=True, default="")
    country = models.CharField(_("country"), max_length=2, blank=True, default="")
    address_type = models.CharField(
        _("address type"), max_length=20, blank=True, default=""
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["city"], name="address_city"),
            models.Index(fields=["postal_code"], name="address_postal_code"),
        ]

    def __str__(self) -> str:
        return ", ".join(p for p in [self.address_1, self.city, self.postal_code] if p)


class Contact(models.Model):
    """An HSDS contact: a named person or role to ask for."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = _link("Organization", "contacts")
    service = _link("Service", "contacts")
    service_at_location = _link("ServiceAtLocation", "contacts")
    location = _link("Location", "contacts")
    name = _text(_("name"))
    title = _text(_("job title"))
    department = _text(_("department"))
    email = _text(_("email"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.title


class Phone(models.Model):
    """An HSDS phone number of a service, location, organization or contact."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _link("Location", "phones")
    service = _link("Service", "phones")
    organization = _link("Organization", "phones")
    contact = _link("Contact", "phones")
    service_at_location = _link("ServiceAtLocation", "phones")
    number = models.CharField(_("number"), max_length=100)
    extension = models.IntegerField(_("extension"), null=True, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True, default="")
    description = _text(_("description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.number


class Schedule(models.Model):
    """An HSDS schedule (iCalendar RRULE fields) of a service or location."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _link("Service", "schedules")
    location = _link("Location", "schedules")
    service_at_location = _link("ServiceAtLocation", "schedules")
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("to"), null=True, blank=True)
    dtstart = models.DateField(_("first date"), null=True, blank=True)
    timezone = models.FloatField(_("time zone offset"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.IntegerField(_("count"), null=True, blank=True)
    wkst = models.CharField(_("week starts"), max_length=2, blank=True, default="")
    freq = models.CharField(
        _("repeats"), max_length=10, blank=True, default="", choices=Freq.choices
    )
    interval = models.IntegerField(_("every"), null=True, blank=True)
    byday = models.CharField(_("days"), max_length=100, blank=True, default="")
    byweekno = models.CharField(_("weeks"), max_length=100, blank=True, default="")
    bymonthday = models.CharField(
        _("month days"), max_length=100, blank=True, default=""
    )
    byyearday = models.CharField(_("year days"), max_length=100, blank=True, default="")
    description = _text(_("description"))
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = _text(_("link"))
    attending_type = _text(_("how to attend"))
    notes = _text(_("notes"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description or f"{self.byday} {self.opens_at}-{self.closes_at}"


class CostOption(models.Model):
    """An HSDS cost option of a service (amount in pounds, Decimal)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _link("Service", "cost_options")
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("to"), null=True, blank=True)
    option = _text(_("option"))
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="")
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_description = _text(_("amount description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.option or str(self.amount)


class Accessibility(models.Model):
    """HSDS accessibility of a location (step-free access, hearing loop, ...)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = _link("Location", "accessibility")
    description = _text(_("description"))
    details = _text(_("details"))
    url = _text(_("link"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "accessibility"

    def __str__(self) -> str:
        return self.description


class Language(models.Model):
    """An HSDS language a service, location or phone line is offered in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = _link("Service", "languages")
    location = _link("Location", "languages")
    phone = _link("Phone", "languages")
    name = _text(_("name"))
    code = models.CharField(_("code"), max_length=20, blank=True, default="")
    note = _text(_("note"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.code


class Attribute(models.Model):
    """An HSDS attribute linking a service to a taxonomy term (the need it meets).

    HSDS links attributes to any table by link_id/link_entity; the directory keeps
    those pointing at services, with a real foreign key so search can join on it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="attributes"
    )
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes"
    )
    link_type = _text(_("link type"))
    value = _text(_("value"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["taxonomy_term", "service"], name="attribute_term")
        ]

    def __str__(self) -> str:
        return f"{self.service_id}: {self.taxonomy_term_id}"

"""Where and when: HSDS locations, their addresses, opening times and access."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .entries import Service
from .fields import optional_link, text_field


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
    url = text_field(_("website"))
    organization = optional_link("Organization", "locations")
    name = text_field(_("name"))
    alternate_name = text_field(_("other name"))
    description = text_field(_("description"))
    transportation = text_field(_("how to get there"))
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    external_identifier = text_field(_("external identifier"))
    external_identifier_type = text_field(_("external identifier type"))

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
    description = text_field(_("description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.service_id} at {self.location_id}"


class Address(models.Model):
    """An HSDS address of a location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = optional_link("Location", "addresses")
    attention = text_field(_("for the attention of"))
    address_1 = text_field(_("address line 1"))
    address_2 = text_field(_("address line 2"))
    city = models.CharField(_("town"), max_length=255, blank=True, default="")
    region = text_field(_("region"))
    state_province = text_field(_("council area"))
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


class Schedule(models.Model):
    """An HSDS schedule (iCalendar RRULE fields) of a service or location."""

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = optional_link("Service", "schedules")
    location = optional_link("Location", "schedules")
    service_at_location = optional_link("ServiceAtLocation", "schedules")
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
    description = text_field(_("description"))
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = text_field(_("link"))
    attending_type = text_field(_("how to attend"))
    notes = text_field(_("notes"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description or f"{self.byday} {self.opens_at}-{self.closes_at}"


class Accessibility(models.Model):
    """HSDS accessibility of a location (step-free access, hearing loop, ...)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = optional_link("Location", "accessibility")
    description = text_field(_("description"))
    details = text_field(_("details"))
    url = text_field(_("link"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "accessibility"

    def __str__(self) -> str:
        return self.description

"""HSDS 3.0 tables. Every field named as in the standard unless marked local."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from selfdirect.core.models import VersionedModel

from .fields import optional_link, text_field


class Taxonomy(models.Model):
    """An HSDS taxonomy: a published list of terms (here a small local one)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=255)
    description = text_field(_("description"))
    uri = text_field(_("address of the taxonomy"))
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
    description = text_field(_("description"))
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taxonomy = text_field(_("taxonomy name"))
    taxonomy_detail = models.ForeignKey(
        Taxonomy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_column="taxonomy_id",
        related_name="terms",
    )
    language = models.CharField(_("language"), max_length=20, blank=True, default="")
    term_uri = text_field(_("address of the term"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organization(VersionedModel):
    """An HSDS organization: who runs services."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=255)
    alternate_name = text_field(_("other name"))
    description = models.TextField(_("description"), blank=True)
    email = text_field(_("email"))
    website = text_field(_("website"))
    tax_status = text_field(_("tax status"))
    tax_id = text_field(_("tax identifier"))
    year_incorporated = models.IntegerField(_("year set up"), null=True, blank=True)
    legal_status = text_field(_("legal status"))
    logo = text_field(_("logo"))
    uri = text_field(_("identifier address"))
    parent_organization = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Not HSDS: an independent information and support organisation (advocacy,
    # brokerage, information and advice, peer support) with its own workspace in
    # Selfdirect, separate from the council's records (the `independent` app).
    independent_support_provider = models.BooleanField(
        _("independent support provider"), default=False
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
    alternate_name = text_field(_("other name"))
    description = models.TextField(_("description"), blank=True)
    url = text_field(_("website"))
    email = text_field(_("email"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    interpretation_services = text_field(_("interpreting"))
    application_process = text_field(_("how to get it"))
    fees_description = text_field(_("cost"))
    wait_time = text_field(_("waiting time"))
    accreditations = text_field(_("accreditations"))
    eligibility_description = text_field(_("who it is for"))
    minimum_age = models.IntegerField(_("youngest age"), null=True, blank=True)
    maximum_age = models.IntegerField(_("oldest age"), null=True, blank=True)
    assured_date = models.DateField(_("assured on"), null=True, blank=True)
    assurer_email = text_field(_("assured by (email)"))
    alert = text_field(_("alert"))
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


class Contact(models.Model):
    """An HSDS contact: a named person or role to ask for."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = optional_link("Organization", "contacts")
    service = optional_link("Service", "contacts")
    service_at_location = optional_link("ServiceAtLocation", "contacts")
    location = optional_link("Location", "contacts")
    name = text_field(_("name"))
    title = text_field(_("job title"))
    department = text_field(_("department"))
    email = text_field(_("email"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name or self.title


class Phone(models.Model):
    """An HSDS phone number of a service, location, organization or contact."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    location = optional_link("Location", "phones")
    service = optional_link("Service", "phones")
    organization = optional_link("Organization", "phones")
    contact = optional_link("Contact", "phones")
    service_at_location = optional_link("ServiceAtLocation", "phones")
    number = models.CharField(_("number"), max_length=100)
    extension = models.IntegerField(_("extension"), null=True, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True, default="")
    description = text_field(_("description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.number


class CostOption(models.Model):
    """An HSDS cost option of a service (amount in pounds, Decimal)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = optional_link("Service", "cost_options")
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("to"), null=True, blank=True)
    option = text_field(_("option"))
    currency = models.CharField(_("currency"), max_length=3, blank=True, default="")
    amount = models.DecimalField(
        _("amount"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_description = text_field(_("amount description"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.option or str(self.amount)


class Language(models.Model):
    """An HSDS language a service, location or phone line is offered in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = optional_link("Service", "languages")
    location = optional_link("Location", "languages")
    phone = optional_link("Phone", "languages")
    name = text_field(_("name"))
    code = models.CharField(_("code"), max_length=20, blank=True, default="")
    note = text_field(_("note"))

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
    link_type = text_field(_("link type"))
    value = text_field(_("value"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["taxonomy_term", "service"], name="attribute_term")
        ]

    def __str__(self) -> str:
        return f"{self.service_id}: {self.taxonomy_term_id}"

"""The mapping between HSDS 3.0 JSON and the directory tables, and the export.

Each table lists the HSDS fields it keeps (named as in the standard) and the nested
lists it owns; import (importer.py) and export walk the same description, so what
goes out comes back in unchanged.
"""

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from django.db import models
from django.db.models import Prefetch

from . import models as m

SCHEMA_PATH = Path(__file__).with_name("data") / "hsds_service.json"


@dataclass(frozen=True)
class Table:
    name: str  # the schema's definition name
    model: type[models.Model]
    fields: tuple[str, ...]
    # (HSDS key of a nested list, table name, foreign key on the child)
    children: tuple[tuple[str, str, str], ...] = ()
    # (HSDS key of a nested object, table name, foreign key on this row)
    objects: tuple[tuple[str, str, str], ...] = ()
    # HSDS field name -> model attribute, where they differ
    aliases: dict[str, str] = field(default_factory=dict)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "taxonomy",
            m.Taxonomy,
            ("name", "description", "uri", "version"),
        ),
        Table(
            "taxonomy_term",
            m.TaxonomyTerm,
            (
                "code",
                "name",
                "description",
                "parent_id",
                "taxonomy",
                "language",
                "taxonomy_id",
                "term_uri",
            ),
            objects=(("taxonomy_detail", "taxonomy", "taxonomy_id"),),
            aliases={"taxonomy_id": "taxonomy_detail_id"},
        ),
        Table(
            "organization",
            m.Organization,
            (
                "name",
                "alternate_name",
                "description",
                "email",
                "website",
                "tax_status",
                "tax_id",
                "year_incorporated",
                "legal_status",
                "logo",
                "uri",
                "parent_organization_id",
            ),
        ),
        Table(
            "service",
            m.Service,
            (
                "organization_id",
                "name",
                "alternate_name",
                "description",
                "url",
                "email",
                "status",
                "interpretation_services",
                "application_process",
                "fees_description",
                "wait_time",
                "accreditations",
                "eligibility_description",
                "minimum_age",
                "maximum_age",
                "assured_date",
                "assurer_email",
                "alert",
                "last_modified",
            ),
            children=(
                ("phones", "phone", "service_id"),
                ("schedules", "schedule", "service_id"),
                ("service_at_locations", "service_at_location", "service_id"),
                ("languages", "language", "service_id"),
                ("cost_options", "cost_option", "service_id"),
                ("contacts", "contact", "service_id"),
                ("attributes", "attribute", "service_id"),
            ),
            objects=(("organization", "organization", "organization_id"),),
        ),
        Table(
            "service_at_location",
            m.ServiceAtLocation,
            ("service_id", "location_id", "description"),
            children=(
                ("contacts", "contact", "service_at_location_id"),
                ("phones", "phone", "service_at_location_id"),
                ("schedules", "schedule", "service_at_location_id"),
            ),
            objects=(("location", "location", "location_id"),),
        ),
        Table(
            "location",
            m.Location,
            (
                "location_type",
                "url",
                "organization_id",
                "name",
                "alternate_name",
                "description",
                "transportation",
                "latitude",
                "longitude",
                "external_identifier",
                "external_identifier_type",
            ),
            children=(
                ("languages", "language", "location_id"),
                ("addresses", "address", "location_id"),
                ("contacts", "contact", "location_id"),
                ("accessibility", "accessibility", "location_id"),
                ("phones", "phone", "location_id"),
                ("schedules", "schedule", "location_id"),
            ),
        ),
        Table(
            "contact",
            m.Contact,
            ("name", "title", "department", "email"),
            children=(("phones", "phone", "contact_id"),),
        ),
        Table(
            "phone",
            m.Phone,
            ("number", "extension", "type", "description"),
            children=(("languages", "language", "phone_id"),),
        ),
        Table(
            "schedule",
            m.Schedule,
            (
                "valid_from",
                "valid_to",
                "dtstart",
                "timezone",
                "until",
                "count",
                "wkst",
                "freq",
                "interval",
                "byday",
                "byweekno",
                "bymonthday",
                "byyearday",
                "description",
                "opens_at",
                "closes_at",
                "schedule_link",
                "attending_type",
                "notes",
            ),
        ),
        Table("language", m.Language, ("name", "code", "note")),
        Table(
            "address",
            m.Address,
            (
                "attention",
                "address_1",
                "address_2",
                "city",
                "region",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ),
        ),
        Table("accessibility", m.Accessibility, ("description", "details", "url")),
        Table(
            "cost_option",
            m.CostOption,
            (
                "valid_from",
                "valid_to",
                "option",
                "currency",
                "amount",
                "amount_description",
            ),
        ),
        Table(
            "attribute",
            m.Attribute,
            ("taxonomy_term_id", "link_type", "value"),
            objects=(("taxonomy_term", "taxonomy_term", "taxonomy_term_id"),),
        ),
    ]
}


@cache
def service_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def service_validator() -> jsonschema.protocols.Validator:
    """A validator for one HSDS 3.0 service object (formats checked too)."""
    schema = service_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)  # type: ignore[no-any-return]


def required_fields(table: str) -> frozenset[str]:
    if table == "service":
        return frozenset(service_schema()["required"])
    return frozenset(service_schema()["definitions"][table].get("required", []))


def attname(table: Table, key: str) -> str:
    return table.aliases.get(key, key)


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if hasattr(value, "hex") and not isinstance(value, str | float):
        return str(value)  # UUID
    return value


def dump(table_name: str, obj: models.Model) -> dict[str, Any]:
    """One row as HSDS JSON, with its nested lists and objects."""
    table = TABLES[table_name]
    required = required_fields(table_name)
    out: dict[str, Any] = {"id": str(obj.pk)}
    for key in table.fields:
        value = getattr(obj, attname(table, key))
        if value in (None, "") and key not in required:
            continue
        out[key] = _json_value("" if value is None else value)
    for key, child, _fk in table.objects:
        related = getattr(obj, key)
        if related is not None:
            out[key] = dump(child, related)
    for key, child, fk in table.children:
        rows = getattr(obj, _related_name(table, child, fk)).all()
        out[key] = [dump(child, row) for row in rows]
    if table_name == "attribute":
        out["link_id"] = str(obj.service_id)  # type: ignore[attr-defined]
        out["link_entity"] = "service"
    return out


def _related_name(table: Table, child: str, fk: str) -> str:
    field_name = fk.removesuffix("_id")
    remote = TABLES[child].model._meta.get_field(field_name)
    return remote.remote_field.related_name  # type: ignore[union-attr,return-value]


def services_for_export() -> models.QuerySet[m.Service]:
    """Every service with everything it nests, in a fixed number of queries."""
    term = "attributes__taxonomy_term"
    phones = Prefetch("phones", queryset=m.Phone.objects.prefetch_related("languages"))
    location = "service_at_locations__location"
    return (
        m.Service.objects.order_by("name", "id")
        .select_related("organization")
        .prefetch_related(
            phones,
            "schedules",
            "languages",
            "cost_options",
            Prefetch("contacts", queryset=m.Contact.objects.prefetch_related(phones)),
            f"{term}__taxonomy_detail",
            "attributes",
            "service_at_locations__schedules",
            Prefetch(
                "service_at_locations__contacts",
                queryset=m.Contact.objects.prefetch_related(phones),
            ),
            Prefetch(
                "service_at_locations__phones",
                queryset=m.Phone.objects.prefetch_related("languages"),
            ),
            f"{location}__languages",
            f"{location}__addresses",
            Prefetch(
                f"{location}__contacts",
                queryset=m.Contact.objects.prefetch_related(phones),
            ),
            f"{location}__accessibility",
            Prefetch(
                f"{location}__phones",
                queryset=m.Phone.objects.prefetch_related("languages"),
            ),
            f"{location}__schedules",
        )
    )


def export_services(services: Iterable[m.Service]) -> list[dict[str, Any]]:
    """Services as a list of HSDS 3.0 service objects."""
    return [dump("service", service) for service in services]

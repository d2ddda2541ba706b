"""Curators' actions on the directory. Each is one transaction with history."""

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new, save_versioned, update_versioned
from selfdirect.core.models import VersionedModel

from . import hsds, rules
from .importer import Problem, Rows, convert
from .models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    CostOption,
    Language,
    Location,
    Phone,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from .selectors import normalise_postcode

# Parents before children, so foreign keys resolve as rows are written.
WRITE_ORDER = [
    "taxonomy",
    "taxonomy_term",
    "organization",
    "location",
    "service",
    "service_at_location",
    "contact",
    "phone",
    "schedule",
    "language",
    "address",
    "accessibility",
    "cost_option",
    "attribute",
]


@dataclass(frozen=True)
class PlaceDetails:
    """Where a service is offered: the place, its address, how to get there and in,
    and its weekly opening times."""

    name: str
    address_1: str
    city: str
    postcode: str
    transportation: str = ""
    accessibility: str = ""
    days: list[str] = field(default_factory=list)
    opens_at: datetime.time | None = None
    closes_at: datetime.time | None = None
    times_note: str = ""


@dataclass
class ImportResult:
    records: int
    imported: int = 0
    created: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)
    not_kept: set[str] = field(default_factory=set)
    written: bool = False


class ImportRefused(Exception):
    """Nothing was written: some records are invalid and skipping was not asked for."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__(f"{len(result.problems)} invalid record(s); nothing imported")
        self.result = result


@transaction.atomic
def import_directory(
    *,
    records: list[Any],
    by: User | None,
    skip_invalid: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Import HSDS services, updating rows with the same HSDS id (never duplicating).

    All or nothing: with any invalid record nothing is written unless skip_invalid.
    """
    rows, problems, valid = convert(records)
    result = ImportResult(
        len(records), valid, problems=problems, not_kept=rows.not_kept
    )
    if dry_run or not valid:
        return result
    if problems and not skip_invalid:
        raise ImportRefused(result)
    _drop_unknown_links(rows)
    _replace_children(rows)
    for name in WRITE_ORDER:
        created, updated = _upsert(name, rows.tables.get(name, {}), by)
        if name == "service":
            result.created, result.updated = created, updated
    _set_free(rows.ids("service"))
    record_event(
        actor=by,
        action="directory.imported",
        person_id=None,
        services=valid,
        created=result.created,
        updated=result.updated,
    )
    result.written = True
    return result


def _drop_unknown_links(rows: Rows) -> None:
    """Optional links to rows in neither the file nor the directory are left empty."""
    for name, table_rows in rows.tables.items():
        model = hsds.TABLES[name].model
        for model_field in model._meta.concrete_fields:
            if not (model_field.is_relation and model_field.null):
                continue
            target = model_field.related_model
            target_table = _table_of(target)  # type: ignore[arg-type]
            wanted = {
                v[model_field.attname]
                for v in table_rows.values()
                if v.get(model_field.attname)
            }
            if not wanted or target_table is None:
                continue
            manager = target._default_manager  # type: ignore[union-attr]
            known = set(rows.tables.get(target_table, {})) | set(
                manager.filter(pk__in=wanted).values_list("pk", flat=True)
            )
            for values in table_rows.values():
                if values.get(model_field.attname) not in known:
                    values[model_field.attname] = None


def _table_of(model: type[models.Model]) -> str | None:
    return next((t.name for t in hsds.TABLES.values() if t.model is model), None)


def _replace_children(rows: Rows) -> None:
    """A re-imported service or location gets exactly the nested rows in the file."""
    services, locations = rows.ids("service"), rows.ids("location")
    by_service = Q(service__in=services) | Q(service_at_location__service__in=services)
    by_location = Q(location__in=locations)
    for queryset in (
        Schedule.objects.filter(by_service | by_location),
        Language.objects.filter(
            Q(service__in=services) | by_location | Q(phone__service__in=services)
        ),
        Phone.objects.filter(
            by_service | by_location | Q(contact__service__in=services)
        ),
        Contact.objects.filter(by_service | by_location),
        CostOption.objects.filter(service__in=services),
        Attribute.objects.filter(service__in=services),
        ServiceAtLocation.objects.filter(service__in=services),
        Address.objects.filter(by_location),
        Accessibility.objects.filter(by_location),
    ):
        queryset.delete()


def _upsert(
    name: str, table_rows: dict[uuid.UUID, dict[str, Any]], by: User | None
) -> tuple[int, int]:
    model = hsds.TABLES[name].model
    existing = model._default_manager.in_bulk(list(table_rows))
    created = updated = 0
    for pk, values in table_rows.items():
        obj = existing.get(pk)
        if obj is None:
            obj = model(pk=pk, **values)
            created += 1
        else:
            for key, value in values.items():
                setattr(obj, key, value)
            if isinstance(obj, VersionedModel):
                obj.version += 1
            updated += 1
        obj._history_user = by  # type: ignore[attr-defined]
        obj.save()
    return created, updated


def _set_free(service_ids: list[uuid.UUID]) -> None:
    amounts: dict[uuid.UUID, list[Any]] = {pk: [] for pk in service_ids}
    for service_id, amount in CostOption.objects.filter(
        service__in=service_ids
    ).values_list("service_id", "amount"):
        amounts[service_id].append(amount)
    free = [pk for pk, values in amounts.items() if rules.is_free(values)]
    Service.objects.filter(pk__in=service_ids).update(
        is_free=models.Case(models.When(pk__in=free, then=True), default=False)
    )


@transaction.atomic
def save_service(
    *,
    service: Service,
    by: User,
    version: int | None,
    fields: list[str],
    terms: list[TaxonomyTerm],
) -> Service:
    """Add a service, or change one refusing if someone saved since `version`."""
    service._history_user = by  # type: ignore[attr-defined]
    if version is None:
        service.owner = service.owner or by
        service.last_checked_on = timezone.localdate()
        save_new(service, by)
        action = "directory.service_added"
    else:
        save_versioned(service, expected_version=version, fields=fields)
        action = "directory.service_changed"
    _set_terms(service, terms, by)
    record_event(actor=by, action=action, person_id=None, service=str(service.pk))
    return service


def _set_terms(service: Service, terms: list[TaxonomyTerm], by: User) -> None:
    current = {a.taxonomy_term_id: a for a in service.attributes.all()}
    wanted = {t.pk for t in terms}
    for term_id, attribute in current.items():
        if term_id not in wanted:
            attribute._history_user = by  # type: ignore[attr-defined]
            attribute.delete()
    for term_id in wanted - set(current):
        save_new(Attribute(service=service, taxonomy_term_id=term_id), by)


@transaction.atomic
def mark_service_checked(
    *, service: Service, by: User, version: int, checked_on: datetime.date
) -> Service:
    """Record that a curator checked the entry is still right (version-checked)."""
    update_versioned(
        service, by=by, version=version, details={"last_checked_on": checked_on}
    )
    record_event(
        actor=by,
        action="directory.service_checked",
        person_id=None,
        service=str(service.pk),
    )
    return service


@transaction.atomic
def save_place(
    *,
    service: Service,
    by: User,
    version: int,
    place: ServiceAtLocation | None,
    details: PlaceDetails,
) -> ServiceAtLocation:
    """Add or change where a service is offered (location, address, access, weekly
    opening times), refusing if anyone changed the service since `version`: the
    service is the unit curators check, so every change to its places bumps it.

    Coordinates come from the postcode table; a postcode not in it leaves the
    coordinates as they were (perhaps imported) unless the postcode was changed.
    The form edits a place's first schedule and first access note only: others
    (from an import) are kept as they are."""
    update_versioned(
        service, by=by, version=version, details={"last_modified": timezone.now()}
    )
    location = place.location if place else Location(location_type="physical")
    address = location.addresses.first() if place else None
    location.name = details.name
    location.transportation = details.transportation
    found = Postcode.objects.filter(postcode=details.postcode).first()
    moved = address is None or (
        normalise_postcode(address.postal_code) != details.postcode
    )
    if found is not None:
        location.latitude, location.longitude = found.latitude, found.longitude
    elif moved:
        location.latitude = location.longitude = None
    save_new(location, by)
    if place is None:
        place = save_new(ServiceAtLocation(service=service, location=location), by)
    address = address or Address(location=location, country="GB")
    address.address_1, address.city = details.address_1, details.city
    address.postal_code = details.postcode
    address.address_type = address.address_type or "physical"
    save_new(address, by)
    _replace_first(
        location.accessibility.order_by("id"),
        Accessibility(location=location, description=details.accessibility)
        if details.accessibility
        else None,
        by,
    )
    days = [d for d in rules.WEEKDAYS if d in details.days]
    _replace_first(
        place.schedules.order_by("id"),
        Schedule(
            service_at_location=place,
            freq=Schedule.Freq.WEEKLY,
            byday=",".join(days),
            opens_at=details.opens_at,
            closes_at=details.closes_at,
            description=details.times_note,
        )
        if days
        else None,
        by,
    )
    record_event(
        actor=by,
        action="directory.place_saved",
        person_id=None,
        service=str(service.pk),
        place=str(place.pk),
    )
    return place


def _replace_first(existing: Any, wanted: models.Model | None, by: User) -> None:
    """The form shows the first row: change it in place (so its history
    continues), add it, or delete it. Any further rows are left as they are."""
    first = existing.first()
    if wanted is not None and first is not None:
        for model_field in type(wanted)._meta.concrete_fields:
            if not model_field.primary_key:
                setattr(
                    first, model_field.attname, getattr(wanted, model_field.attname)
                )
        save_new(first, by)
    elif wanted is not None:
        save_new(wanted, by)
    elif first is not None:
        first._history_user = by  # type: ignore[attr-defined]
        first.delete()

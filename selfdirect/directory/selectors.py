"""Reads of the directory: search, stale entries, a service with what it nests."""

import datetime
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import (
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.functions import Sqrt

from selfdirect.core.pagination import CappedPaginator
from selfdirect.core.search import search_terms

from . import rules
from .models import (
    Accessibility,
    Address,
    Attribute,
    Contact,
    Location,
    Phone,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

# Local accessibility filters: label -> words looked for in HSDS accessibility text.
ACCESSIBILITY_FEATURES: dict[str, tuple[str, ...]] = {
    "step_free": ("step-free", "step free", "level access", "wheelchair", "ramp"),
    "hearing_loop": ("hearing loop", "induction loop"),
    "accessible_toilet": ("accessible toilet", "changing places"),
}
POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str:
    """A postcode in capitals with one space before the inward code ('' if not one)."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = POSTCODE_RE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else ""


def outward_code(text: str) -> str:
    """The district part of a postcode or of a district typed alone ('G81')."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = POSTCODE_RE.match(compact)
    if match:
        return match.group(1)
    return compact if re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?", compact) else ""


@dataclass(frozen=True)
class SearchFilters:
    term: uuid.UUID | None = None
    query: str = ""
    postcode: str = ""
    miles: float = 5.0
    locality: str = ""
    open_now: bool = False
    free: bool = False
    accessibility: tuple[str, ...] = ()


@dataclass
class Origin:
    """Where distances are measured from, or why there is none."""

    postcode: str
    latitude: float | None = None
    longitude: float | None = None
    fallback_district: str = ""
    messages: list[str] = field(default_factory=list)

    @property
    def located(self) -> bool:
        return self.latitude is not None


def locate(postcode: str) -> Origin:
    """Coordinates for a postcode from the postcode table, or the district to fall
    back to when the table lacks it (or is empty)."""
    normalised = normalise_postcode(postcode)
    origin = Origin(postcode=normalised or postcode.strip().upper())
    if normalised:
        row = Postcode.objects.filter(postcode=normalised).first()
        if row is not None:
            origin.latitude, origin.longitude = row.latitude, row.longitude
            return origin
    origin.fallback_district = outward_code(postcode)
    return origin


def terms_with_services() -> QuerySet[TaxonomyTerm]:
    """Taxonomy terms that at least one active service is linked to."""
    used = Attribute.objects.filter(
        taxonomy_term=OuterRef("pk"), service__status=Service.Status.ACTIVE
    )
    return TaxonomyTerm.objects.filter(Exists(used)).order_by("name")


def localities() -> list[str]:
    """Towns that active services' addresses are in, for the locality filter."""
    active = ServiceAtLocation.objects.filter(
        location=OuterRef("location"), service__status=Service.Status.ACTIVE
    )
    return list(
        Address.objects.exclude(city="")
        .filter(Exists(active))
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )


def search_services(
    filters: SearchFilters, *, now: datetime.datetime, origin: Origin | None = None
) -> QuerySet[Service]:
    """Active services matching every filter given, nearest first when located
    (then annotated with `distance` in miles), otherwise by name."""
    services = Service.objects.filter(status=Service.Status.ACTIVE)
    at_service = Q(service_at_locations__service=OuterRef("pk"))
    if filters.term:
        term_ids = [filters.term, *_child_terms(filters.term)]
        services = services.filter(
            Exists(
                Attribute.objects.filter(
                    service=OuterRef("pk"), taxonomy_term__in=term_ids
                )
            )
        )
    for word in search_terms(filters.query):
        services = services.filter(
            Q(name__icontains=word)
            | Q(description__icontains=word)
            | Q(alternate_name__icontains=word)
            | Q(organization__name__icontains=word)
        )
    if filters.free:
        services = services.filter(is_free=True)
    if filters.open_now:
        services = services.filter(_open_now(now))
    for feature in filters.accessibility:
        words = Q()
        for word in ACCESSIBILITY_FEATURES.get(feature, ()):
            words |= Q(description__icontains=word) | Q(details__icontains=word)
        services = services.filter(
            Exists(
                Accessibility.objects.filter(
                    words, location__service_at_locations__service=OuterRef("pk")
                )
            )
        )
    if origin is not None and origin.located:
        return _near(services, origin, filters.miles)
    district = origin.fallback_district if origin is not None else ""
    if filters.locality or district:
        place = Q()
        if filters.locality:
            place &= Q(addresses__city__iexact=filters.locality)
        if district:
            place &= Q(addresses__postal_code__istartswith=f"{district} ")
        services = services.filter(Exists(Location.objects.filter(place, at_service)))
    return services.order_by("name", "id")


def _child_terms(term_id: uuid.UUID) -> list[uuid.UUID]:
    """Terms under this one (two levels is all the local taxonomy uses)."""
    children = list(
        TaxonomyTerm.objects.filter(parent_id=term_id).values_list("pk", flat=True)
    )
    grandchildren = TaxonomyTerm.objects.filter(parent_id__in=children).values_list(
        "pk", flat=True
    )
    return [*children, *grandchildren]


def _open_now(now: datetime.datetime) -> Q:
    own = Schedule.objects.filter(rules.open_at(now), service=OuterRef("pk"))
    at_location = Schedule.objects.filter(
        rules.open_at(now), service_at_location__service=OuterRef("pk")
    )
    return Q(Exists(own)) | Q(Exists(at_location))


def _near(
    services: QuerySet[Service], origin: Origin, miles: float
) -> QuerySet[Service]:
    """Services with a location within `miles`, nearest first: one join to their
    locations inside a box on the indexed latitude/longitude columns, the nearest
    exact distance per service in SQL (MIN ... HAVING; SQLite and PostgreSQL)."""
    lat, lon = origin.latitude or 0.0, origin.longitude or 0.0
    south, north, west, east = rules.bounding_box(lat, lon, miles)
    ky, kx = rules.MILES_PER_DEGREE_LATITUDE, rules.longitude_scale(lat)
    latitude = F("service_at_locations__location__latitude")
    longitude = F("service_at_locations__location__longitude")
    distance = Sqrt(
        ((latitude - lat) * ky) * ((latitude - lat) * ky)
        + ((longitude - lon) * kx) * ((longitude - lon) * kx),
        output_field=FloatField(),
    )
    return (
        services.filter(
            service_at_locations__location__latitude__range=(south, north),
            service_at_locations__location__longitude__range=(west, east),
        )
        .annotate(distance=Min(distance))
        .filter(distance__lte=miles)
        .order_by("distance", "name", "id")
    )


class ResultPaginator(CappedPaginator):
    """Pages of search results: the page's ids (and distances) come from the
    search; the details are then fetched by id alone, not by re-running it."""

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset: Any = self.object_list
        located = "distance" in queryset.query.annotations
        fields = ("pk", "distance") if located else ("pk",)
        rows = list(queryset.values_list(*fields)[bottom : bottom + self.per_page])
        found = in_results(Service.objects.filter(pk__in=[r[0] for r in rows]))
        by_id = {s.pk: s for s in found}
        page = []
        for row in rows:
            service = by_id[row[0]]
            service.distance = row[1] if located else None  # type: ignore[attr-defined]
            page.append(service)
        return self._get_page(page, number, self)  # type: ignore[attr-defined]


def in_results(services: QuerySet[Service]) -> QuerySet[Service]:
    """What a search result shows: where, when, how to get there, who to contact."""
    phones = Prefetch("phones", queryset=Phone.objects.order_by("id"))
    places = Prefetch(
        "service_at_locations",
        queryset=ServiceAtLocation.objects.select_related("location"),
    )
    return services.select_related("organization").prefetch_related(
        phones,
        "schedules",
        Prefetch("contacts", queryset=Contact.objects.prefetch_related(phones)),
        places,
        "service_at_locations__location__addresses",
    )


def with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    """Everything a service's page shows: the search result's details, plus
    each place's access notes and opening times."""
    return in_results(services).prefetch_related(
        "service_at_locations__location__accessibility",
        "service_at_locations__schedules",
    )


def stale_services(
    today: datetime.date, months: int | None = None
) -> QuerySet[Service]:
    """Active entries not checked for `months` (or never), oldest check first."""
    cutoff = rules.stale_before(today, months)
    return (
        Service.objects.filter(status=Service.Status.ACTIVE)
        .filter(Q(last_checked_on__lt=cutoff) | Q(last_checked_on__isnull=True))
        .select_related("organization", "owner")
        .order_by(F("last_checked_on").asc(nulls_first=True), "name", "id")
    )


def more_place_times(place: ServiceAtLocation | None) -> int:
    """How many opening times and access notes a place has beyond the first of
    each (from an import): the place form changes only the first, keeps these."""
    if place is None:
        return 0
    schedules = place.schedules.count()
    access = place.location.accessibility.count()
    return max(schedules - 1, 0) + max(access - 1, 0)


def place_initial(service: Service, place: ServiceAtLocation | None) -> dict[str, Any]:
    """What the place form starts with: the place as it is now (or blank)."""
    initial: dict[str, Any] = {"version": service.version}
    if place is None:
        return initial
    location = place.location
    address = location.addresses.first()
    access = location.accessibility.first()
    schedule = place.schedules.first()
    initial.update(
        name=location.name,
        transportation=location.transportation,
        address_1=address.address_1 if address else "",
        city=address.city if address else "",
        postcode=address.postal_code if address else "",
        accessibility=access.description if access else "",
    )
    if schedule is not None:
        initial.update(
            days=[d for d in schedule.byday.split(",") if d],
            opens_at=schedule.opens_at,
            closes_at=schedule.closes_at,
            times_note=schedule.description,
        )
    return initial

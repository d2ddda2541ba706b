"""Demo community directory for the fictional Clydeview partnership.

Invented groups in invented towns; postcodes and coordinates come from
data/postcodes.csv (ONS layout, made up near the Clyde); phone numbers are
from Ofcom's drama range (0141 496 0xxx). Deterministic: ids are uuid5 of names.
"""

import csv
import datetime
import random
import uuid
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import connection

from selfdirect.demo.bulk import copy_to_history
from selfdirect.demo.directory_words import (
    ACCESS,
    KINDS,
    SINGLES,
    TAXONOMY,
    TERMS,
    TRANSPORT,
)
from selfdirect.directory import models as m

NAMESPACE = uuid.UUID("5b0c1c55-7d0e-4f1f-9a53-c1d0e5d1a7e1")
POSTCODES = Path(__file__).with_name("data") / "postcodes.csv"


def _id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(parts))


def _postcodes() -> dict[str, list[tuple[str, float, float]]]:
    towns: dict[str, list[tuple[str, float, float]]] = {}
    with POSTCODES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            towns.setdefault(row["town"], []).append(
                (row["pcds"], float(row["lat"]), float(row["long"]))
            )
    return towns


def seed_directory(*, seed: int, today: datetime.date, now: Any) -> Counter[str]:
    """The demo directory and postcode table (kept if already there)."""
    rows: Counter[str] = Counter()
    if m.Service.objects.filter(pk=_id("service", SINGLES[0][0])).exists():
        return rows
    postcodes = _postcodes()
    m.Postcode.objects.bulk_create(
        [
            m.Postcode(postcode=p, latitude=a, longitude=b)
            for ps in postcodes.values()
            for p, a, b in ps
        ],
        ignore_conflicts=True,
    )
    rng = random.Random(f"directory-{seed}")
    built = _Builder(rng, today, postcodes)
    built.taxonomy()
    for name, org, terms, text, byday, opens, closes, cost, towns in KINDS:
        for town in towns:
            built.service(
                name.format(town=town),
                org.format(town=town),
                terms,
                text,
                byday,
                opens,
                closes,
                cost,
                town,
            )
    for name, org, terms, text, byday, opens, closes, cost, town in SINGLES:
        built.service(name, org, terms, text, byday, opens, closes, cost, town)
    for model, objs in built.tables():
        model._default_manager.bulk_create(objs)  # type: ignore[attr-defined]
        meta = model._meta  # type: ignore[attr-defined]
        ids = [meta.pk.get_db_prep_value(o.pk, connection) for o in objs]
        rows["history rows"] += copy_to_history(model, ids, now)
    rows["directory services"] = len(built.objs[m.Service])
    rows["postcodes"] = sum(len(p) for p in postcodes.values())
    return rows


class _Builder:
    def __init__(
        self, rng: random.Random, today: datetime.date, postcodes: Any
    ) -> None:
        self.rng, self.today, self.postcodes = rng, today, postcodes
        self.objs: dict[type, list[Any]] = {k: [] for k in ORDER}
        self.orgs: dict[str, m.Organization] = {}
        self.terms: dict[str, m.TaxonomyTerm] = {}
        self.phone = 100

    def taxonomy(self) -> None:
        taxonomy = m.Taxonomy(
            id=_id("taxonomy"),
            name=TAXONOMY,
            description="Needs people are signposted for in Clydeview",
            version="2026",
        )
        self.objs[m.Taxonomy].append(taxonomy)
        for code, (name, text) in TERMS.items():
            term = m.TaxonomyTerm(
                id=_id("term", code),
                code=code,
                name=name,
                description=text,
                taxonomy=TAXONOMY,
                taxonomy_detail=taxonomy,
                language="en",
            )
            self.terms[code] = term
            self.objs[m.TaxonomyTerm].append(term)

    def org(self, name: str) -> m.Organization:
        if name not in self.orgs:
            self.orgs[name] = m.Organization(
                id=_id("org", name),
                name=name,
                description=f"{name}, a community organisation in Clydeview.",
            )
            self.objs[m.Organization].append(self.orgs[name])
        return self.orgs[name]

    def next_phone(self) -> str:
        self.phone += self.rng.randint(1, 7)
        return f"0141 496 0{self.phone:03d}"

    def service(
        self,
        name: str,
        org: str,
        terms: tuple[str, ...],
        text: str,
        byday: str,
        opens: str,
        closes: str,
        cost: str,
        town: str,
    ) -> None:
        rng, amount = self.rng, Decimal(cost)
        stale = rng.random() < 0.15
        checked = self.today - datetime.timedelta(
            days=rng.randint(400, 900) if stale else rng.randint(5, 300)
        )
        service = m.Service(
            id=_id("service", name),
            organization=self.org(org),
            name=name,
            description=text,
            fees_description="Free" if not amount else f"£{amount} a session",
            application_process="Just turn up, or phone first if you would like someone to meet you.",
            eligibility_description="Adults living in Clydeview.",
            last_checked_on=checked,
            is_free=not amount,
        )
        self.objs[m.Service].append(service)
        postcode, lat, lon = rng.choice(self.postcodes[town])
        venue = rng.choice(
            ["Community Centre", "Library", "Church Hall", "Resource Centre"]
        )
        location = m.Location(
            id=_id("location", name),
            location_type="physical",
            name=f"{town} {venue}",
            latitude=lat,
            longitude=lon,
            transportation=rng.choice(TRANSPORT).format(
                n=rng.randint(1, 99), town=town
            ),
            organization=service.organization,
        )
        self.objs[m.Location].append(location)
        self.objs[m.Address].append(
            m.Address(
                id=_id("address", name),
                location=location,
                address_1=f"{rng.randint(1, 120)} Main Street",
                city=town,
                state_province="Clydeview",
                postal_code=postcode,
                country="GB",
                address_type="physical",
            )
        )
        access = rng.choice(ACCESS)
        if access:
            self.objs[m.Accessibility].append(
                m.Accessibility(
                    id=_id("access", name), location=location, description=access
                )
            )
        self.objs[m.ServiceAtLocation].append(
            m.ServiceAtLocation(id=_id("sal", name), service=service, location=location)
        )
        freq = "MONTHLY" if byday[0].isdigit() else "WEEKLY"
        self.objs[m.Schedule].append(
            m.Schedule(
                id=_id("schedule", name),
                service=service,
                freq=freq,
                byday=byday,
                opens_at=datetime.time.fromisoformat(opens),
                closes_at=datetime.time.fromisoformat(closes),
                description=_when(byday, opens, closes),
            )
        )
        contact = m.Contact(
            id=_id("contact", name),
            service=service,
            name=rng.choice(["Morag", "Jean", "Iain", "Fiona", "Graham", "Agnes"])
            + " "
            + rng.choice(["Paton", "Rankin", "Docherty", "Kerr", "McBride"]),
            title=rng.choice(["Co-ordinator", "Organiser", "Volunteer lead"]),
        )
        self.objs[m.Contact].append(contact)
        self.objs[m.Phone].append(
            m.Phone(
                id=_id("phone", name),
                contact=contact,
                service=service,
                number=self.next_phone(),
                type="voice",
            )
        )
        self.objs[m.CostOption].append(
            m.CostOption(
                id=_id("cost", name),
                service=service,
                option="Per session",
                currency="GBP",
                amount=amount,
            )
        )
        for code in terms:
            self.objs[m.Attribute].append(
                m.Attribute(
                    id=_id("attribute", name, code),
                    service=service,
                    taxonomy_term=self.terms[code],
                )
            )

    def tables(self) -> list[tuple[type, list[Any]]]:
        return [(model, self.objs[model]) for model in ORDER]


ORDER = [
    m.Taxonomy,
    m.TaxonomyTerm,
    m.Organization,
    m.Location,
    m.Service,
    m.Address,
    m.Accessibility,
    m.ServiceAtLocation,
    m.Schedule,
    m.Contact,
    m.Phone,
    m.CostOption,
    m.Attribute,
]
DAYS = {
    "MO": "Mondays",
    "TU": "Tuesdays",
    "WE": "Wednesdays",
    "TH": "Thursdays",
    "FR": "Fridays",
    "SA": "Saturdays",
    "SU": "Sundays",
}


def _when(byday: str, opens: str, closes: str) -> str:
    if byday[0].isdigit():
        nth = {"1": "First", "2": "Second"}[byday[0]]
        days = f"{nth} {DAYS[byday[1:]][:-1]} of the month"
    elif byday == "MO,TU,WE,TH,FR":
        days = "Monday to Friday"
    else:
        days = " and ".join(DAYS[d] for d in byday.split(","))
    return f"{days}, {opens} to {closes}"


def delete_directory(person_ids: list[int]) -> None:
    """The directory is not about people: `seed --reset` keeps it."""

"""Demo community directory for the fictional Clydeview partnership.

Invented groups in invented towns; postcodes and coordinates come from
data/demo_postcodes.csv (ONS layout, made up near the Clyde); phone numbers are
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

from selfdirect.core.bulk import copy_to_history

from . import models as m

NAMESPACE = uuid.UUID("5b0c1c55-7d0e-4f1f-9a53-c1d0e5d1a7e1")
POSTCODES = Path(__file__).with_name("data") / "demo_postcodes.csv"
TAXONOMY = "Clydeview community needs"
# Local taxonomy: code -> (name, description). Data, not code: extend freely.
TERMS = {
    "company": ("Company and friendship", "Loneliness, meeting people"),
    "food": ("Food and meals", "A hot meal, help with food"),
    "activity": ("Staying active", "Exercise, walking, getting out"),
    "carers": ("Support for carers", "Unpaid carers and families"),
    "money": ("Money and benefits", "Benefits, debt, welfare rights"),
    "transport": ("Getting about", "Transport to appointments and groups"),
    "memory": ("Memory and dementia", "Dementia, memory loss"),
    "mental_health": ("Mental health and wellbeing", "Low mood, anxiety, peer support"),
    "day": ("Things to do in the day", "Day opportunities, learning, volunteering"),
}
# (name pattern, organisation, term codes, description, byday, opens, closes, cost,
#  towns it runs in)
KINDS: list[tuple[str, str, tuple[str, ...], str, str, str, str, str, list[str]]] = [
    (
        "{town} Lunch Club",
        "{town} Community Council",
        ("food", "company"),
        "A two-course lunch and a blether, for over-60s.",
        "TU,TH",
        "11:30",
        "14:00",
        "3.50",
        [
            "Clydeview",
            "Whinhill",
            "Levenford",
            "Dunbrack",
            "Lochside",
            "Bowhill",
            "Glenkirk",
        ],
    ),
    (
        "{town} Walking Group",
        "Clydeview Paths for All",
        ("activity", "company"),
        "Gentle health walks of about an hour, led by trained volunteers.",
        "WE",
        "10:00",
        "11:30",
        "0",
        ["Whinhill", "Levenford", "Arden Shore", "Glenmorran", "Carrick", "Clydeview"],
    ),
    (
        "{town} Befriending Service",
        "Riverside Befriending",
        ("company",),
        "A volunteer visits or phones every week.",
        "MO,TU,WE,TH,FR",
        "09:00",
        "17:00",
        "0",
        ["Clydeview", "Levenford", "Lochside", "Bowhill"],
    ),
    (
        "{town} Men's Shed",
        "Clydeview Men's Sheds",
        ("company", "day"),
        "Woodwork, repairs and a cuppa; all abilities welcome.",
        "MO,WE,FR",
        "10:00",
        "15:00",
        "0",
        ["Dunbrack", "Clydeview", "Glenkirk", "Arden Shore"],
    ),
    (
        "{town} Dementia Café",
        "Alzheimer Friends Clydeview",
        ("memory", "carers", "company"),
        "A relaxed café for people living with dementia and those who care for them.",
        "1TH",
        "14:00",
        "16:00",
        "0",
        ["Lochside", "Levenford", "Clydeview", "Bowhill"],
    ),
    (
        "Chair-based Exercise, {town}",
        "Clydeview Leisure Trust",
        ("activity",),
        "Seated exercise to music to build strength and balance.",
        "MO,TH",
        "13:30",
        "14:30",
        "2.00",
        ["Glenkirk", "Whinhill", "Levenford", "Glenmorran", "Carrick"],
    ),
    (
        "Knit and Natter, {town}",
        "Clydeview Libraries",
        ("company",),
        "Bring your knitting, or learn; tea provided.",
        "TU",
        "14:00",
        "16:00",
        "0",
        ["Levenford", "Clydeview", "Arden Shore"],
    ),
    (
        "{town} Community Garden",
        "Green Clydeview",
        ("activity", "day", "mental_health"),
        "Grow food and flowers with others; tools provided.",
        "TU,SA",
        "10:00",
        "13:00",
        "0",
        ["Arden Shore", "Dunbrack", "Bowhill"],
    ),
    (
        "{town} Over-60s Club",
        "{town} Community Council",
        ("company", "day"),
        "Bingo, outings, talks and tea.",
        "FR",
        "13:00",
        "16:00",
        "1.00",
        ["Bowhill", "Whinhill", "Glenmorran", "Carrick"],
    ),
    (
        "Peer Support Group, {town}",
        "Clydeview Mental Health Network",
        ("mental_health", "company"),
        "Meet others who understand; run by people with lived experience.",
        "WE",
        "18:00",
        "20:00",
        "0",
        ["Clydeview", "Levenford", "Lochside"],
    ),
    (
        "Digital Drop-in, {town} Library",
        "Clydeview Libraries",
        ("day",),
        "Help with phones, tablets and video calls.",
        "SA",
        "10:00",
        "12:00",
        "0",
        ["Clydeview", "Levenford", "Glenkirk"],
    ),
    (
        "Bereavement Support, {town}",
        "Cruse Clydeview",
        ("mental_health",),
        "One-to-one and group support after a death.",
        "MO,TH",
        "10:00",
        "16:00",
        "0",
        ["Clydeview", "Lochside"],
    ),
    (
        "{town} Food Larder",
        "{town} Community Council",
        ("food", "money"),
        "Low-cost food shop for members; no referral needed.",
        "TH,FR",
        "12:00",
        "15:00",
        "0",
        ["Whinhill", "Dunbrack", "Carrick"],
    ),
]
# Partnership-wide services in one place each.
SINGLES = [
    (
        "Clydeview Carers' Centre",
        "Clydeview Carers' Centre",
        ("carers",),
        "Advice, short breaks, training and a carers' group for unpaid carers.",
        "MO,TU,WE,TH,FR",
        "09:00",
        "17:00",
        "0",
        "Clydeview",
    ),
    (
        "Welfare Rights Advice Line",
        "Levenford Citizens Advice Bureau",
        ("money",),
        "Benefits checks, appeals and money advice by phone.",
        "MO,TU,WE,TH,FR",
        "09:30",
        "16:30",
        "0",
        "Levenford",
    ),
    (
        "Debt Advice Surgery",
        "Levenford Citizens Advice Bureau",
        ("money",),
        "Face-to-face debt advice; bring your letters.",
        "WE",
        "10:00",
        "13:00",
        "0",
        "Dunbrack",
    ),
    (
        "Clydeview Community Transport",
        "Clydeview Community Transport",
        ("transport",),
        "Door-to-door minibus to shops, groups and appointments; book a day ahead.",
        "MO,TU,WE,TH,FR",
        "08:30",
        "17:30",
        "2.50",
        "Whinhill",
    ),
    (
        "Hospital Car Scheme",
        "Clydeview Community Transport",
        ("transport",),
        "Volunteer drivers to hospital appointments.",
        "MO,TU,WE,TH,FR",
        "08:00",
        "18:00",
        "0",
        "Bowhill",
    ),
    (
        "Levenford Day Opportunities",
        "Levenford Day Centre Trust",
        ("day", "company"),
        "Activities, lunch and outings for adults with a learning disability.",
        "MO,TU,WE,TH,FR",
        "09:30",
        "15:30",
        "0",
        "Levenford",
    ),
    (
        "Young Carers Group",
        "Clydeview Carers' Centre",
        ("carers",),
        "Fun, breaks and support for carers aged 8 to 18.",
        "TH",
        "16:00",
        "18:00",
        "0",
        "Clydeview",
    ),
    (
        "Clydeview Advocacy",
        "Clydeview Advocacy Project",
        ("money", "mental_health"),
        "Independent advocacy so your voice is heard.",
        "MO,TU,WE,TH,FR",
        "09:00",
        "17:00",
        "0",
        "Clydeview",
    ),
    (
        "Stroke Club",
        "Chest Heart and Stroke Clydeview",
        ("activity", "company"),
        "Exercise, speech practice and company after a stroke.",
        "MO",
        "13:00",
        "15:00",
        "0",
        "Glenkirk",
    ),
    (
        "Sensory Support Drop-in",
        "Clydeview Sensory Service",
        ("day",),
        "Advice and equipment for sight or hearing loss.",
        "2TU",
        "10:00",
        "12:00",
        "0",
        "Levenford",
    ),
]
ACCESS = [
    "Step-free access and an accessible toilet",
    "Hearing loop in the main hall",
    "Level access from the car park; wheelchair accessible",
    "",
]
TRANSPORT = [
    "Bus {n} stops outside.",
    "Ten minutes' walk from {town} station.",
    "Parking at the back; bus {n} nearby.",
]


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

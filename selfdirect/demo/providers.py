"""The demo providers register for `selfdirect seed`: in-house services, private
and voluntary providers on block, spot and framework contracts, and a few
self-employed personal assistants. It holds no one's personal data."""

import datetime
import random
import uuid
from collections import Counter

from selfdirect.accounts.models import Locality
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert
from selfdirect.providers.models import Provider

PROVIDERS = [
    ("Clydeview Home Care (in-house)", "local_authority", "none", None),
    ("Clydeview Day Opportunities", "local_authority", "none", None),
    ("Riverside Care Services Ltd", "private", "block", None),
    ("Kilbride Homecare Ltd", "private", "framework", None),
    ("Carewise Scotland Ltd", "private", "spot", 2),
    ("Allied Support Partners", "private", "spot", 1),
    ("Brightside Care Agency Ltd", "private", "spot", 1),
    ("Leven Valley Crossroads", "voluntary", "framework", 1),
    ("Enable Clydeview", "voluntary", "block", None),
    ("Key Community Supports", "voluntary", "framework", 2),
    ("Lochside Befriending Network", "voluntary", "spot", 1),
    ("Aileen Murray (self-employed PA)", "personal_assistant", "none", 1),
    ("Tomasz Nowak (self-employed PA)", "personal_assistant", "none", 1),
    ("Grace Okafor (self-employed PA)", "personal_assistant", "none", 1),
]
INACTIVE = {"Brightside Care Agency Ltd"}


def providers_by_kind(
    rng: random.Random, now: datetime.datetime
) -> dict[str, list[Provider]]:
    localities = list(Locality.objects.order_by("id").values_list("pk", flat=True))
    existing = {
        p.name: p for p in Provider.objects.filter(name__in=[p[0] for p in PROVIDERS])
    }
    new = [
        Provider(
            public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            name=name,
            kind=kind,
            contract_type=contract,
            active=name not in INACTIVE,
            contact_name="" if kind == "personal_assistant" else "Contracts team",
            phone=f"01389 {rng.randint(100000, 999999)}",
        )
        for name, kind, contract, _ in PROVIDERS
        if name not in existing
    ]
    insert(Provider, new)
    copy_to_history(Provider, [p.pk for p in new], now)
    links = []
    for provider in new:
        count = {p[0]: p[3] for p in PROVIDERS}[provider.name]
        served = (
            localities
            if count is None
            else rng.sample(localities, min(count, len(localities)))
        )
        links += [
            Provider.localities.through(provider=provider, locality_id=pk)
            for pk in served
        ]
    Provider.localities.through.objects.bulk_create(links)
    copy_m2m_to_history(Provider, "localities", [p.pk for p in new])
    by_kind: dict[str, list[Provider]] = {}
    for provider in [*existing.values(), *new]:
        if provider.active:
            by_kind.setdefault(provider.kind, []).append(provider)
    return by_kind


def seed_providers(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """The providers register, before support plans name providers."""
    before = Provider.objects.count()
    providers_by_kind(random.Random(f"providers-{seed}"), now)
    return Counter({"providers": Provider.objects.count() - before})


def keep_providers(person_ids: list[int]) -> None:
    """The register holds no one's personal data: `seed --reset` keeps it."""

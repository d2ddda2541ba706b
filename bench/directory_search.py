"""Time directory searches over 5,000 services on a throwaway PostgreSQL database.

    .venv/bin/python bench/directory_search.py [--services 5000] [--repeat 40]

Creates selfdirect_dirbench_<pid> on 127.0.0.1:5432, migrates it, seeds the demo
directory and postcodes, copies the services (each with its location, schedule,
cost and needs) up to --services, ANALYZEs, then times typical searches through
Django's test client and drops the database whatever happens. Target: p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"
SEARCHES = {
    "need + postcode within 5 miles": "need={need}&postcode=G81+1PF&miles=5",
    "free text": "q=lunch+club",
    "open now + free": "open_now=on&free=on",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    name = f"selfdirect_dirbench_{os.getpid()}"
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "selfdirect.config.test_settings"
    sys.path.insert(0, str(ROOT))
    _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        _benchmark(args)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        _admin(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def _benchmark(args: argparse.Namespace) -> None:
    import django

    django.setup()
    import datetime

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from selfdirect.accounts.models import User
    from selfdirect.demo import directory as demo
    from selfdirect.directory import models as m

    setup_test_environment()
    call_command("migrate", verbosity=0)
    demo.seed_directory(seed=1, today=datetime.date.today(), now=timezone.now())  # noqa: DTZ011
    _multiply(m, args.services)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    user = User.objects.create_user(username="bench", password="x", role="practitioner")  # noqa: S106
    client = Client()
    client.force_login(user)
    need = m.TaxonomyTerm.objects.get(code="company").pk
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{m.Service.objects.count()} services; load average {load}")
    for label, query in SEARCHES.items():
        url = "/directory/?" + query.format(need=need)
        for _ in range(3):  # warm up: templates compiled, plans cached
            client.get(url)
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200  # noqa: S101
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{label:<32} p50 {statistics.median(timings):6.1f} ms   p95 {p95:6.1f} ms"
        )


def _multiply(m: object, target: int) -> None:
    """Copies of the demo services (with fresh ids) until there are `target`."""
    import random

    from django.db import transaction

    models = m  # the directory models module
    rng = random.Random(5)  # noqa: S311 (bench data, not security)
    originals = list(
        models.Service.objects.prefetch_related(
            "service_at_locations__location", "schedules", "cost_options", "attributes"
        )
    )  # type: ignore[attr-defined]
    batches: dict[type, list[object]] = {}
    n = len(originals)
    with transaction.atomic():
        while n < target:
            for original in originals:
                if n >= target:
                    break
                n += 1
                service = models.Service(
                    id=uuid.uuid4(),
                    organization_id=original.organization_id,
                    name=f"{original.name} {n}",
                    description=original.description,
                    is_free=original.is_free,
                    fees_description=original.fees_description,
                )  # type: ignore[attr-defined]
                batches.setdefault(models.Service, []).append(service)  # type: ignore[attr-defined]
                for sal in original.service_at_locations.all():
                    loc = sal.location
                    copy = models.Location(
                        id=uuid.uuid4(),
                        location_type="physical",
                        name=loc.name,
                        latitude=loc.latitude + rng.uniform(-0.3, 0.3),
                        longitude=loc.longitude + rng.uniform(-0.5, 0.5),
                    )  # type: ignore[attr-defined]
                    batches.setdefault(models.Location, []).append(copy)  # type: ignore[attr-defined]
                    batches.setdefault(models.ServiceAtLocation, []).append(
                        models.ServiceAtLocation(
                            id=uuid.uuid4(), service=service, location=copy
                        )
                    )  # type: ignore[attr-defined]
                for s in original.schedules.all():
                    batches.setdefault(models.Schedule, []).append(
                        models.Schedule(
                            id=uuid.uuid4(),
                            service=service,
                            freq=s.freq,
                            byday=s.byday,
                            opens_at=s.opens_at,
                            closes_at=s.closes_at,
                        )
                    )  # type: ignore[attr-defined]
                for a in original.attributes.all():
                    batches.setdefault(models.Attribute, []).append(
                        models.Attribute(
                            id=uuid.uuid4(),
                            service=service,
                            taxonomy_term_id=a.taxonomy_term_id,
                        )
                    )  # type: ignore[attr-defined]
        for model in (
            models.Service,
            models.Location,
            models.ServiceAtLocation,
            models.Schedule,
            models.Attribute,
        ):  # type: ignore[attr-defined]
            model.objects.bulk_create(batches.get(model, []), batch_size=2000)


if __name__ == "__main__":
    main()

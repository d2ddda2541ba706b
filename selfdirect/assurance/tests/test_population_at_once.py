"""Reading every case file on several connections at once (PostgreSQL, outside a
transaction, as the background worker runs it): the same answers as one file at
a time, each range on its own connection, and the progress told range by range."""

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from selfdirect.assurance import population
from selfdirect.assurance.models import PersonReading
from selfdirect.insights.tests import practice_example
from selfdirect.testing.personas import Personas

pytestmark = pytest.mark.journey("reviews", "panel", "delivery")


@pytest.mark.django_db(transaction=True)
def test_ranges_read_at_once_keep_the_per_file_answers(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("several connections at once: PostgreSQL only")
    practice_example.build()
    as_of = timezone.localdate()
    own = population._on_own_connection
    backends: list[int] = []

    def recording(work: Any, group: list[int]) -> int:
        def work_and_note(group: list[int]) -> int:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backends.append(cursor.fetchone()[0])
            return int(work(group))

        return int(own(work_and_note, group))

    monkeypatch.setattr(population, "_on_own_connection", recording)
    told: list[tuple[int, int]] = []
    done = population.read_everyone(
        as_of=as_of, chunk=3, workers=2, report=lambda d, t: told.append((d, t))
    )
    ids = list(population.population().order_by("pk").values_list("pk", flat=True))
    ranges = len(list(population.chunks(ids, 3)))
    assert done == len(ids)
    # Each range on a worker thread's own connection, never this one.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        mine = cursor.fetchone()[0]
    assert len(backends) == ranges and mine not in backends
    # Told once a range, in the order the ranges finish.
    assert len(told) == ranges and told[-1] == (len(ids), len(ids))
    assert [d for d, _ in told] == sorted({d for d, _ in told})
    kept = {r.person_id: r.answers for r in PersonReading.objects.all()}
    assert kept == population.read_group(ids, as_of=as_of)


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_it_reads_on_this_connection(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other connections could not see records not yet committed."""
    from django.db import transaction

    practice_example.build()
    calls: list[int] = []

    def noted(work: Any, group: list[int]) -> int:
        calls.append(len(group))
        return 0

    monkeypatch.setattr(population, "_on_own_connection", noted)
    with transaction.atomic():
        done = population.read_everyone(chunk=3, workers=2)
    assert calls == []
    assert done == population.population().count()
    assert PersonReading.objects.count() == done

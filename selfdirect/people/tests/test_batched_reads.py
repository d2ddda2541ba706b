"""The person page's reads, batched into one statement (core.batched), give what
each queryset gives read on its own: the same rows, values, types and related
records, on SQLite and on PostgreSQL."""

from typing import Any

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from selfdirect.core.batched import evaluate_together, stream_together
from selfdirect.core.hooks import _person_sections
from selfdirect.people import selectors
from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())


def _state(obj: Any) -> Any:
    if not hasattr(obj, "_state"):
        return obj
    values = {k: v for k, v in vars(obj).items() if not k.startswith("_")}
    related = {
        name: _state(value)
        for name, value in obj._state.fields_cache.items()
        if value is not None
    }
    return (type(obj), values, related)


def _reads(personas) -> list[Any]:
    request = RequestFactory().get("/")
    request.user = personas.practitioner_a
    person = personas.person
    found = [selectors.journey_read(person), *selectors.summary_reads(person).values()]
    for section in _person_sections():
        if section.reads is not None:
            found += section.reads(request, person).values()
    return found


def test_batched_reads_equal_the_querysets_read_one_by_one(personas) -> None:
    alone = [[_state(o) for o in qs] for qs in _reads(personas)]
    batched = _reads(personas)
    with CaptureQueriesContext(connection) as queries:
        evaluate_together(*batched)
    assert len(queries) == 1
    assert [[_state(o) for o in qs] for qs in batched] == alone
    assert sum(map(len, alone)) >= 15  # records at every stage


def test_streamed_reads_equal_the_querysets_read_one_by_one(personas) -> None:
    reads = _reads(personas)
    alone = {n: [_state(o) for o in qs.all()] for n, qs in enumerate(reads)}
    streamed = {
        n: [_state(o) for o in objects]
        for n, objects in stream_together([qs.all() for qs in reads], chunk_size=3)
    }
    assert streamed == {n: rows for n, rows in alone.items() if rows}

"""Writing behind (demo/writer.py): a read sees every write queued before it, and a
failed write is raised in the seed, not lost on the writer thread."""

import pytest
from django.db import connection, transaction

from selfdirect.demo.bulk import insert, new
from selfdirect.demo.writer import current, writing_behind
from selfdirect.people.models import ServiceGroup

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="writes behind on PostgreSQL only"
)


def _group(code: str) -> ServiceGroup:
    return new(ServiceGroup, code=code, name=code, published_grouping="Other")


@pytest.mark.django_db
def test_a_read_waits_for_the_writes_queued_before_it() -> None:
    with writing_behind():
        assert current() is not None
        made = insert(ServiceGroup, [_group(f"behind-{n}") for n in range(300)])
        found = ServiceGroup.objects.filter(code__startswith="behind-").count()
    assert current() is None
    assert found == 300
    assert all(group.pk for group in made)


@pytest.mark.django_db
def test_a_failed_write_is_raised_at_the_next_query() -> None:
    with (  # noqa: PT012 - the failure surfaces at the query after the insert
        pytest.raises(RuntimeError, match="bulk write"),
        transaction.atomic(),
        writing_behind(),
    ):
        insert(ServiceGroup, [_group("twice"), _group("twice")])
        ServiceGroup.objects.count()
    assert current() is None

"""Details dataclasses become model field values without copying related records."""

import datetime
from dataclasses import dataclass

from selfdirect.core.details import field_values


@dataclass(frozen=True)
class _Details:
    when: datetime.date
    who: object
    tags: list[str]


def test_field_values_keep_related_records_as_they_are() -> None:
    record, tags = object(), ["a"]
    values = field_values(_Details(datetime.date(2026, 1, 5), record, tags))
    assert values == {"when": datetime.date(2026, 1, 5), "who": record, "tags": tags}
    assert values["who"] is record
    assert values["tags"] is tags

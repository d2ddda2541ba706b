"""Test helper: the details a record holds now, with some of them changed."""

from dataclasses import fields
from typing import Any, TypeVar

from django.db import models

D = TypeVar("D")


def details_of(cls: type[D], record: models.Model, **changes: Any) -> D:
    """Build a details dataclass from a record's current values, then apply changes,
    as an edit form does when one answer is changed."""
    current = {f.name: getattr(record, f.name) for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{**current, **changes})

"""Details: what a service is told about a record, as a frozen dataclass.

A form builds the details from its cleaned data; the service reads typed fields
and hands them to the model with `field_values`.
"""

from dataclasses import fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def field_values(details: "DataclassInstance") -> dict[str, Any]:
    """The details as model field values (shallow: related records stay as they are,
    unlike dataclasses.asdict, which copies them)."""
    return {field.name: getattr(details, field.name) for field in fields(details)}

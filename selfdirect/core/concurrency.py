"""Optimistic version check: the second of two edits never silently wins."""

from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: Any
    after: Any


class EditConflict(Exception):
    """Someone else saved the record after this edit began."""

    def __init__(self, current: models.Model, changes: list[Change]) -> None:
        super().__init__("The record was changed by someone else.")
        self.current = current
        self.changes = changes


def changes_since(instance: models.Model, version: int) -> list[Change]:
    """What changed in a history-tracked record since the given version was read."""
    history = instance.history  # type: ignore[attr-defined]
    then = history.filter(version=version).order_by("-history_date").first()
    if then is None:
        return []
    now = history.order_by("-history_date", "-history_id").first()
    delta = now.diff_against(then, excluded_fields=["version", "updated_at"])
    meta = type(instance)._meta
    return [
        Change(
            field=c.field,
            label=str(meta.get_field(c.field).verbose_name).capitalize(),  # type: ignore[union-attr]
            before=c.old,
            after=c.new,
        )
        for c in delta.changes
    ]


def save_versioned(
    instance: models.Model, *, expected_version: int, fields: list[str]
) -> None:
    """Save the given fields only if nobody saved since expected_version.

    The compare-and-swap on `version` happens in one UPDATE, so it holds on
    SQLite and PostgreSQL alike; the ordinary save that follows writes history.
    Call inside a transaction.
    """
    model = type(instance)
    claimed = model._default_manager.filter(
        pk=instance.pk, version=expected_version
    ).update(version=expected_version + 1)
    if not claimed:
        current = model._default_manager.get(pk=instance.pk)
        raise EditConflict(current, changes_since(current, expected_version))
    instance.version = expected_version + 1  # type: ignore[attr-defined]
    instance.save(update_fields=[*fields, "version", "updated_at"])


def save_new(row: M, by: Any) -> M:
    """Save a new record with `by` as the author of its first history row."""
    row._history_user = by  # type: ignore[attr-defined]
    row.save()
    return row


def update_versioned(
    row: models.Model, *, by: Any, version: int, details: dict[str, Any]
) -> None:
    """Set these fields and save them if nobody saved since `version`, with `by`
    as the author of the history row (EditConflict otherwise)."""
    for name, value in details.items():
        setattr(row, name, value)
    row._history_user = by  # type: ignore[attr-defined]
    save_versioned(row, expected_version=version, fields=list(details))


def save_new_or_refuse(row: M, by: Any, *, refusal: Any) -> M:
    """`save_new`, but where a database rule of "only one" (a conditional unique
    constraint) refuses the row, for instance when two saves race, raise a
    ValidationError with `refusal` instead of a server error."""
    try:
        with transaction.atomic():
            return save_new(row, by)
    except IntegrityError as error:
        raise ValidationError(refusal) from error

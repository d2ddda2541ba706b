"""Reads of the audit trail: a person's change history and access log."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from .models import AccessLog
from .subject_access import Registration, person_filter, registrations


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: object
    after: object


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    by: str
    record: str
    kind: str
    changes: list[FieldChange] = field(default_factory=list)


_KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}
_SKIP = {"version", "updated_at", "created_at"}


def _field_changes(model: Any, row: Any, previous: Any) -> list[FieldChange]:
    if previous is None or previous.id != row.id:
        return []
    delta = row.diff_against(previous, excluded_fields=list(_SKIP))
    return [
        FieldChange(
            str(model._meta.get_field(c.field).verbose_name).capitalize(),
            c.old,
            c.new,
        )
        for c in delta.changes
    ]


def _entries(entry: Registration, person_ids: list[int]) -> list[HistoryEntry]:
    history: Any = getattr(entry.model, "history", None)
    if history is None:
        return []
    pks = entry.model._default_manager.filter(
        person_filter(entry, person_ids)
    ).values_list("pk", flat=True)
    rows: list[Any] = list(
        history.filter(id__in=list(pks))
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    record = str(entry.model._meta.verbose_name).capitalize()
    return [
        HistoryEntry(
            when=row.history_date,
            by=str(row.history_user) if row.history_user else "System",
            record=record,
            kind=_KINDS.get(row.history_type, row.history_type),
            changes=_field_changes(entry.model, row, rows[i - 1] if i else None),
        )
        for i, row in enumerate(rows)
    ]


def change_history(person_ids: list[int], *, limit: int = 500) -> list[HistoryEntry]:
    """Every recorded change to a person's records, newest first."""
    entries = [e for entry in registrations() for e in _entries(entry, person_ids)]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def access_log(person_ids: list[int]) -> QuerySet[AccessLog]:
    """Who opened a person's record, newest first."""
    return (
        AccessLog.objects.filter(person_id__in=person_ids)
        .select_related("user")
        .order_by("-at", "-id")
    )

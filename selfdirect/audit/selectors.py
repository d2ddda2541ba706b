"""Reads of the audit trail: a person's change history and access log."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from .models import AccessLog
from .subject_access import person_filter, registrations


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


def change_history(person_ids: list[int], *, limit: int = 500) -> list[HistoryEntry]:
    """Every recorded change to a person's records, newest first."""
    entries: list[HistoryEntry] = []
    for entry in registrations():
        history = getattr(entry.model, "history", None)
        if history is None:
            continue
        pks = entry.model._default_manager.filter(
            person_filter(entry, person_ids)
        ).values_list("pk", flat=True)
        rows = list(
            history.filter(id__in=list(pks))
            .select_related("history_user")
            .order_by("id", "history_date", "history_id")
        )
        previous = None
        for row in rows:
            changes = []
            if previous is not None and previous.id == row.id:
                delta = row.diff_against(previous, excluded_fields=list(_SKIP))
                changes = [
                    FieldChange(
                        str(entry.model._meta.get_field(c.field).verbose_name).capitalize(),
                        c.old,
                        c.new,
                    )
                    for c in delta.changes
                ]
            entries.append(
                HistoryEntry(
                    when=row.history_date,
                    by=str(row.history_user) if row.history_user else "System",
                    record=str(entry.model._meta.verbose_name).capitalize(),
                    kind=_KINDS.get(row.history_type, row.history_type),
                    changes=changes,
                )
            )
            previous = row
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def access_log(person_ids: list[int]) -> QuerySet[AccessLog]:
    """Who opened a person's record, newest first."""
    return (
        AccessLog.objects.filter(person_id__in=person_ids)
        .select_related("user")
        .order_by("-at", "-id")
    )

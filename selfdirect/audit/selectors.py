"""Reads of the audit trail: a person's change history and access log."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet

from selfdirect.accounts.models import User

from .models import AccessLog, AccessRefusal
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


@dataclass(frozen=True)
class UnusualActivity:
    """A user's refusals and reads of people's records over a period."""

    user: User
    refusals: int
    reads: int


def unusual_activity(since: datetime.datetime) -> list[UnusualActivity]:
    """Users with at least ACCESS_REVIEW_REFUSALS refusals or ACCESS_REVIEW_READS
    reads of people's records since the moment given, most refusals first; both
    counted in the database."""
    refusals = dict(
        AccessRefusal.objects.filter(at__gte=since)
        .values_list("user")
        .annotate(n=Count("id"))
        .values_list("user", "n")
    )
    reads = dict(
        AccessLog.objects.filter(at__gte=since, action="view")
        .values_list("user")
        .annotate(n=Count("id"))
        .values_list("user", "n")
    )
    flagged = {u for u, n in refusals.items() if n >= settings.ACCESS_REVIEW_REFUSALS}
    flagged |= {u for u, n in reads.items() if n >= settings.ACCESS_REVIEW_READS}
    users = User.objects.in_bulk(flagged)
    rows = [
        UnusualActivity(users[u], refusals.get(u, 0), reads.get(u, 0)) for u in flagged
    ]
    return sorted(rows, key=lambda r: (-r.refusals, -r.reads, r.user.username))


def refusals_since(since: datetime.datetime) -> QuerySet[AccessRefusal]:
    """Every refusal since the moment given, newest first, with its user."""
    return (
        AccessRefusal.objects.filter(at__gte=since)
        .select_related("user")
        .order_by("-at", "-id")
    )

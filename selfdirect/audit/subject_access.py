"""Subject access (UK GDPR Article 15): every record held about a person.

Each app lists its person-linked models under SUBJECT_ACCESS in its hooks.py
(selfdirect.core.hooks); a test fails when a model that points at a person is not
listed.
"""

import datetime
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Exists, Q
from django.utils import timezone

from selfdirect.core.batched import stream_together
from selfdirect.core.hooks import subject_access_sections
from selfdirect.core.pdf import render_pdf


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    person_paths: tuple[str, ...]
    title: str


def _registry() -> dict[str, Registration]:
    """Every app's SUBJECT_ACCESS sections, by model label."""
    found: dict[str, Registration] = {}
    for section in subject_access_sections():
        model = apps.get_model(section.model)
        title = section.title or str(model._meta.verbose_name_plural).capitalize()
        found[model._meta.label] = Registration(model, section.person_paths, title)
    return found


def registered_models() -> set[type[models.Model]]:
    """The models covered by the export."""
    return {entry.model for entry in _registry().values()}


# Rows are read in chunks of this many (a server-side cursor on PostgreSQL), so
# memory stays flat however long the record grows.
CHUNK_SIZE = 500

_CHANGE = {"+": "created", "~": "changed", "-": "deleted"}


def _value(obj: models.Model, field: models.Field) -> Any:  # type: ignore[type-arg]
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    if isinstance(field, models.ForeignKey):
        related = getattr(obj, field.name)
        return str(related) if related is not None else None
    return getattr(obj, field.attname)


def _fields(model: type[models.Model]) -> list[models.Field]:  # type: ignore[type-arg]
    hidden = {"id", "last_name_key", "first_name_key", "preferred_name_key"}
    return [f for f in model._meta.concrete_fields if f.name not in hidden]


def _foreign_keys(model: type[models.Model], depth: int = 2) -> list[str]:
    """Every foreign key, read in the same query as its row (no query per row),
    and theirs in turn: a related record's name may come from its own foreign key
    (a carer's offer is named by the carer, and the carer by their person)."""
    paths = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        paths.append(field.name)
        related = field.related_model
        if depth > 1 and related is not model and isinstance(related, type):
            paths += [
                f"{field.name}__{path}" for path in _foreign_keys(related, depth - 1)
            ]
    return paths


def _selected(entry: Registration, person_ids: list[int]) -> "models.QuerySet[Any]":
    rows = entry.model._default_manager.filter(person_filter(entry, person_ids))
    if len(entry.person_paths) > 1:
        rows = rows.distinct()
    return rows


def _history_read(
    model: type[models.Model], selected: "models.QuerySet[Any]"
) -> "models.QuerySet[Any]":
    """The history of the selected rows, in record order then oldest first."""
    history: Any = getattr(model, "history", None)
    if history is None:
        return model._default_manager.none()
    return (
        history.filter(id__in=selected.values("pk"))
        .select_related(*_foreign_keys(history.model))
        .order_by("id", "history_date", "history_id")
    )


def _history_entry(model: type[models.Model], row: Any) -> dict[str, Any]:
    return {
        "when": row.history_date,
        "by": str(row.history_user) if row.history_user else "system",
        "change": _CHANGE.get(row.history_type, row.history_type),
        "values": {
            f.name: _value(row, f) for f in _fields(model) if hasattr(row, f.attname)
        },
    }


def _records(
    entry: Registration, rows: Iterator[Any], history: Iterator[Any]
) -> Iterator[dict[str, Any]]:
    """Each row with its history: both in primary key order, walked together, so
    neither is held whole in memory."""
    fields = _fields(entry.model)
    pending: Any = next(history, None)
    for row in rows:
        changes = []
        while pending is not None and pending.id <= row.pk:
            if pending.id == row.pk:
                changes.append(_history_entry(entry.model, pending))
            pending = next(history, None)
        yield {
            "record": str(row),
            "values": {f.name: _value(row, f) for f in fields},
            "history": changes,
        }


def iter_sections(
    person_ids: list[int],
) -> Iterator[tuple[Registration, Iterator[dict[str, Any]]]]:
    """Every registered section in order, each with its records about these people
    (with their history), read in chunks: two queries in all, whatever the number
    of sections or rows (``core.batched.stream_together``: every section's rows in
    one statement, every section's history in another). Consume each section's
    records before the next."""
    entries = registrations()
    selected = [_selected(entry, person_ids) for entry in entries]
    rows = stream_together(
        [
            chosen.select_related(*_foreign_keys(entry.model)).order_by("pk")
            for entry, chosen in zip(entries, selected, strict=True)
        ],
        CHUNK_SIZE,
    )
    histories: Iterator[tuple[int, Iterator[Any]]] | None = None
    history: tuple[int, Iterator[Any]] | None = None
    found = next(rows, None)
    for number, entry in enumerate(entries):
        if found is None or found[0] != number:
            yield entry, iter(())
            continue
        if histories is None:  # only asked for once there is a row to match it to
            histories = stream_together(
                [
                    _history_read(e.model, chosen)
                    for e, chosen in zip(entries, selected, strict=True)
                ],
                CHUNK_SIZE,
            )
            history = next(histories, None)
        while history is not None and history[0] < number:
            history = next(histories, None)
        changes = history[1] if history is not None and history[0] == number else None
        yield entry, _records(entry, found[1], changes or iter(()))
        found = next(rows, None)


def iter_records(
    entry: Registration, person_ids: list[int]
) -> Iterator[dict[str, Any]]:
    """Each record of one section about these people, with its history."""
    for found, records in iter_sections(person_ids):
        if found.model is entry.model:
            yield from records
            return
        for _ in records:
            pass


def holding(person: models.Model, person_ids: list[int]) -> set[str]:
    """The labels of the registered models holding any record about these people,
    asked in one query (an EXISTS a model), so an empty section costs no query."""
    entries = registrations()
    checks = {
        f"has_{number}": Exists(_selected(entry, person_ids).order_by())
        for number, entry in enumerate(entries)
    }
    found = (
        type(person)._default_manager.filter(pk=person.pk).values(**checks).first()
        or {}
    )
    return {
        entry.model._meta.label
        for number, entry in enumerate(entries)
        if found.get(f"has_{number}")
    }


def _section_order(item: tuple[str, Registration]) -> tuple[bool, bool, str]:
    label, entry = item
    return (label.startswith("audit."), entry.person_paths != ("",), label)


def registrations() -> list[Registration]:
    """Registered models, the person's own record first and the audit trail last."""
    return [entry for _, entry in sorted(_registry().items(), key=_section_order)]


def person_filter(entry: Registration, person_ids: list[int]) -> Q:
    """The condition selecting this model's rows about any of these people."""
    condition = Q()
    for path in entry.person_paths:
        condition |= Q(**{f"{path}__in": person_ids}) if path else Q(pk__in=person_ids)
    return condition


def subject_ids(person: models.Model) -> list[int]:
    """The person and the records merged into theirs."""
    merged = (
        type(person)
        ._default_manager.filter(merged_into=person)
        .values_list("pk", flat=True)
    )
    return [person.pk, *merged]


def _heading(person: models.Model) -> dict[str, Any]:
    return {
        "subject": str(person),
        "reference": str(person.public_id),  # type: ignore[attr-defined]
        "produced_at": timezone.now(),
    }


def export_person(person: models.Model) -> dict[str, Any]:
    """Everything held about a person (and records merged into theirs), with history.

    Held whole in memory: for tests and small records. Downloads stream
    (`json_chunks`) or run in the background worker (audit.exports).
    """
    sections = [
        {
            "title": entry.title,
            "model": entry.model._meta.label,
            "records": list(records),
        }
        for entry, records in iter_sections(subject_ids(person))
    ]
    return {**_heading(person), "sections": sections}


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, indent=indent, ensure_ascii=False)


def as_json(export: dict[str, Any]) -> str:
    return _dumps(export, indent=2)


def json_chunks(person: models.Model, size: int = 64 * 1024) -> Iterator[str]:
    """The export as JSON text, written record by record in pieces of about
    `size` characters: constant memory, and a fixed number of queries."""
    buffer: list[str] = []
    length = 0
    for piece in _json_pieces(person):
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    yield "".join(buffer)


def _json_pieces(person: models.Model) -> Iterator[str]:
    heading = _dumps(_heading(person), indent=2)
    yield heading[: heading.rindex("}")].rstrip() + ',\n  "sections": ['
    sections = iter_sections(subject_ids(person))
    for number, (entry, records) in enumerate(sections):
        title = _dumps(entry.title)
        label = _dumps(entry.model._meta.label)
        yield (",\n" if number else "\n") + (
            f'    {{"title": {title}, "model": {label}, "records": ['
        )
        for count, record in enumerate(records):
            yield ("," if count else "") + "\n      " + _dumps(record)
        yield "\n    ]}"
    yield "\n  ]\n}\n"


def as_pdf(export: dict[str, Any]) -> bytes:
    """The export as a tagged PDF with real text (WeasyPrint)."""
    return render_pdf("audit/subject_access.html", {"export": export})


def filename(export: dict[str, Any], extension: str) -> str:
    return filename_for(export["reference"], extension)


def filename_for(reference: str, extension: str, part: str = "") -> str:
    today = datetime.date.today().isoformat()  # noqa: DTZ011 - a date in a file name
    middle = f"-{part}" if part else ""
    return f"subject-access-{reference}{middle}-{today}.{extension}"

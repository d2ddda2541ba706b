"""Subject access (UK GDPR Article 15): every record held about a person.

Each app lists its person-linked models under SUBJECT_ACCESS in its hooks.py
(selfdirect.core.hooks); a test fails when a model that points at a person is not
listed.
"""

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

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


def _history(
    model: type[models.Model], pks: list[int]
) -> dict[int, list[dict[str, Any]]]:
    history = getattr(model, "history", None)
    found: dict[int, list[dict[str, Any]]] = {pk: [] for pk in pks}
    if history is None:
        return found
    change = {"+": "created", "~": "changed", "-": "deleted"}
    rows = (
        history.filter(id__in=pks)
        .select_related("history_user")
        .order_by("history_date")
    )
    for row in rows:
        found[row.id].append(
            {
                "when": row.history_date,
                "by": str(row.history_user) if row.history_user else "system",
                "change": change.get(row.history_type, row.history_type),
                "values": {
                    f.name: _value(row, f)
                    for f in _fields(model)
                    if hasattr(row, f.attname)
                },
            }
        )
    return found


def _records(entry: Registration, person_ids: list[int]) -> list[dict[str, Any]]:
    rows = list(
        entry.model._default_manager.filter(person_filter(entry, person_ids)).distinct()
    )
    history = _history(entry.model, [row.pk for row in rows])
    fields = _fields(entry.model)
    return [
        {
            "record": str(row),
            "values": {f.name: _value(row, f) for f in fields},
            "history": history[row.pk],
        }
        for row in rows
    ]


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


def export_person(person: models.Model) -> dict[str, Any]:
    """Everything held about a person (and records merged into theirs), with history."""
    merged = list(
        type(person)
        ._default_manager.filter(merged_into=person)
        .values_list("pk", flat=True)
    )
    person_ids = [person.pk, *merged]
    sections = [
        {"title": entry.title, "model": label, "records": _records(entry, person_ids)}
        for label, entry in sorted(_registry().items(), key=_section_order)
    ]
    return {
        "subject": str(person),
        "reference": str(person.public_id),  # type: ignore[attr-defined]
        "produced_at": timezone.now(),
        "sections": sections,
    }


def as_json(export: dict[str, Any]) -> str:
    return json.dumps(export, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def as_pdf(export: dict[str, Any]) -> bytes:
    """The export as a tagged PDF with real text (WeasyPrint)."""
    return render_pdf("audit/subject_access.html", {"export": export})


def filename(export: dict[str, Any], extension: str) -> str:
    today = datetime.date.today().isoformat()  # noqa: DTZ011 - a date in a file name
    return f"subject-access-{export['reference']}-{today}.{extension}"

"""A fingerprint of everything in the database: per table, its row count and a hash
of its rows.

Two databases holding the same demo data have the same fingerprint even when their
sequences handed out other ids (a reseed, or PostgreSQL after a rollback): an integer
id, or a reference to one, is replaced by its position among that table's ids, and
a history row by the record it is the history of, and a reference written into
JSON as "app.Model:id" (a case file's reference to a record with no public id) by
its position too. Rows are hashed in sorted order,
because history copied in bulk takes whatever order the database scans in. Columns
that hold the wall clock or a salted password hash are left out.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from django.apps import apps
from django.db import models

SKIPPED_APPS = {"admin", "auth", "axes", "contenttypes", "sessions"}
WALL_CLOCK = {"created_at", "updated_at", "history_date", "date_joined", "loaded_at"}
VOLATILE = WALL_CLOCK | {"at", "last_login", "password"}
INTEGER_KEYS = (models.AutoField, models.BigAutoField, models.IntegerField)

Model = type[models.Model]
Refs = dict[Model, dict[Any, Any]]
# "app.Model:id" inside JSON (assurance.export.fields.ref).
JSON_REF = re.compile(r"\b([a-z_]+\.[A-Za-z]+):(\d+)\b")


def fingerprint() -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its rows, ids made relative."""
    tables = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in SKIPPED_APPS
    ]
    refs: Refs = {}
    for model in tables:
        if not _is_history(model) and isinstance(model._meta.pk, INTEGER_KEYS):
            ids = model._base_manager.order_by("pk").values_list("pk", flat=True)
            refs[model] = {pk: n for n, pk in enumerate(ids)}
    for model in filter(_is_history, tables):
        rows = model._base_manager.values_list("pk", "id")
        base = _instance_type(model)
        refs[model] = {pk: _ref(refs, base, of) for pk, of in rows}
    return {model._meta.db_table: _table(model, refs) for model in tables}


def _is_history(model: Model) -> bool:
    return hasattr(model, "instance_type")


def _instance_type(model: Model) -> Model:
    """The model a history model keeps the history of."""
    return model.instance_type  # type: ignore[attr-defined,no-any-return]


def _ref(refs: Refs, target: Model | None, value: Any) -> Any:
    if target not in refs or value is None:
        return value
    return refs[target].get(value, "gone")


def _target(model: Model, field: models.Field[Any, Any]) -> Model | None:
    """The model whose ids this column holds, if any."""
    if field.primary_key:
        return model
    if field.many_to_one or field.one_to_one:
        return field.related_model  # type: ignore[return-value]
    if field.attname == "id" and _is_history(model):
        return _instance_type(model)
    return None


def _table(model: Model, refs: Refs) -> tuple[int, str]:
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.attname not in VOLATILE and not (f.primary_key and _is_history(model))
    ]
    targets = [_target(model, f) for f in fields]
    rows = model._base_manager.values_list(*(f.attname for f in fields))
    lines = sorted(
        _json_refs(
            json.dumps(
                [_ref(refs, t, v) for t, v in zip(targets, row, strict=True)],
                sort_keys=True,
                default=str,
            ),
            refs,
        )
        for row in rows.iterator()
    )
    digest = hashlib.sha256("\n".join(lines).encode())
    return len(lines), digest.hexdigest()[:16]


def _json_refs(line: str, refs: Refs) -> str:
    """Each "app.Model:id" in a row's JSON as the id's position in its table."""

    def position(found: re.Match[str]) -> str:
        try:
            model = apps.get_model(found.group(1))
        except (LookupError, ValueError):
            return found.group(0)
        return f"{found.group(1)}:#{_ref(refs, model, int(found.group(2)))}"

    return JSON_REF.sub(position, line)

"""A fingerprint of everything in the database: per table, its row count and a hash
of its rows.

Two databases holding the same demo data have the same fingerprint even when their
sequences handed out different ids (a reseed with --reset, or PostgreSQL after other
tests): an integer id, or a reference to one, is replaced by its position among that
table's ids. Columns that hold the wall clock or a salted password hash are left out.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.apps import apps
from django.db import models

SKIPPED_APPS = {"admin", "auth", "axes", "contenttypes", "sessions"}
WALL_CLOCK = {"created_at", "updated_at", "history_date", "date_joined", "loaded_at"}
VOLATILE = WALL_CLOCK | {"at", "last_login", "password"}
INTEGER_KEYS = (models.AutoField, models.BigAutoField, models.IntegerField)

Ranks = dict[type[models.Model], dict[Any, int]]


def fingerprint() -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of its rows in id order."""
    tables = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in SKIPPED_APPS
    ]
    ranks: Ranks = {model: _ranks(model) for model in tables if _integer_key(model)}
    return {model._meta.db_table: _table(model, ranks) for model in tables}


def _integer_key(model: type[models.Model]) -> bool:
    return isinstance(model._meta.pk, INTEGER_KEYS)


def _ranks(model: type[models.Model]) -> dict[Any, int]:
    ids = model._base_manager.order_by("pk").values_list("pk", flat=True)
    return {pk: n for n, pk in enumerate(ids)}


def _target(model: type[models.Model], field: models.Field[Any, Any]) -> Any:
    """The model whose ids this column holds, if any."""
    if field.primary_key:
        return model
    if field.many_to_one or field.one_to_one:
        return field.related_model
    if field.attname == "id" and hasattr(model, "instance_type"):  # a history row
        return model.instance_type
    return None


def _table(model: type[models.Model], ranks: Ranks) -> tuple[int, str]:
    fields = [f for f in model._meta.concrete_fields if f.attname not in VOLATILE]
    targets = [ranks.get(_target(model, f)) for f in fields]
    rows = model._base_manager.order_by("pk").values_list(*(f.attname for f in fields))
    digest, count = hashlib.sha256(), 0
    for row in rows.iterator():
        values = [
            value if rank is None or value is None else rank.get(value, "gone")
            for value, rank in zip(row, targets, strict=True)
        ]
        digest.update(json.dumps(values, sort_keys=True, default=str).encode())
        count += 1
    return count, digest.hexdigest()[:16]

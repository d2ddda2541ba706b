"""Bulk loading helpers for demo and scale data."""

import datetime
from typing import Any

from django.apps import apps
from django.db import connection, models


def copy_to_history(
    model: type[models.Model], ids: list[int], now: datetime.datetime
) -> int:
    """Write a creation ('+') history row for each of these rows, copied in SQL.

    simple_history's bulk_create_with_history builds a model instance for every
    history row, which took 40% of the whole seed; copying in the database is
    almost free and makes each history row exactly what was stored.
    """
    if not ids:
        return 0
    history = model.history.model  # type: ignore[attr-defined]
    q = connection.ops.quote_name
    columns = ", ".join(q(field.column) for field in history.tracked_fields)
    # Names come from model metadata and values are parameters (hence noqa).
    sql = (
        f"INSERT INTO {q(history._meta.db_table)} ({columns}, history_date, "  # noqa: S608
        f"history_type) SELECT {columns}, %s, '+' FROM {q(model._meta.db_table)} "
        f"WHERE {q(str(model._meta.pk.column))} IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        params: list[Any] = [connection.ops.adapt_datetimefield_value(now), *ids]
        cursor.execute(sql, params)
        return cursor.rowcount


def copy_m2m_to_history(model: type[models.Model], field: str, ids: list[int]) -> None:
    """Record bulk-created many-to-many links on each row's creation history row."""
    if not ids:
        return
    through = getattr(model, field).through
    links = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{field}")
    history = model.history.model  # type: ignore[attr-defined]
    q = connection.ops.quote_name
    owner = q(f"{model._meta.model_name}_id")
    target = next(
        q(f.column)
        for f in through._meta.fields
        if f.is_relation and f.related_model is not model
    )
    # Names come from model metadata and values are parameters (hence noqa).
    sql = (
        f"INSERT INTO {q(links._meta.db_table)} (history_id, id, {owner}, {target}) "  # noqa: S608
        f"SELECT h.history_id, t.id, t.{owner}, t.{target} "
        f"FROM {q(through._meta.db_table)} t "
        f"JOIN {q(history._meta.db_table)} h ON h.id = t.{owner} "
        f"WHERE t.{owner} IN ({', '.join(['%s'] * len(ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)


def insert(model: type[models.Model], objs: list[Any]) -> list[Any]:
    """Insert new rows fast and give each its primary key.

    On PostgreSQL the ids are drawn from the table's sequence first and the rows
    sent with COPY, several times faster than bulk_create's INSERT for demo and
    scale data; other databases use bulk_create.
    """
    if not objs or connection.vendor != "postgresql":
        return model._default_manager.bulk_create(objs)
    meta = model._meta
    fields = list(meta.concrete_fields)
    for obj in objs:  # copies the ids of related objects saved just before
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s)",
            [meta.db_table, str(meta.pk.column) if meta.pk else "id", len(objs)],
        )
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
        columns = ", ".join(q(str(f.column)) for f in fields)
        with cursor.cursor.copy(
            f"COPY {q(meta.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objs:
                copy.write_row([_copy_value(f, obj) for f in fields])
    for obj in objs:
        obj._state.adding = False
    return objs


def _copy_value(field: models.Field, obj: Any) -> Any:  # type: ignore[type-arg]
    if isinstance(field, models.JSONField):
        return field.get_db_prep_save(getattr(obj, field.attname), connection)
    if isinstance(field, models.DateTimeField) and (
        field.auto_now or field.auto_now_add
    ):
        return field.pre_save(obj, add=True)
    return getattr(obj, field.attname)

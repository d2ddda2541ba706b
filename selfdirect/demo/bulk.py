"""Bulk loading helpers for demo and scale data."""

import datetime
import operator
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, models
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.signals import post_init, pre_init
from django.utils import timezone

from selfdirect.demo import writer

M = TypeVar("M", bound=models.Model)


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
        f"WHERE {_among(q(str(model._meta.pk.column)), ids)}"
    )
    params: list[Any] = [connection.ops.adapt_datetimefield_value(now)]
    params += _ids_params(ids)
    if (behind := writer.current()) is not None:
        behind.submit(lambda raw: raw.execute(sql, params))
        return len(set(ids))  # a history row for each row: written in order
    with connection.cursor() as cursor:
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
        f"WHERE {_among(f't.{owner}', ids)}"
    )
    params = _ids_params(ids)
    if (behind := writer.current()) is not None:
        behind.submit(lambda raw: raw.execute(sql, params))
        return
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _among(column: str, ids: list[int]) -> str:
    """`column` is one of the ids: on PostgreSQL one array parameter (a statement
    with thousands of placeholders costs psycopg time to parse), elsewhere IN."""
    if connection.vendor == "postgresql":
        numbers = all(type(pk) is int for pk in ids)
        return f"{column} = ANY(%s{'::bigint[]' if numbers else ''})"
    return f"{column} IN ({', '.join(['%s'] * len(ids))})"


def _ids_params(ids: list[int]) -> list[Any]:
    """The ids as parameters: on PostgreSQL one array literal, written here in one
    `join` (psycopg quoting 5,000 ids one by one cost more than the statement)."""
    if connection.vendor != "postgresql":
        return list(ids)
    if all(type(pk) is int for pk in ids):
        return ["{" + ",".join(map(str, ids)) + "}"]
    return [list(ids)]


def insert(model: type[models.Model], objs: list[Any]) -> list[Any]:
    """Insert new rows fast and give each its primary key.

    On PostgreSQL the ids are drawn from the table's sequence first and the rows
    sent with COPY, several times faster than bulk_create's INSERT for demo and
    scale data; other databases use bulk_create. The row values are read straight
    from each instance (one `attrgetter` call a row): the related objects' ids are
    copied over as `_prepare_related_fields_for_save` does, and the automatic
    timestamps are one `now` for the batch, as `pre_save` would set them.
    """
    if not objs or connection.vendor != "postgresql":
        return model._default_manager.bulk_create(objs)
    meta = model._meta
    fields = list(meta.concrete_fields)
    _copy_related_ids(fields, objs)
    now = timezone.now()
    stamped = [
        f.attname
        for f in fields
        if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add)
    ]
    json = [n for n, f in enumerate(fields) if isinstance(f, models.JSONField)]
    values = operator.attrgetter(*(f.attname for f in fields))  # 2+ fields: a tuple
    pk_name = str(meta.pk.attname) if meta.pk else "id"
    q = connection.ops.quote_name
    behind = writer.current()
    pk_column = str(meta.pk.column) if meta.pk else "id"
    for obj, pk in zip(
        objs, _next_ids(behind, meta.db_table, pk_column, len(objs)), strict=True
    ):
        state = obj.__dict__
        state[pk_name] = pk
        for name in stamped:
            state[name] = now
    rows = [values(obj) for obj in objs]
    if json:
        for k, row in enumerate(rows):
            cells = list(row)
            for n in json:
                cells[n] = fields[n].get_db_prep_save(cells[n], connection)
            rows[k] = tuple(cells)
    columns = ", ".join(q(str(f.column)) for f in fields)
    sql = f"COPY {q(meta.db_table)} ({columns}) FROM STDIN"
    if behind is not None:
        behind.submit(lambda raw: _copy(raw.cursor(), sql, rows))
    else:
        with connection.cursor() as cursor:
            _copy(cursor.cursor, sql, rows)
    for obj in objs:
        obj._state.adding = False
    return objs


def _next_ids(
    behind: writer.Writer | None, table: str, column: str, count: int
) -> list[int]:
    if behind is not None:
        return behind.next_ids(table, column, count)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
            "FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [pk for (pk,) in cursor.fetchall()]


def _copy(cursor: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    with cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _copy_related_ids(fields: list[Any], objs: list[Any]) -> None:
    """Each row's foreign key ids from the related objects set on it (saved just
    before), as Django's `_prepare_related_fields_for_save` does for bulk_create."""
    relations = [(f.cache_name, f.attname) for f in fields if f.is_relation]
    for obj in objs:
        cache, state = obj._state.fields_cache, obj.__dict__
        for name, attname in relations:
            related = cache.get(name)
            if related is None or state.get(attname) is not None:
                continue
            if related.pk is None:
                raise ValueError(
                    f"Save the related {name} before the {type(obj).__name__}."
                )
            state[attname] = related.pk


class _Blank:
    """How to make one model's new instance without `Model.__init__`: the fields'
    constant defaults, the fields whose default is worked out each time, and which
    keyword names are plain columns, related objects or properties."""

    def __init__(self, model: type[models.Model]) -> None:
        meta = model._meta
        self.constants: dict[str, Any] = {}
        self.computed: list[tuple[str, Any]] = []
        self.columns: set[str] = set()
        self.related: dict[str, str] = {}  # field name -> its column's attname
        self.others = set(meta._property_names)  # type: ignore[attr-defined]
        # Many-to-one keys set here as their descriptor would (no routers, a
        # related object of the field's own model); anything else through it.
        self.foreign: dict[str, tuple[str, str, str, Any]] = {}
        self.plain = not (
            pre_init.has_listeners(model) or post_init.has_listeners(model)
        )
        for field in meta.concrete_fields:
            if field.generated:  # type: ignore[attr-defined]
                continue
            descriptor = model.__dict__.get(field.attname)
            if hasattr(descriptor, "__set__") and not isinstance(
                descriptor, ForeignKeyDeferredAttribute
            ):
                raise TypeError(f"{field.attname} is set through its descriptor")
            if field.is_relation:
                self.related[field.name] = field.attname
                if field.many_to_one and len(field.related_fields) == 1:  # type: ignore[attr-defined]
                    target = field.related_fields[0][1].attname  # type: ignore[attr-defined]
                    self.foreign[field.name] = (
                        field.attname,
                        target,
                        field.cache_name,  # type: ignore[attr-defined]
                        field.related_model,
                    )
            self.columns.add(field.attname)
            if field.has_default() and callable(field.default):
                self.computed.append((field.attname, field.get_default))
            else:
                self.constants[field.attname] = field.get_default()
        self.others |= {f.name for f in meta.get_fields()} - set(self.related)


_blanks: dict[type[models.Model], _Blank] = {}


def new(model: type[M], /, **values: Any) -> M:
    """`model(**values)`, made several times faster for rows made in bulk.

    The instance is what `Model.__init__` would make from keywords: each field
    missing from ``values`` takes its default, a related object given by the
    field's name is set through its descriptor (so it is cached, and its id is
    copied when it is saved), and any other name must be a property or field.
    Django's per-field work is what costs: here the constant defaults are one
    dictionary, copied. A model with `pre_init`/`post_init` receivers is made by
    `Model.__init__` itself."""
    blank = _blanks.get(model)
    if blank is None:
        blank = _blanks[model] = _Blank(model)
    if not blank.plain:
        return model(**values)
    obj = model.__new__(model)
    state = ModelState()
    found = obj.__dict__
    found["_state"] = state
    found.update(blank.constants)
    for attname, default in blank.computed:
        if attname not in values:
            found[attname] = default()
    later = []
    routed = bool(settings.DATABASE_ROUTERS)
    for name, value in values.items():
        if name in blank.columns:
            found[name] = value
        elif (
            (key := blank.foreign.get(name))
            and not routed
            and _plain_link(obj, state, key, value)
        ):
            continue
        elif name in blank.related or name in blank.others:
            later.append((name, value))
        else:
            raise TypeError(f"{model.__name__}() got an unexpected keyword {name!r}")
    for name, value in later:
        setattr(obj, name, value)
    return obj


def _plain_link(
    obj: models.Model, state: ModelState, key: tuple[str, str, str, Any], value: Any
) -> bool:
    """Set a many-to-one key to a related object (or None) as its descriptor
    would with no database routers; False when the descriptor must do it."""
    attname, target, cache_name, related_model = key
    if value is None:
        obj.__dict__[attname] = None
    elif type(value) is related_model:
        theirs = value._state
        if state.db is None:
            state.db = theirs.db or DEFAULT_DB_ALIAS
        if theirs.db is None:
            theirs.db = state.db
        if theirs.db != state.db:
            return False  # the descriptor refuses a link across databases
        obj.__dict__[attname] = getattr(value, target)
    else:
        return False
    state.fields_cache[cache_name] = value
    return True

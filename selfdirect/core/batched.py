"""Several querysets read in one SQL statement: one round trip instead of many.

A page built from sections (the person page) or an export of many tables (subject
access) would otherwise run one query per table. ``evaluate_together`` compiles
each queryset as Django would, wraps each row as JSON (``row_to_json`` on
PostgreSQL, ``json_array`` on SQLite), joins them with ``UNION ALL`` and sends one
statement; the rows come back tagged with their queryset and in its order, and
Django's own iterables turn them into model instances (``select_related``,
annotations and ``values()`` included) and fill each queryset's result cache. So
the code that reads the querysets afterwards is unchanged and runs no query.

``evaluate_reads`` does it for reads built from one record (the person page's
sections), and keeps each read built and compiled per process for the user's
shape: a later request copies the kept queryset and binds the record's id into
the kept SQL, building and compiling nothing (see its docstring for what is kept).

``stream_together`` does the same through a server-side cursor, queryset after
queryset, in constant memory (the subject access export).

``prefetch_related`` on a batched queryset still runs its own queries when the
queryset is evaluated: read the related rows as a queryset of their own in the
same batch and join them with ``attach``.
"""

import copy
import itertools
import json
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import EmptyResultSet, FieldError
from django.core.signals import setting_changed
from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.dispatch import receiver

# Values PostgreSQL's JSON gives as text or numbers, made Python values again.
_FROM_JSON = {
    "DateField",
    "DateTimeField",
    "TimeField",
    "DecimalField",
    "UUIDField",
    "FloatField",
    "DurationField",
}
_JSON_AS_TEXT = {"JSONField"}
_WIDEST = 100


def _parts(aliases: list[str]) -> list[list[str]]:
    return [aliases[i : i + _WIDEST] for i in range(0, len(aliases), _WIDEST)]


class _Prepared:
    """One queryset compiled, with what is needed to read its rows back."""

    def __init__(self, queryset: QuerySet[Any]) -> None:
        self.queryset = queryset
        self.connection = connections[queryset.db]
        self.compiler: SQLCompiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, self.params = self.compiler.as_sql(with_col_aliases=True)
        columns = self.compiler.select[: self.compiler.col_count]
        self.aliases = [alias for _, _, alias in columns]
        self.kinds = [_internal_type(expression) for expression, _, _ in columns]
        self.fields = [_output_field(expression) for expression, _, _ in columns]
        self._row: str | None = None

    def branch(self, number: int) -> str:
        return f"SELECT {number} AS k, {self.row()}"

    def row(self) -> str:
        """The branch of the statement after its tag (kept with a template)."""
        if self._row is not None:
            return self._row
        quote = self.connection.ops.quote_name
        if self.connection.vendor == "postgresql":
            cells = ", ".join(
                f"s.{quote(a)}::text AS {quote(a)}"
                if kind in _JSON_AS_TEXT
                else f"s.{quote(a)}"
                for a, kind in zip(self.aliases, self.kinds, strict=True)
            )
            row = f"row_to_json(t)::text FROM (SELECT {cells} FROM ({self.sql}) s) t"  # noqa: S608
        else:
            # SQLite takes at most 127 arguments a function: wide rows (many
            # select_related tables) are arrays of arrays of 100 cells.
            groups = [
                "json_array(" + ", ".join(f"s.{quote(a)}" for a in part) + ")"
                for part in _parts(self.aliases)
            ]
            cells = (
                groups[0] if len(groups) == 1 else f"json_array({', '.join(groups)})"
            )
            row = f"{cells} FROM ({self.sql}) s"  # noqa: S608
        self._row = f"row_number() OVER () AS n, {row}"
        return self._row

    def decode(self, payload: str) -> tuple[Any, ...]:
        if self.connection.vendor != "postgresql":
            found = json.loads(payload)
            if len(self.aliases) > _WIDEST:
                return tuple(itertools.chain.from_iterable(found))
            return tuple(found)
        found = json.loads(payload, parse_float=Decimal)
        values = []
        for alias, kind, field in zip(
            self.aliases, self.kinds, self.fields, strict=True
        ):
            value = found[alias]
            if value is not None and kind in _FROM_JSON and field is not None:
                value = field.to_python(value)
            values.append(value)
        return tuple(values)

    def fill(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Evaluate the queryset from these rows, through its own iterable."""
        compiler = self.compiler
        compiler.execute_sql = lambda *args, **kwargs: [rows]  # type: ignore[method-assign,assignment]
        query = self.queryset.query
        query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign,assignment]
        try:
            self.queryset._fetch_all()  # type: ignore[attr-defined]
        finally:
            del query.get_compiler

    def objects(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[Any]:
        """The queryset's objects made from these rows, one at a time."""
        compiler = self.compiler
        compiler.execute_sql = lambda *args, **kwargs: [rows]  # type: ignore[method-assign,assignment]
        query = self.queryset.query
        query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign,assignment]
        try:
            yield from iter(self.queryset._iterable_class(self.queryset))  # type: ignore[attr-defined,call-overload]
        finally:
            del query.get_compiler


def _output_field(expression: Any) -> Any:
    try:
        return expression.output_field
    except (AttributeError, FieldError):
        return None


def _internal_type(expression: Any) -> str:
    field = _output_field(expression)
    return field.get_internal_type() if field is not None else ""


def _prepare(queryset: QuerySet[Any]) -> _Prepared | None:
    try:
        return _Prepared(queryset)
    except EmptyResultSet:
        return None


def _statement(prepared: Sequence[tuple[int, _Prepared]]) -> tuple[str, list[Any]]:
    branches = " UNION ALL ".join(p.branch(number) for number, p in prepared)
    params = [param for _, p in prepared for param in p.params]
    return f"SELECT * FROM ({branches}) u ORDER BY k, n", params  # noqa: S608


def evaluate_together(*querysets: QuerySet[Any]) -> None:
    """Evaluate these querysets (of one database) in one statement, filling the
    result cache of each; one already evaluated is left alone."""
    waiting = [qs for qs in querysets if qs._result_cache is None]  # type: ignore[attr-defined]
    if len(waiting) < 2:
        for queryset in waiting:
            queryset._fetch_all()  # type: ignore[attr-defined]
        return
    prepared: list[_Prepared] = []
    for queryset in waiting:
        ready = _prepare(queryset)
        if ready is None:
            _empty(queryset)
        else:
            prepared.append(ready)
    _run(prepared)


def _empty(queryset: QuerySet[Any]) -> None:
    queryset._result_cache = []  # type: ignore[attr-defined]
    queryset._prefetch_done = True  # type: ignore[attr-defined]


def _run(prepared: Sequence[_Prepared]) -> None:
    """Send one statement for these compiled querysets and fill each."""
    if not prepared:
        return
    numbered = list(enumerate(prepared))
    sql, params = _statement(numbered)
    rows: dict[int, list[tuple[Any, ...]]] = {number: [] for number, _ in numbered}
    with prepared[0].connection.cursor() as cursor:
        cursor.execute(sql, params)
        for number, _, payload in cursor.fetchall():
            rows[number].append(prepared[number].decode(payload))
    for number, ready in numbered:
        ready.fill(rows[number])


# Compiled SQL kept per process (issue 18: compiling a page's querysets cost as
# much as running them). A template is a queryset compiled once for a stand-in
# record; each request binds the real record's id into its parameter slots.
_FIRST = -1_000_000_007  # the stand-ins' ids: no row has a negative id
_SECOND = -1_000_000_009
_MOST_SHAPES = 500
_templates: dict[tuple[Any, ...], dict[str, "_Template | None"]] = {}
_generation = itertools.count()
_current = [next(_generation)]


class _ReadsTheRecord(Exception):
    """A read asked the stand-in for more than its id."""


class _Template:
    """A read built and compiled for a stand-in record: the queryset, its SQL, its
    parameters with the record's id at ``slots``, and its compiler (which turns
    rows into objects); ``prepared`` is None for a read that is always empty."""

    def __init__(
        self,
        queryset: QuerySet[Any],
        stand_in: Model,
        prepared: _Prepared | None,
        slots: tuple[int, ...],
    ) -> None:
        self.queryset = queryset
        self.stand_in = stand_in
        self.prepared = prepared
        self.slots = slots
        if prepared is not None:
            prepared.row()  # built once, with the template

    def fresh(self, record: Model) -> QuerySet[Any]:
        """The read for this record, not built again: a copy of the stand-in's,
        whose objects know the record as the stand-in's were to know it."""
        queryset = self.queryset._chain()  # type: ignore[attr-defined]
        queryset._known_related_objects = {
            field: {
                (record.pk if known is self.stand_in else pk): (
                    record if known is self.stand_in else known
                )
                for pk, known in objects.items()
            }
            for field, objects in queryset._known_related_objects.items()
        }
        if queryset._hints.get("instance") is self.stand_in:
            queryset._hints = {**queryset._hints, "instance": record}
        return queryset  # type: ignore[no-any-return]

    def bind(self, queryset: QuerySet[Any], pk: Any) -> _Prepared:
        assert self.prepared is not None  # noqa: S101
        bound = copy.copy(self.prepared)
        # The compiler is shared by every request binding this template: each
        # gets its own copy to read its rows through, on this thread's own
        # connection (a threaded server's other threads made the template).
        bound.connection = connections[self.prepared.queryset.db]
        bound.compiler = copy.copy(self.prepared.compiler)
        bound.compiler.connection = bound.connection
        bound.queryset = queryset
        params = list(self.prepared.params)
        for slot in self.slots:
            params[slot] = pk
        bound.params = tuple(params)
        return bound


def forget_compiled() -> None:
    """Drop every kept template (settings or hook points changed: tests)."""
    _templates.clear()
    _current[0] = next(_generation)


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    forget_compiled()


def _stand_in(record: Model, pk: int) -> Model:
    """The record with only its id: reading any other field raises."""
    model = type(record)
    stand_in = model.from_db(record._state.db, [model._meta.pk.attname], [pk])

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise _ReadsTheRecord

    stand_in.refresh_from_db = refuse  # type: ignore[method-assign]
    return stand_in


def _template(
    first: QuerySet[Any] | None,
    second: QuerySet[Any] | None,
    stand_in: Model,
) -> _Template | None:
    """The template of a read, from the read built for two stand-ins; None when
    its SQL depends on more than the record's id (it is compiled each time)."""
    if first is None or second is None:
        return None
    try:
        one, other = _prepare(first), _prepare(second)
    except Exception:  # noqa: BLE001 - a read that cannot be kept is compiled each time
        return None
    if one is None and other is None:
        return _Template(first, stand_in, None, ())
    if one is None or other is None or one.sql != other.sql:
        return None
    if len(one.params) != len(other.params):
        return None
    slots = []
    for n, (a, b) in enumerate(zip(one.params, other.params, strict=True)):
        if type(a) is int and a == _FIRST and type(b) is int and b == _SECOND:
            slots.append(n)
        elif type(a) is not type(b) or a != b:
            return None  # a value that changes from one build to the next (now())
    return _Template(first, stand_in, one, tuple(slots))


def _learn(
    build: Callable[[Any], dict[str, QuerySet[Any]]],
    record: Model,
    names: Iterable[str],
) -> dict[str, _Template | None]:
    names = list(names)
    try:
        stand_in = _stand_in(record, _FIRST)
        first = build(stand_in)
        second = build(_stand_in(record, _SECOND))
    except Exception:  # noqa: BLE001 - reads that use more than the id: never kept
        return dict.fromkeys(names)
    if set(first) != set(names) or set(second) != set(names):
        return dict.fromkeys(names)  # which reads there are depends on the record
    return {name: _template(first[name], second[name], stand_in) for name in names}


Builders = dict[Hashable, Callable[[Any], dict[str, QuerySet[Any]]]]


def evaluate_reads(
    builders: Builders, record: Model, shape: Hashable
) -> dict[Hashable, dict[str, QuerySet[Any]]]:
    """Each builder's named querysets for the record (``builder(record)``), all
    evaluated in one statement; each is built and compiled once per process for
    each ``shape`` and bound to this record's id.

    ``shape`` must hold everything other than the record's id that the reads
    depend on (the user, their role and teams, the day). Each builder's reads are
    built for two stand-ins of the record, which hold only an id, and compiled; a
    read whose SQL or parameters differ otherwise than by that id (``now()``), or
    a builder that uses any other field of the record, is not kept: it is built
    and compiled for each record. A builder whose reads are all kept is not built
    again: each read is a copy of the stand-in's, knowing this record where it
    knew the stand-in.
    """
    reads: dict[Hashable, dict[str, QuerySet[Any]]] = {}
    prepared: list[_Prepared] = []
    for group, build in builders.items():
        key = (_current[0], record._state.db, type(record), shape, group)
        kept = _templates.get(key)
        if kept and all(template is not None for template in kept.values()):
            found = {n: t.fresh(record) for n, t in kept.items() if t is not None}
        else:
            found = build(record)
            if kept is None:
                if len(_templates) >= _MOST_SHAPES:
                    _templates.pop(next(iter(_templates)), None)
                kept = _learn(build, record, found)
                _templates[key] = kept
        reads[group] = found
        for name, queryset in found.items():
            if queryset._result_cache is not None:  # type: ignore[attr-defined]
                continue
            template = kept.get(name)
            if template is not None and template.prepared is None:
                _empty(queryset)
            elif template is not None:
                prepared.append(template.bind(queryset, record.pk))
            elif (ready := _prepare(queryset)) is not None:
                prepared.append(ready)
            else:
                _empty(queryset)
    _run(prepared)
    return reads


def stream_together(
    querysets: Sequence[QuerySet[Any]], chunk_size: int = 500
) -> Iterator[tuple[int, Iterator[Any]]]:
    """The objects of each queryset in turn, read in one statement through a
    server-side cursor in chunks: yields (index, objects) for each queryset
    holding rows, in order. Consume each ``objects`` before the next."""
    prepared = [(n, p) for n, qs in enumerate(querysets) if (p := _prepare(qs))]
    if not prepared:
        return
    by_number = dict(prepared)
    sql, params = _statement(prepared)
    connection = prepared[0][1].connection
    cursor = connection.chunked_cursor()
    try:
        cursor.execute(sql, params)
        fetched = _fetch(cursor, chunk_size)
        for number, group in itertools.groupby(fetched, key=lambda row: row[0]):
            ready = by_number[number]
            decoded = (ready.decode(payload) for _, _, payload in group)
            yield number, ready.objects(decoded)
    finally:
        cursor.close()


def _fetch(cursor: Any, chunk_size: int) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(chunk_size):
        yield from rows


def attach(
    parents: Iterable[Model], accessor: str, children: Iterable[Model], link: str
) -> None:
    """Give each parent its children as if ``prefetch_related(accessor)`` had read
    them: ``link`` is the children's foreign key to the parent."""
    found: dict[Any, list[Model]] = {}
    for child in children:
        found.setdefault(getattr(child, f"{link}_id"), []).append(child)
    for parent in parents:
        mine = found.get(parent.pk, [])
        manager = getattr(parent, accessor)
        field = manager.field
        for child in mine:
            field.set_cached_value(child, parent)
        related = manager.get_queryset()
        related._result_cache = mine
        related._prefetch_done = True
        cache = parent.__dict__.setdefault("_prefetched_objects_cache", {})
        cache[field.remote_field.cache_name] = related

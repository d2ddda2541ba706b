"""Reading HSDS 3.0 datasets: JSON services (one or a list) or a tabular package.

Each service record is checked against the shipped schema, then converted to rows
keyed by their HSDS ids. Rows are written by `services.import_directory`.
"""

import datetime
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import models
from django.utils import timezone

from . import hsds
from .tabular import DatasetError, services_from_package

# Keys of HSDS objects the directory does not keep (reported, never an error).
NOT_KEPT = frozenset(
    {
        "funding",
        "program",
        "program_id",
        "service_areas",
        "required_documents",
        "metadata",
        "organization_identifiers",
        "programs",
        "licenses",
        "fees",
    }
)


class RecordError(Exception):
    """One service record is not valid; the message says why."""


@dataclass
class Problem:
    number: int  # 1-based position of the record in the file
    record_id: str
    name: str
    reason: str

    def __str__(self) -> str:
        label = self.name or self.record_id or "(no name)"
        return f"Record {self.number} ({label}): {self.reason}"


@dataclass
class Rows:
    """Rows to write, per table, keyed by HSDS id; the same id seen twice merges."""

    tables: dict[str, dict[uuid.UUID, dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    not_kept: set[str] = field(default_factory=set)

    def merge(self, other: "Rows") -> None:
        for name, rows in other.tables.items():
            for pk, values in rows.items():
                _merge_row(self.tables[name], pk, values)
        self.not_kept |= other.not_kept

    def ids(self, table: str) -> list[uuid.UUID]:
        return list(self.tables.get(table, {}))


def _merge_row(
    rows: dict[uuid.UUID, dict[str, Any]], pk: uuid.UUID, values: dict[str, Any]
) -> None:
    current = rows.setdefault(pk, {})
    for key, value in values.items():
        if value is not None or key not in current:
            current[key] = value


def read_dataset(path: Path) -> list[dict[str, Any]]:
    """The service objects in a JSON file or a tabular package (datapackage.json)."""
    if path.is_dir():
        path = path / "datapackage.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DatasetError(f"Cannot read {path}: {error}") from error
    if isinstance(data, dict) and "resources" in data:
        return services_from_package(path.parent, data)
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]  # an HSDS API page of services
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise DatasetError("Expected a service object, a list of them or a package.")
    return data


def convert(records: list[Any]) -> tuple[Rows, list[Problem], int]:
    """Check and convert every record; returns the rows of the valid ones."""
    rows, problems, valid = Rows(), [], 0
    validator = hsds.service_validator()
    for number, record in enumerate(records, start=1):
        record_id = str(record.get("id", "")) if isinstance(record, dict) else ""
        name = str(record.get("name", "")) if isinstance(record, dict) else ""
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        if errors:
            reasons = "; ".join(_describe(e) for e in errors[:5])
            problems.append(Problem(number, record_id, name, reasons))
            continue
        one = Rows()
        try:
            _collect(one, "service", record, {})
            _check_service(one, record)
        except RecordError as error:
            problems.append(Problem(number, record_id, name, str(error)))
            continue
        rows.merge(one)
        valid += 1
    return rows, problems, valid


def _describe(error: Any) -> str:
    where = "/".join(str(p) for p in error.absolute_path)
    return f"{where or 'record'}: {error.message}"


def _check_service(rows: Rows, record: dict[str, Any]) -> None:
    from .models import Organization

    values = next(iter(rows.tables["service"].values()))
    org = values.get("organization_id")
    if org is None:
        raise RecordError(
            "it has no organization (give organization or organization_id)"
        )
    if (
        org not in rows.tables["organization"]
        and not Organization.objects.filter(pk=org).exists()
    ):
        raise RecordError(
            f"organization {org} is neither in the file nor the directory"
        )
    for pk, attribute in rows.tables["attribute"].items():
        term = attribute.get("taxonomy_term_id")
        if term is None:
            raise RecordError(f"attribute {pk} has no taxonomy term")


def _collect(
    rows: Rows, table_name: str, data: dict[str, Any], parent: dict[str, Any]
) -> uuid.UUID:
    table = hsds.TABLES[table_name]
    pk = _uuid(data.get("id"), f"{table_name} id")
    values: dict[str, Any] = dict(parent)
    meta = table.model._meta
    for key in table.fields:
        if key in data:
            name = hsds.attname(table, key)
            label = f"{table_name} {key}"
            values[name] = _to_python(meta.get_field(name), data[key], label)
    for key, child, fk in table.objects:
        if isinstance(data.get(key), dict):
            values[hsds.attname(table, fk)] = _collect(rows, child, data[key], {})
    _merge_row(rows.tables[table_name], pk, values)
    for key, child, fk in table.children:
        for item in data.get(key) or []:
            _collect(rows, child, item, {fk: pk})
    rows.not_kept |= NOT_KEPT & set(data)
    return pk


def _uuid(value: Any, label: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise RecordError(f"{label} {value!r} is not a UUID") from error


def _to_python(model_field: Any, value: Any, label: str) -> Any:
    """An HSDS JSON value as the model field's Python value, or a RecordError."""
    if value is None or value == "":
        return None if model_field.null else ""
    try:
        return _convert(model_field, value, label)
    except (ValueError, TypeError, InvalidOperation) as error:
        raise RecordError(f"{label}: {value!r} is not valid ({error})") from error


def _convert(model_field: Any, value: Any, label: str) -> Any:
    if isinstance(model_field, models.ForeignKey):
        return uuid.UUID(str(value))
    if isinstance(model_field, models.DateTimeField):
        moment = datetime.datetime.fromisoformat(str(value))
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        return moment
    if isinstance(model_field, models.DateField):
        return datetime.date.fromisoformat(str(value)[:10])
    if isinstance(model_field, models.TimeField):
        return datetime.time.fromisoformat(str(value))
    if isinstance(model_field, models.DecimalField):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    if isinstance(model_field, models.IntegerField):
        number = float(value)
        if not number.is_integer():
            raise ValueError("a whole number is needed")
        return int(number)
    if isinstance(model_field, models.FloatField):
        return float(value)
    text = str(value)
    if model_field.max_length and len(text) > model_field.max_length:
        raise RecordError(f"{label} is longer than {model_field.max_length} characters")
    return text

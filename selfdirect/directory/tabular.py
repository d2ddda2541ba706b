"""An HSDS 3.0 tabular package (datapackage.json and its CSVs) as service objects."""

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

Row = dict[str, Any]


class DatasetError(Exception):
    """The file as a whole cannot be read (not JSON, not HSDS services...)."""


class Tables:
    """The package's CSV rows, typed by the package's field types, indexed by column."""

    def __init__(self, folder: Path, descriptor: dict[str, Any]) -> None:
        self.rows: dict[str, list[Row]] = {}
        for resource in descriptor.get("resources", []):
            path = folder / str(resource.get("path", ""))
            if not path.is_file():
                continue
            types = {f["name"]: f.get("type") for f in resource["schema"]["fields"]}
            try:
                with path.open(encoding="utf-8-sig", newline="") as handle:
                    self.rows[resource["name"]] = [
                        _typed(row, types) for row in csv.DictReader(handle)
                    ]
            except (UnicodeDecodeError, csv.Error, ValueError) as error:
                raise DatasetError(f"Cannot read {path.name}: {error}") from error
        self._index: dict[tuple[str, str], dict[str, list[Row]]] = {}

    def by(self, table: str, column: str, value: Any) -> list[Row]:
        key = (table, column)
        if key not in self._index:
            index: dict[str, list[Row]] = defaultdict(list)
            for row in self.rows.get(table, []):
                if row.get(column) is not None:
                    index[str(row[column])].append(row)
            self._index[key] = index
        return self._index[key].get(str(value), []) if value is not None else []

    def one(self, table: str, pk: Any) -> Row | None:
        found = self.by(table, "id", pk)
        return dict(found[0]) if found else None


def _typed(row: dict[str, str], types: dict[str, Any]) -> Row:
    out: Row = {}
    for name, text in row.items():
        if name is None or text is None or text == "":
            continue
        kind = types.get(name)
        if kind in ("number", "integer"):
            number = float(text)
            out[name] = int(number) if number.is_integer() else number
        else:
            out[name] = text
    return out


def services_from_package(folder: Path, descriptor: dict[str, Any]) -> list[Row]:
    """Each row of services.csv with everything linked to it, nested as in JSON."""
    tables = Tables(folder, descriptor)
    return [_service(tables, row) for row in tables.rows.get("service", [])]


def _service(t: Tables, row: Row) -> Row:
    sid = row.get("id")
    service = dict(row)
    organization = t.one("organization", row.get("organization_id"))
    if organization is not None:
        service["organization"] = organization
    service["phones"] = _phones(t, "service_id", sid)
    service["schedules"] = [dict(r) for r in t.by("schedule", "service_id", sid)]
    service["service_at_locations"] = [
        _service_at_location(t, r)
        for r in t.by("service_at_location", "service_id", sid)
    ]
    service["languages"] = [dict(r) for r in t.by("language", "service_id", sid)]
    service["cost_options"] = [dict(r) for r in t.by("cost_option", "service_id", sid)]
    service["contacts"] = _contacts(t, "service_id", sid)
    service["attributes"] = [
        _attribute(t, r) for r in t.by("attribute", "link_id", sid)
    ]
    return service


def _phones(t: Tables, column: str, value: Any) -> list[Row]:
    phones = []
    for row in t.by("phone", column, value):
        phone = dict(row)
        phone["languages"] = [dict(r) for r in t.by("language", "phone_id", row["id"])]
        phones.append(phone)
    return phones


def _contacts(t: Tables, column: str, value: Any) -> list[Row]:
    contacts = []
    for row in t.by("contact", column, value):
        contact = dict(row)
        contact["phones"] = _phones(t, "contact_id", row["id"])
        contacts.append(contact)
    return contacts


def _service_at_location(t: Tables, row: Row) -> Row:
    sal = dict(row)
    pk = row.get("id")
    sal["contacts"] = _contacts(t, "service_at_location_id", pk)
    sal["phones"] = _phones(t, "service_at_location_id", pk)
    sal["schedules"] = [dict(r) for r in t.by("schedule", "service_at_location_id", pk)]
    location = t.one("location", row.get("location_id"))
    if location is not None:
        lid = location["id"]
        location["languages"] = [dict(r) for r in t.by("language", "location_id", lid)]
        location["addresses"] = [dict(r) for r in t.by("address", "location_id", lid)]
        location["contacts"] = _contacts(t, "location_id", lid)
        location["accessibility"] = [
            dict(r) for r in t.by("accessibility", "location_id", lid)
        ]
        location["phones"] = _phones(t, "location_id", lid)
        location["schedules"] = [dict(r) for r in t.by("schedule", "location_id", lid)]
        sal["location"] = location
    return sal


def _attribute(t: Tables, row: Row) -> Row:
    attribute = dict(row)
    term = t.one("taxonomy_term", row.get("taxonomy_term_id"))
    if term is not None:
        taxonomy = t.one("taxonomy", term.get("taxonomy_id"))
        if taxonomy is not None:
            term["taxonomy_detail"] = taxonomy
        attribute["taxonomy_term"] = term
    return attribute

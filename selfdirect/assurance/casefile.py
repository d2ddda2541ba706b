"""The case file format (version 3, reading versions 1 and 2 too): its schema, and the
checks beyond the schema.

A case file is one person's record as JSON (see docs/file-reading.md and
docs/casefile.schema.json). `problems(data)` lists everything wrong with a file as
(path, reason) pairs, so a person fixing a file exported from an old system can find
each record: the schema first, then that every `ref` is unique and every `*_ref`
points at a record of the right kind in the same file.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

FORMAT = "selfdirect-casefile"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
SCHEMA_PATH = Path(__file__).resolve().parent / "data" / "casefile.schema.json"

# Which list each kind of reference points into.
REFERENCES = {
    "first_contact_ref": "first_contacts",
    "conversation_ref": "conversations",
    "budget_ref": "budgets",
    "plan_ref": "plans",
    "replaces_ref": "plans",
    "personal_outcome_ref": "conversations.outcomes",
    "plan_outcome_ref": "plans.outcomes",
    "support_ref": "plans.supports",
}


@dataclass(frozen=True)
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.FormatChecker()
    )


def _path(parts: Any) -> str:
    return "/" + "/".join(str(part) for part in parts)


def problems(data: Any) -> list[Problem]:
    """Everything wrong with a case file, as paths and reasons; empty when valid."""
    validator = _validator()
    found = [
        Problem(_path(error.absolute_path), error.message)
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    ]
    if found:
        return found
    return _reference_problems(data)


def records(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every record with a ref: (kind, path, record). Kinds are list names, with
    nested lists joined by a dot (``plans.outcomes``)."""
    yield "person", "/person", data["person"]
    for index, rel in enumerate(data["person"].get("relationships", [])):
        yield "person.relationships", f"/person/relationships/{index}", rel
    for kind, value in data.items():
        if kind == "person" or not isinstance(value, list):
            continue
        for index, record in enumerate(value):
            path = f"/{kind}/{index}"
            if "ref" in record:
                yield kind, path, record
            for part, items in record.items():
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    for inner, item in enumerate(items):
                        if "ref" in item:
                            yield f"{kind}.{part}", f"{path}/{part}/{inner}", item


def _reference_problems(data: dict[str, Any]) -> list[Problem]:
    found: list[Problem] = []
    kinds: dict[str, str] = {}
    for kind, path, record in records(data):
        if record["ref"] in kinds:
            found.append(Problem(f"{path}/ref", f"{record['ref']!r} is used twice"))
        kinds[record["ref"]] = kind
    for _kind, path, record in _everything(data):
        for field, value in record.items():
            target = REFERENCES.get(field)
            if target and value is not None and kinds.get(value) != target:
                found.append(
                    Problem(f"{path}/{field}", f"no record {value!r} in {target}")
                )
        found.extend(
            Problem(f"{path}/outcome_refs", f"no plan outcome {ref!r}")
            for ref in record.get("outcome_refs", [])
            if kinds.get(ref) != "plans.outcomes"
        )
    return found


def _everything(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every object in the file's lists, with or without a ref."""
    for kind, value in data.items():
        if not isinstance(value, list):
            continue
        for index, record in enumerate(value):
            yield kind, f"/{kind}/{index}", record
            for part, items in record.items():
                if isinstance(items, list):
                    for inner, item in enumerate(items):
                        if isinstance(item, dict):
                            yield kind, f"/{kind}/{index}/{part}/{inner}", item


def load(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and check a case file: the data, or the problems that stop it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        return None, [Problem("/", f"cannot read the file: {error.strerror}")]
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return None, [Problem("/", f"not valid JSON: {error}")]
    found = problems(data)
    return (None, found) if found else (data, [])

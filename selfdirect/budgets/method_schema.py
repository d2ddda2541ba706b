"""The shape of a budget method's configuration, checked with jsonschema."""

from typing import Any

import jsonschema
from django.core.exceptions import ValidationError

MONEY = {"type": "string", "pattern": r"^\d{1,8}(\.\d{1,2})?$"}
NUMBER = {"type": "string", "pattern": r"^\d{1,4}(\.\d{1,4})?$"}
CODE = {"type": "string", "pattern": r"^[a-z0-9_-]{1,60}$"}

_ANSWER = {
    "type": "object",
    "required": ["code", "text", "points"],
    "properties": {
        "code": CODE,
        "text": {"type": "string", "minLength": 1},
        "points": {"type": "integer", "minimum": 0, "maximum": 1000},
    },
}
_QUESTION = {
    "type": "object",
    "required": ["code", "text", "answers"],
    "properties": {
        "code": CODE,
        "text": {"type": "string", "minLength": 1},
        "answers": {"type": "array", "minItems": 2, "items": _ANSWER},
    },
}
_DOMAIN = {
    "type": "object",
    "required": ["code", "name", "weight", "questions"],
    "properties": {
        "code": CODE,
        "name": {"type": "string", "minLength": 1},
        "weight": NUMBER,
        "questions": {"type": "array", "minItems": 1, "items": _QUESTION},
    },
}
_BAND = {
    "type": "object",
    "required": ["from_points", "amount"],
    "properties": {"from_points": NUMBER, "amount": MONEY},
}
_PRICING = {
    "oneOf": [
        {
            "type": "object",
            "required": ["type", "default", "by_service_group"],
            "properties": {
                "type": {"const": "per_point"},
                "default": MONEY,
                "by_service_group": {"type": "object", "additionalProperties": MONEY},
            },
        },
        {
            "type": "object",
            "required": ["type", "default", "by_service_group"],
            "properties": {
                "type": {"const": "bands"},
                "default": {"type": "array", "minItems": 1, "items": _BAND},
                "by_service_group": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "array",
                        "minItems": 1,
                        "items": _BAND,
                    },
                },
            },
        },
    ]
}
_COMMON = {
    "code": CODE,
    "name": {"type": "string", "minLength": 1},
    "version": {"type": "integer", "minimum": 1},
    "valid_from": {"type": "string", "format": "date"},
    "illustrative": {"type": "boolean"},
    "for_carers": {"type": "boolean"},
    "note": {"type": "string"},
    "rounding": {"type": "string"},
}

RAS_SCHEMA = {
    "type": "object",
    "required": ["code", "name", "kind", "version", "valid_from", "domains", "pricing"],
    "properties": {
        **_COMMON,
        "kind": {"const": "ras"},
        "domains": {"type": "array", "minItems": 1, "items": _DOMAIN},
        "pricing": _PRICING,
    },
}
EQUIVALENCE_SCHEMA = {
    "type": "object",
    "required": ["code", "name", "kind", "version", "valid_from", "weeks_per_year"],
    "properties": {
        **_COMMON,
        "kind": {"const": "equivalence"},
        "weeks_per_year": NUMBER,
        "suggested_rates": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["what", "rate"],
                "properties": {"what": {"type": "string"}, "rate": MONEY},
            },
        },
    },
}


def check_method(data: Any) -> None:
    """Raise ValidationError naming the first problem with a method's JSON."""
    kind = data.get("kind") if isinstance(data, dict) else None
    schema = {"ras": RAS_SCHEMA, "equivalence": EQUIVALENCE_SCHEMA}.get(str(kind))
    if schema is None:
        raise ValidationError("The method's kind must be 'ras' or 'equivalence'.")
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path) or "the top level"
        raise ValidationError(
            "The method file is not valid at %(where)s: %(message)s",
            params={"where": where, "message": error.message},
        ) from error

"""Property-based API testing: schemathesis reads /api/v1/openapi.json and sends
generated requests, valid and invalid, to the app in-process. No answer may be a
server error (issue 11)."""

from typing import Any

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from selfdirect.config.wsgi import application

# Same secret in cookie and header: Django's CSRF check for session-authenticated POSTs.
CSRF = "schemathesis0csrf0token000000000"


@pytest.fixture
def connection_kept_open() -> Any:
    """As Django's test client does: the WSGI handler would close the database
    connection after each request, ending the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in(client: Any, personas: Any) -> dict[str, str]:
    client.force_login(personas.practitioner_a)
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[
            settings.SESSION_COOKIE_NAME
        ].value,
        settings.CSRF_COOKIE_NAME: CSRF,
    }


# The OpenAPI document is public and needs no database, so it loads at import.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=30,
    deterministic=True,
)


@schema.parametrize()
@hypothesis_settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_api_input_gives_a_server_error(
    case: Any, signed_in: dict[str, str], connection_kept_open: None
) -> None:
    response = case.call(cookies=signed_in, headers={"X-CSRFToken": CSRF})
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500


def _parameters(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                name = f"{path} {parameter['name']}"
                found.extend((name, s) for s in _schemas(parameter["schema"]))
    return found


def _schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    options = schema.get("anyOf", [schema])
    return [option for option in options if option.get("type") != "null"]


def test_every_api_input_declares_its_bounds(client, db) -> None:
    """Generated requests only probe the bounds a schema states; none may be open."""
    document = client.get("/api/v1/openapi.json").json()
    open_ended = [
        name
        for name, schema in _parameters(document)
        if (schema["type"] == "integer" and not {"minimum", "maximum"} <= set(schema))
        or (
            schema["type"] == "string"
            and schema.get("format") != "uuid"
            and "maxLength" not in schema
        )
    ]
    assert open_ended == []

"""Every admin page answers without a server error, whoever asks (issue 11)."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver

# A value for each kind of path argument; the records need not exist.
_ARGUMENTS = {"app_label": "accounts", "url": "x"}


def _admin_paths(
    patterns: list[Any], prefix: str = "/admin/"
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _admin_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield str(entry.name), prefix + _filled(route)


def _filled(route: str) -> str:
    """The route with every <converter:name> and (?P<name>...) given a value."""
    route = route.lstrip("^").rstrip("$")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", _value, route)
    return re.sub(r"<(?:\w+:)?(\w+)>", _value, route)


def _value(match: re.Match[str]) -> str:
    return _ARGUMENTS.get(match.group(1), "1")


def _app_lists() -> set[tuple[str, str]]:
    labels = {model._meta.app_label for model in admin.site._registry}
    return {("app_list", f"/admin/{label}/") for label in labels}


ADMIN_PATHS = sorted(set(_admin_paths(admin.site.get_urls())) | _app_lists())


def test_every_admin_url_pattern_is_walked() -> None:
    names = {name for name, _ in ADMIN_PATHS}
    paths = {path for _, path in ADMIN_PATHS}
    assert {"login", "index", "budgets_budgetmethod_changelist"} <= names
    assert "/admin/budgets/" in paths
    assert all("<" not in path and "(?P" not in path for _, path in ADMIN_PATHS)


@pytest.mark.parametrize("persona", [None, "practitioner_a", "administrator"])
def test_no_admin_page_gives_a_server_error(client, personas, persona) -> None:
    if persona:
        client.force_login(getattr(personas, persona))
    failures = [
        (path, status)
        for _, path in ADMIN_PATHS
        if (status := client.get(path).status_code) >= 500
    ]
    assert failures == []


def test_the_admin_sign_in_page_shows_to_anonymous_visitors(client, db) -> None:
    response = client.get("/admin/login/")
    assert response.status_code == 200

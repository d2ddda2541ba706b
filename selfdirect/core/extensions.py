"""Places where later journey stages add to earlier pages without being imported
by them (dependencies point one way, along the journey)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class PersonSection:
    """A section of the person page contributed by a later stage."""

    order: int
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any]]


_PERSON_SECTIONS: list[PersonSection] = []


def add_person_section(section: PersonSection) -> None:
    """Register a section of the person page (call from AppConfig.ready)."""
    _PERSON_SECTIONS.append(section)
    _PERSON_SECTIONS.sort(key=lambda s: s.order)


def person_sections(
    request: HttpRequest, person: Any
) -> list[tuple[str, dict[str, Any]]]:
    """The registered sections for a person, each with its template and context."""
    return [(s.template, s.context(request, person)) for s in _PERSON_SECTIONS]


@dataclass(frozen=True)
class NavItem:
    """A link in the main navigation, shown to roles holding any of its capabilities."""

    order: int
    label: Any  # a lazily translated string
    url_name: str
    capabilities: tuple[str, ...]


_NAV_ITEMS: list[NavItem] = []


def add_nav_item(item: NavItem) -> None:
    """Register a main navigation link (call from AppConfig.ready)."""
    _NAV_ITEMS.append(item)
    _NAV_ITEMS.sort(key=lambda i: i.order)


def nav_items(user: Any) -> list[NavItem]:
    """The navigation links this user's role may follow."""
    return [i for i in _NAV_ITEMS if any(user.can(c) for c in i.capabilities)]

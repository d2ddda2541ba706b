"""Declarative hooks: what each app adds to the rest of Selfdirect, in one place.

Every installed ``selfdirect.*`` app may have a ``hooks.py`` module (Wagtail's
``wagtail_hooks.py``, made declarative and typed). It lists, as module constants,
everything the app adds outside itself; an app without additions has no module:

- ``AUDIT_ACTIONS`` (``AuditAction``): the named actions it records in the audit
  trail; ``audit.services.record_event`` refuses any other name;
- ``SUBJECT_ACCESS`` (``SubjectAccessSection``): its person-linked models, for the
  subject access export (a test fails for a person-linked model left out);
- ``PERSON_SECTIONS`` (``PersonSection``): what it adds to the person page;
- ``NAV_ITEMS`` (``NavItem``): its links in the main navigation;
- ``HOOK_POINTS`` (``HookPoint``): places it reads where later apps may contribute;
- ``CONTRIBUTIONS`` (``Contribution``): what it adds to another app's hook point.

A hook point lets a later journey stage plug into an earlier one without the
earlier one importing it: plans defines ``PLAN_AGREEMENT_CHECKS`` (in
``plans/hook_points.py``, so its selectors can read it without an import cycle),
lists it in ``plans/hooks.py`` and reads ``contributions(PLAN_AGREEMENT_CHECKS)``;
``panel/hooks.py`` contributes its check. Core knows nothing of either.

**When hooks are collected.** Lazily, on the first call of an accessor below (after
Django's app registry is ready), once per process, in ``INSTALLED_APPS`` order. So
a ``hooks.py`` must stay cheap and safe to import at any time: it imports no
models, selectors or services at module level. Models are named by label
(``"plans.SupportPlan"``) and code is reached through small functions that import
inside their body. That also lets an app's own services import its ``hooks.py`` for
a hook point it declares.
"""

import functools
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Generic, TypeVar

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.module_loading import module_has_submodule

T = TypeVar("T")


@dataclass(frozen=True)
class AuditAction:
    """A named action that may appear in the audit trail, with its plain meaning."""

    name: str  # "<noun>.<verb>", e.g. "plan.agreed"
    meaning: str | Promise  # a lazily translated string


@dataclass(frozen=True)
class SubjectAccessSection:
    """A person-linked model in the subject access export (UK GDPR Article 15),
    reached from it to the person by any of ``person_paths`` ("" is the person)."""

    model: str  # app label and model name, e.g. "plans.SupportPlan"
    person_paths: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class PersonSection:
    """A section of the person page; ``context`` builds its template's context.

    A section that declares ``reads`` (named querysets about the person, not yet
    evaluated) has them read with every other section's in one SQL statement
    (``core.batched``) and gets them, evaluated, as ``context``'s third argument:
    the page costs one round trip for all its sections, not one a table."""

    order: int
    template: str
    context: Callable[..., dict[str, Any]]
    reads: Callable[[HttpRequest, Any], dict[str, Any]] | None = None


@dataclass(frozen=True)
class NavItem:
    """A link in the main navigation and on the home page, shown to roles holding any
    of its capabilities or, when ``needs`` names a (purpose, action), to roles that
    ``accounts.access.may`` take that action: the rule its page applies."""

    order: int
    label: str | Promise  # a lazily translated string
    url_name: str
    capabilities: tuple[str, ...] = ()
    needs: tuple[str, str] | None = None  # (Purpose, Action)
    # How many things wait for the user there, shown beside the link on the home
    # page (a reviews-due count); None for a plain link.
    count: Callable[[Any], int] | None = None

    def shown_to(self, user: Any) -> bool:
        """Whether the user's role may use the page this item links to."""
        if self.needs is not None:
            from selfdirect.accounts.access import may
            from selfdirect.accounts.roles import Action, Purpose

            return may(user, Purpose(self.needs[0]), Action(self.needs[1]))
        return any(user.can(c) for c in self.capabilities)


@dataclass(frozen=True)
class HookPoint(Generic[T]):
    """A named place where other apps contribute values of type T, declared in the
    ``hooks.py`` of the app that reads them."""

    name: str
    description: str


@dataclass(frozen=True)
class Contribution(Generic[T]):
    """One value an app adds to another app's hook point."""

    point: HookPoint[T]
    value: T


# Module constant in an app's hooks.py -> the type of its items.
DECLARATIONS: dict[str, type] = {
    "AUDIT_ACTIONS": AuditAction,
    "SUBJECT_ACCESS": SubjectAccessSection,
    "PERSON_SECTIONS": PersonSection,
    "NAV_ITEMS": NavItem,
    "HOOK_POINTS": HookPoint,
    "CONTRIBUTIONS": Contribution,
}

_overrides: dict[str, tuple[Any, ...]] = {}


@functools.cache
def hook_modules() -> tuple[ModuleType, ...]:
    """The ``hooks`` module of every installed selfdirect app, in INSTALLED_APPS order
    (this module, core's own, is the collector and declares nothing)."""
    apps.check_apps_ready()
    return tuple(
        importlib.import_module(f"{config.name}.hooks")
        for config in apps.get_app_configs()
        if config.name.startswith("selfdirect.")
        and f"{config.name}.hooks" != __name__
        and module_has_submodule(config.module, "hooks")
    )


def declared(constant: str, kind: type[T]) -> list[T]:
    """Every app's items under one constant (e.g. "NAV_ITEMS"), in app order."""
    found: list[T] = []
    for module in hook_modules():
        for item in getattr(module, constant, ()):
            if not isinstance(item, kind):
                raise ImproperlyConfigured(
                    f"{module.__name__}.{constant} holds {item!r}, not a {kind.__name__}"
                )
            found.append(item)
    return found


@functools.cache
def audit_actions() -> Mapping[str, AuditAction]:
    """Every named audit action, by name; a name declared twice is an error."""
    actions: dict[str, AuditAction] = {}
    for action in declared("AUDIT_ACTIONS", AuditAction):
        if action.name in actions:
            raise ImproperlyConfigured(f"Audit action {action.name!r} declared twice")
        actions[action.name] = action
    return actions


def subject_access_sections() -> list[SubjectAccessSection]:
    """The person-linked models every app includes in the subject access export."""
    return declared("SUBJECT_ACCESS", SubjectAccessSection)


@functools.cache
def _person_sections() -> tuple[PersonSection, ...]:
    return tuple(
        sorted(declared("PERSON_SECTIONS", PersonSection), key=lambda s: s.order)
    )


def person_sections(
    request: HttpRequest,
    person: Any,
    also: Callable[[Any], dict[str, Any]] | None = None,
) -> tuple[list[tuple[str, dict[str, Any]]], dict[str, Any]]:
    """The person page's sections for this person, each with template and context,
    and the page's own reads (``also(person)``: named querysets), evaluated.

    Every section's ``reads`` and the page's own are read in one statement first
    (``core.batched.evaluate_reads``: their SQL compiled once per process for
    the user's shape and bound to the person's id); then each section builds its
    context. A section's ``reads`` must depend only on the user (their role and
    teams), the day and the person's id."""
    from django.utils import timezone

    from selfdirect.core.batched import evaluate_reads

    sections = _person_sections()

    builders: dict[Any, Callable[[Any], dict[str, Any]]] = {}
    if also is not None:
        builders["page"] = also
    for number, section in enumerate(sections):
        if section.reads is not None:
            builders[number] = functools.partial(section.reads, request)

    user: Any = request.user
    # Everything the reads may depend on besides the person's id: who the user
    # is, what reaches them (role, teams, current access, organisation) and the day.
    shape = (
        "person page",
        user.pk,
        user.role,
        tuple(user.team_ids()),
        user.access_is_current(),
        user.organization_id,
        timezone.localdate(),
    )
    read = evaluate_reads(builders, person, shape)
    return [
        (
            s.template,
            s.context(request, person)
            if s.reads is None
            else s.context(request, person, read[number]),
        )
        for number, s in enumerate(sections)
    ], read.get("page", {})


@functools.cache
def _nav_items() -> tuple[NavItem, ...]:
    return tuple(sorted(declared("NAV_ITEMS", NavItem), key=lambda i: i.order))


def nav_items(user: Any) -> list[NavItem]:
    """The navigation links this user's role may follow."""
    return [i for i in _nav_items() if i.shown_to(user)]


@functools.cache
def hook_points() -> Mapping[str, HookPoint[Any]]:
    """Every declared hook point, by name; a name declared twice is an error."""
    points: dict[str, HookPoint[Any]] = {}
    for point in declared("HOOK_POINTS", HookPoint):
        if point.name in points:
            raise ImproperlyConfigured(f"Hook point {point.name!r} declared twice")
        points[point.name] = point
    return points


@functools.cache
def _contributions(name: str) -> tuple[Any, ...]:
    if name not in hook_points():
        raise ImproperlyConfigured(f"No app declares the hook point {name!r}")
    contributed = declared("CONTRIBUTIONS", Contribution)
    return tuple(c.value for c in contributed if c.point.name == name)


def contributions(point: HookPoint[T]) -> list[T]:
    """What the installed apps contribute to a hook point, in app order."""
    if point.name in _overrides:
        return list(_overrides[point.name])
    return list(_contributions(point.name))


@contextmanager
def override_contributions(point: HookPoint[T], values: Sequence[T]) -> Iterator[None]:
    """Within the block, the hook point's contributions are exactly these (tests)."""
    from selfdirect.core.batched import forget_compiled

    previous = _overrides.get(point.name)
    _overrides[point.name] = tuple(values)
    forget_compiled()  # kept SQL may have been built from the contributions
    try:
        yield
    finally:
        forget_compiled()
        if previous is None:
            del _overrides[point.name]
        else:
            _overrides[point.name] = previous

"""Journey stages the personas' person can be given records of, only for the tests
that ask: `@pytest.mark.journey("plans")`, or a module's `pytestmark`.

Each app may have a stage: a module `selfdirect.<app>.tests.personas` with
`add_records(personas)` and `BUILDS_ON`, the stages whose records it needs first.
A test gets the stages it names and those they build on, never a later stage's."""

import importlib
from collections.abc import Collection, Iterable
from functools import cache
from types import ModuleType
from typing import Any


@cache
def _stage_modules() -> dict[str, ModuleType]:
    """Each app's stage module by app label, in INSTALLED_APPS (journey) order."""
    from django.apps import apps

    found: dict[str, ModuleType] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("selfdirect."):
            continue
        name = f"{config.name}.tests.personas"
        try:
            found[config.label] = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return found


def whole_journey() -> tuple[str, ...]:
    """Every stage, for tests that need every app's records (the URL walker)."""
    return tuple(_stage_modules())


def stages(wanted: Collection[str]) -> list[str]:
    """The stages wanted and those they build on, in journey order."""
    modules = _stage_modules()
    unknown = set(wanted) - set(modules)
    if unknown:
        raise ValueError(f"No journey stage {sorted(unknown)}: one of {list(modules)}")
    needed = set(wanted)
    while more := {e for s in needed for e in _builds_on(s)} - needed:
        needed |= more
    order = [stage for stage in modules if stage in needed]
    for stage in order:
        if not set(_builds_on(stage)) <= set(order[: order.index(stage)]):
            raise ValueError(f"Stage {stage!r} builds on a later stage")
    return order


def _builds_on(stage: str) -> tuple[str, ...]:
    return tuple(getattr(_stage_modules()[stage], "BUILDS_ON", ()))


def add_stage_records(personas: Any, stages: Iterable[str]) -> None:
    """Give the personas' person each stage's records, in the order given."""
    for stage in stages:
        _stage_modules()[stage].add_records(personas)

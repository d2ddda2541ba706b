"""Places where later journey stages add to earlier pages without being imported
by them (dependencies point one way, along the journey)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoStep:
    """Demo data a later stage adds after `selfdirect seed` has made the people."""

    order: int
    name: str
    seed: Callable[..., Any]  # (*, seed, today, now) -> Counter of rows created
    delete: Callable[[list[int]], None]  # removes its rows for these person ids


_DEMO_STEPS: list[DemoStep] = []


def add_demo_step(step: DemoStep) -> None:
    """Register a demo data step (call from AppConfig.ready)."""
    _DEMO_STEPS.append(step)
    _DEMO_STEPS.sort(key=lambda s: s.order)


def demo_steps() -> list[DemoStep]:
    """Registered demo data steps, in journey order."""
    return list(_DEMO_STEPS)

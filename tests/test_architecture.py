"""The import structure of selfdirect/ follows the layers in docs/architecture.md.

Imports are read with `ast` from the source (tests and migrations left out), so the
check needs no Django and sees imports inside functions too:
- no import cycles between modules;
- a foundation app never imports a journey app, a reader of everything, or demo;
- a journey app imports only foundations and the journey stages before it;
- only `demo` imports demo code, and only `api` imports the readers of everything.
"""

import ast
import pathlib
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parent.parent / "selfdirect"

FOUNDATIONS = [
    "config",
    "core",
    "accounts",
    "audit",
    "people",
    "directory",
    "providers",
]
# In journey order: a stage may import the stages before it, never after.
JOURNEY = [
    "conversations",
    "budgets",
    "choices",
    "plans",
    "panel",
    "delivery",
    "reviews",
    "carers",
]
# Readers of the journey: `independent` (issue 17) reads the directory and the
# council's referrals (choices); choices never imports it, and the organisation's
# answer goes back through choices.services.record_organisation_answer.
READERS = ["insights", "assurance", "independent", "portal"]
OUTER = ["api", "demo", "testing", "locale"]


def _modules() -> dict[str, pathlib.Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        if "tests" in parts or "migrations" in parts or path.name.startswith("test_"):
            continue
        name = ".".join(parts).removesuffix(".__init__")
        found[name] = path
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[
                        : len(package.split(".")) - node.level + 1
                    ]
                    base = ".".join([*parts, base] if base else parts)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            for target in targets:
                while target and target not in modules:
                    target = target.rsplit(".", 1)[0] if "." in target else ""
                if target and target != name:
                    graph[name].add(target)
    return graph


def _app(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def _imports_between_apps() -> set[tuple[str, str, str, str]]:
    return {
        (module, target, _app(module), _app(target))
        for module, targets in _graph().items()
        for target in targets
        if _app(module) != _app(target)
    }


def test_every_app_is_placed_in_a_layer() -> None:
    apps = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}
    placed = set(FOUNDATIONS + JOURNEY + READERS + OUTER)
    assert apps <= placed, f"Place these apps in a layer: {sorted(apps - placed)}"


def test_there_are_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_foundations_never_import_later_layers() -> None:
    later = set(JOURNEY + READERS + OUTER) - {"testing"}
    wrong = sorted(
        f"{module} -> {target}"
        for module, target, source, dest in _imports_between_apps()
        if source in FOUNDATIONS and dest in later and source != "config"
    )
    assert wrong == []


def test_journey_stages_import_only_earlier_stages() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, target, source, dest in _imports_between_apps()
        if source in JOURNEY
        and (
            dest in READERS + ["api", "demo", "testing"]
            or (dest in JOURNEY and JOURNEY.index(dest) > JOURNEY.index(source))
        )
    )
    assert wrong == []


def test_only_demo_imports_demo_and_only_api_imports_the_readers() -> None:
    wrong = sorted(
        f"{module} -> {target}"
        for module, target, source, dest in _imports_between_apps()
        if (dest == "demo" and source not in {"demo", "config"})
        or (dest in READERS and source not in {"api", "config", "demo", dest})
    )
    assert wrong == []


def test_the_checker_sees_relative_imports_and_cycles() -> None:
    graph = {"a.x": {"a.y"}, "a.y": {"a.x"}, "a.z": set()}
    assert _cycles(graph) == [["a.x", "a.y"]]

"""Demo code lives in selfdirect/demo, and no other app imports it."""

import ast
from pathlib import Path

SELFDIRECT = Path(__file__).resolve().parents[2]
DEMO = SELFDIRECT / "demo"


def _outside_demo_and_tests() -> list[Path]:
    return [
        path
        for path in SELFDIRECT.rglob("*.py")
        if not path.is_relative_to(DEMO) and "tests" not in path.parts
    ]


def _imported(path: Path) -> set[str]:
    """Every module the file imports, relative imports made absolute."""
    package = ".".join(path.relative_to(SELFDIRECT.parent).parent.parts)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_no_app_imports_the_demo_app() -> None:
    modules = _outside_demo_and_tests()
    offenders = [
        f"{path.relative_to(SELFDIRECT.parent)}: {name}"
        for path in modules
        for name in sorted(_imported(path))
        if name == "selfdirect.demo" or name.startswith("selfdirect.demo.")
    ]
    assert len(modules) > 100, "no modules found"
    assert not offenders, f"Only selfdirect/demo may import demo code: {offenders}"


def test_demo_modules_live_only_in_the_demo_app() -> None:
    strays = [
        str(path.relative_to(SELFDIRECT.parent))
        for path in SELFDIRECT.rglob("demo*")
        if not path.is_relative_to(DEMO) and "__pycache__" not in path.parts
    ]
    assert not strays, f"Move demo code to selfdirect/demo: {strays}"

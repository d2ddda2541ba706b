"""No doubled words ("Enter the the strength") in what users read (issue 11)."""

import importlib
import re
from pathlib import Path

from django import forms
from django.apps import apps

from selfdirect.core.plain_errors import PlainErrors, _required_message

SELFDIRECT = Path(__file__).resolve().parents[2]
DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


def _doubled(text: str) -> list[str]:
    return [m.group(0) for m in DOUBLED.finditer(text) if not m.group(1).isdigit()]


def _all_subclasses(cls: type) -> set[type]:
    found: set[type] = set(cls.__subclasses__())
    for sub in list(found):
        found |= _all_subclasses(sub)
    return found


def test_the_strength_is_asked_for_once() -> None:
    message = _required_message(forms.CharField(), "The strength")
    assert message == "Enter the strength"


def test_no_required_message_doubles_a_word() -> None:
    for config in apps.get_app_configs():
        if config.name.startswith("selfdirect."):
            try:
                importlib.import_module(f"{config.name}.forms")
            except ModuleNotFoundError:
                continue
    messages = [
        _required_message(field, str(field.label or name.replace("_", " ")))
        for form in _all_subclasses(PlainErrors)
        for name, field in getattr(form, "base_fields", {}).items()
    ]
    assert len(messages) > 50
    assert [m for m in messages if _doubled(m)] == []


def _text_of(path: Path) -> str:
    """What a reader sees of a template: tags, variables and comments removed."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}|<[^>]*>", "\n", text, flags=re.S)


def test_no_template_or_message_doubles_a_word() -> None:
    found = []
    for path in SELFDIRECT.rglob("*"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.suffix == ".html":
            found += [(path.name, d) for d in _doubled(_text_of(path))]
        elif path.suffix == ".py":
            strings = re.findall(r'"((?:[^"\\\n]|\\.)*)"', path.read_text())
            # HTML written in Python: what a reader sees, its tags removed.
            seen = (re.sub(r"<[^>]*>", "\n", s) for s in strings)
            found += [(path.name, d) for s in seen for d in _doubled(s)]
    assert found == []

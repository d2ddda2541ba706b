"""House rules that keep personal data behind the access chokepoint."""

import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
PERSONAL_MODELS = {
    model.__name__
    for model in apps.get_app_config("people").get_models()
    if model.__name__ != "ServiceGroup" and not model.__name__.startswith("Historical")
} | {"AccessLog", "AuditEvent"}


def _view_and_api_modules() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*.py")
        if ("views" in p.parts or p.name in {"views.py", "api.py"})
        and "tests" not in p.parts
    ]


def test_views_and_the_api_reach_personal_data_only_through_access_functions() -> None:
    pattern = re.compile(rf"\b({'|'.join(sorted(PERSONAL_MODELS))})\.objects\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in _view_and_api_modules()
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert _view_and_api_modules(), "no view modules found"
    assert not offenders, f"Use visible_to()/access_*() instead: {offenders}"


def test_translated_text_is_never_an_f_string() -> None:
    pattern = re.compile(r"\b(_|gettext|gettext_lazy)\(\s*f[\"']")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert not offenders, f"Use named placeholders in translated text: {offenders}"

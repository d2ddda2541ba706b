"""House rules that keep personal data behind the access chokepoint.

Personal data is the person record and every model with a foreign key to a person,
directly or through its parent chain (PlanOutcome -> SupportPlan -> Person,
AmountStated -> InformationGiven -> Person). The list is computed from the app
registry, so a model is covered the day it is written.

- Views and API modules never query a personal-data model directly (`X.objects`,
  `X.history`, `get_object_or_404(X, ...)`): lists come from selectors scoped by
  `visible_to()`, single records from `access_*()`.
- Every personal-data model has a visibility rule: its default manager is a
  `PersonQuerySet` or `PersonRecordQuerySet` whose `person_path` leads to the
  person, so `Model.objects.visible_to(user, purpose)` scopes it and the access
  functions find its rows through the person (`selfdirect/people/access.py`).
  Rows of simple_history's historical models are reached only through a tracked
  record's `history`, after that record was reached, so they need no rule of their
  own; views may not query them either.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

from selfdirect.accounts.roles import Purpose
from selfdirect.people.models import Person, PersonQuerySet, PersonRecordQuerySet
from selfdirect.testing.journey import whole_journey

ROOT = Path(__file__).resolve().parents[2]


def _parents(model: type[models.Model]) -> set[type[models.Model]]:
    return {
        field.related_model
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model is not None
    }


def _points_at_a_person(model: type[models.Model]) -> bool:
    seen: set[type[models.Model]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current is Person:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(_parents(current))
    return False


PERSONAL_MODELS = [m for m in apps.get_models() if _points_at_a_person(m)]
RECORD_MODELS = [
    m
    for m in PERSONAL_MODELS
    if m is not Person and not issubclass(m, HistoricalChanges)
]


def _view_and_api_modules() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*.py")
        # views.py, info_views.py, api.py (not demo/reviews.py, which is no view)
        if (
            "views" in p.parts
            or p.name in ("views.py", "api.py")
            or p.name.endswith(("_views.py", "_api.py"))
        )
        and "tests" not in p.parts
    ]


def _leads_to_person(model: type[models.Model], path: str) -> bool:
    current = model
    for name in path.split("__"):
        related = current._meta.get_field(name).related_model
        if related is None:
            return False
        current = related
    return current is Person


def test_personal_data_reaches_through_every_app() -> None:
    names = {m._meta.label for m in PERSONAL_MODELS}
    for label in (
        "people.Person",
        "people.Signposting",
        "plans.PlanOutcome",
        "choices.AmountStated",
        "panel.PanelDecision",
        "delivery.Payment",
        "plans.HistoricalSupportPlan",
    ):
        assert label in names
    assert "delivery.Provider" not in names
    assert "directory.Service" not in names


def test_views_and_the_api_reach_personal_data_only_through_access_functions() -> None:
    names = "|".join(sorted(m.__name__ for m in PERSONAL_MODELS))
    pattern = re.compile(
        rf"\b({names})\.(objects|history|_default_manager|_base_manager)\b"
        rf"|\bget_(object|list)_or_404\(\s*({names})\b"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in _view_and_api_modules()
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert _view_and_api_modules(), "no view modules found"
    assert not offenders, f"Use visible_to()/access_*() instead: {offenders}"


def test_every_personal_data_model_has_a_visibility_rule() -> None:
    assert isinstance(Person._default_manager.all(), PersonQuerySet)
    missing = [
        m._meta.label
        for m in RECORD_MODELS
        if not isinstance(m._default_manager.all(), PersonRecordQuerySet)
    ]
    assert not missing, f"Give these a PersonRecordQuerySet manager: {missing}"
    wrong = [
        m._meta.label
        for m in RECORD_MODELS
        if not _leads_to_person(m, m._default_manager.all().person_path)  # type: ignore[attr-defined]
    ]
    assert not wrong, f"Their person_path does not lead to a person: {wrong}"


@pytest.mark.journey(*whole_journey())
def test_every_personal_data_model_is_scoped_by_its_person(personas) -> None:
    """The persona's records: all seen by their team, none by another team."""
    seen_any = 0
    for model in RECORD_MODELS:
        records = model._default_manager.all()
        theirs = set(records.of_person(personas.person).values_list("pk", flat=True))  # type: ignore[attr-defined]
        mine = records.visible_to(personas.practitioner_a, Purpose.PRACTICE)  # type: ignore[attr-defined]
        other = records.visible_to(personas.practitioner_b, Purpose.PRACTICE)  # type: ignore[attr-defined]
        assert theirs <= set(mine.values_list("pk", flat=True)), model
        assert not other.filter(pk__in=theirs).exists(), model
        seen_any += bool(theirs)
    assert seen_any >= 10


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

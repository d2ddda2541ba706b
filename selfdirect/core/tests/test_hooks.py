"""Every app's hooks.py is well formed, and core collects it in app order."""

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.template.loader import get_template
from django.urls import reverse

from selfdirect.audit.services import record_event
from selfdirect.audit.subject_access import Registration, person_filter
from selfdirect.core import hooks

SAFE_IMPORTS = (
    "collections.abc",
    "typing",
    "django.utils.translation",
    "selfdirect.accounts.roles",
    "selfdirect.core.hooks",
)

HOOK_MODULES = (".hooks", ".hook_points")


def _module_path(module: object) -> Path:
    return Path(str(getattr(module, "__file__", "")))


def test_core_finds_the_hooks_of_the_apps_that_add_something() -> None:
    installed = [config.name for config in apps.get_app_configs()]
    found = [m.__name__.removesuffix(".hooks") for m in hooks.hook_modules()]
    assert found == sorted(found, key=installed.index)
    assert {
        "selfdirect.audit",
        "selfdirect.directory",
        "selfdirect.people",
        "selfdirect.conversations",
        "selfdirect.choices",
        "selfdirect.budgets",
        "selfdirect.delivery",
        "selfdirect.plans",
        "selfdirect.panel",
        "selfdirect.reviews",
        "selfdirect.insights",
        "selfdirect.providers",
    } <= set(found)


def test_hooks_are_declared_only_under_known_names_and_types() -> None:
    hook_types = tuple(hooks.DECLARATIONS.values())
    for module in hooks.hook_modules():
        for name, value in vars(module).items():
            if not isinstance(value, tuple | list):
                continue
            if not any(isinstance(item, hook_types) for item in value):
                continue
            assert name in hooks.DECLARATIONS, f"{module.__name__}.{name}"
            kind = hooks.DECLARATIONS[name]
            assert all(isinstance(item, kind) for item in value), module.__name__


def test_hooks_modules_import_no_models_selectors_or_services() -> None:
    for module in hooks.hook_modules():
        tree = ast.parse(_module_path(module).read_text())
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                name = "." * node.level + (node.module or "")
                safe = name.startswith(SAFE_IMPORTS) or name.endswith(HOOK_MODULES)
                assert safe, f"{module.__name__} imports {name} at module level"
            assert not isinstance(node, ast.Import), module.__name__


def test_audit_action_names_are_unique_across_apps_and_well_formed() -> None:
    names = [a.name for a in hooks.declared("AUDIT_ACTIONS", hooks.AuditAction)]
    twice = [name for name, count in Counter(names).items() if count > 1]
    assert not twice
    assert all(re.fullmatch(r"[a-z_]+\.[a-z_]+", name) for name in names)
    assert set(hooks.audit_actions()) == set(names)
    assert all(str(a.meaning) for a in hooks.audit_actions().values())


def test_every_audit_action_recorded_in_the_code_is_declared() -> None:
    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r'action="([a-z_]+\.[a-z_]+)"')
    used = {
        found
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        for found in pattern.findall(path.read_text())
    }
    assert used
    assert used <= set(hooks.audit_actions())


def test_record_event_refuses_an_action_no_app_declares(db) -> None:
    with pytest.raises(ValueError, match="Unknown audit action"):
        record_event(actor=None, action="plan.eaten", person_id=None)


def test_subject_access_models_exist_once_and_their_paths_reach_a_person() -> None:
    sections = hooks.subject_access_sections()
    labels = [s.model for s in sections]
    assert len(labels) == len(set(labels))
    for section in sections:
        model = apps.get_model(section.model)
        assert section.person_paths and section.title, section.model
        entry = Registration(model, section.person_paths, section.title)
        query = model._default_manager.filter(person_filter(entry, [1])).query
        assert str(query), section.model  # an unknown lookup raises FieldError


def test_person_section_templates_exist_and_their_order_is_unique() -> None:
    sections = hooks.declared("PERSON_SECTIONS", hooks.PersonSection)
    assert len({s.order for s in sections}) == len(sections)
    for section in sections:
        assert get_template(section.template)
        assert callable(section.context)


def test_nav_items_reverse_and_name_capabilities() -> None:
    from selfdirect.accounts.roles import NEEDS, Capability

    items = hooks.declared("NAV_ITEMS", hooks.NavItem)
    assert len({i.order for i in items}) == len(items)
    for item in items:
        assert reverse(item.url_name)
        assert item.capabilities or item.needs
        assert all(c in Capability.values for c in item.capabilities)
        assert item.needs is None or item.needs in NEEDS


def test_every_contribution_goes_to_a_declared_hook_point() -> None:
    points = hooks.hook_points()
    assert "plan_agreement_checks" in points
    for contribution in hooks.declared("CONTRIBUTIONS", hooks.Contribution):
        assert points[contribution.point.name] == contribution.point


def test_an_override_replaces_contributions_only_inside_its_block() -> None:
    from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS

    declared = hooks.contributions(PLAN_AGREEMENT_CHECKS)
    assert declared  # the resource panel's check
    with hooks.override_contributions(PLAN_AGREEMENT_CHECKS, []):
        assert hooks.contributions(PLAN_AGREEMENT_CHECKS) == []
    assert hooks.contributions(PLAN_AGREEMENT_CHECKS) == declared


def test_the_person_page_renders_the_sections_in_order(client, personas) -> None:
    expected = [
        "conversations/person_section.html",
        "choices/person_section.html",
        "budgets/person_section.html",
        "plans/person_section.html",
        "panel/person_section.html",
        "delivery/person_section.html",
        "reviews/person_section.html",
        "carers/person_section.html",
    ]
    declared = hooks.declared("PERSON_SECTIONS", hooks.PersonSection)
    assert [s.template for s in sorted(declared, key=lambda s: s.order)] == expected
    client.force_login(personas.practitioner_a)
    response = client.get(
        reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    )
    assert response.status_code == 200
    rendered = [t.name for t in response.templates if t.name in expected]
    assert list(dict.fromkeys(rendered)) == expected

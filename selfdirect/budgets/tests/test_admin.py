"""Loading a budget method in the administration pages goes through the service."""

import copy
import json

import pytest
from django.urls import reverse

from selfdirect.audit.models import AuditEvent
from selfdirect.budgets.models import BudgetMethod
from selfdirect.budgets.selectors import current_method

pytestmark = pytest.mark.journey("budgets")


@pytest.fixture
def admin_client(client, personas):  # type: ignore[no-untyped-def]
    personas.administrator.is_staff = True
    personas.administrator.save()
    client.force_login(personas.administrator)
    return client


def _new_version() -> dict:  # type: ignore[type-arg]
    method = BudgetMethod.objects.filter(kind="ras").order_by("-version").first()
    assert method is not None
    data = copy.deepcopy(method.config)
    data.update(version=method.version + 1, name="Adult RAS (revised)")
    return data


def test_adding_a_method_loads_it_from_its_config_with_an_audit_event(
    admin_client,
) -> None:
    data = _new_version()
    response = admin_client.post(
        reverse("admin:budgets_budgetmethod_add"), {"config": json.dumps(data)}
    )
    assert response.status_code == 302
    method = BudgetMethod.objects.get(code=data["code"], version=data["version"])
    assert (method.name, method.kind) == ("Adult RAS (revised)", "ras")
    assert method.valid_from.isoformat() == data["valid_from"]
    assert AuditEvent.objects.filter(action="budget_method.loaded").exists()


@pytest.mark.parametrize("config", ['"abc"', "[1, 2]", "not json"])
def test_a_config_that_is_not_a_method_is_refused_not_a_crash(
    admin_client, config
) -> None:
    before = BudgetMethod.objects.count()
    add = admin_client.post(
        reverse("admin:budgets_budgetmethod_add"), {"config": config}
    )
    assert add.status_code == 200
    assert BudgetMethod.objects.count() == before


def test_a_version_already_loaded_is_refused_in_the_admin(admin_client) -> None:
    method = current_method(
        "ras", BudgetMethod.objects.get(code="ras-adults", version=1).valid_from
    )
    assert method is not None
    before = BudgetMethod.objects.count()
    response = admin_client.post(
        reverse("admin:budgets_budgetmethod_add"), {"config": json.dumps(method.config)}
    )
    assert response.status_code == 200
    assert "already loaded" in response.content.decode()
    assert BudgetMethod.objects.count() == before


def test_changing_a_method_to_a_bare_string_config_is_refused(admin_client) -> None:
    method = BudgetMethod.objects.filter(kind="equivalence").first()
    assert method is not None
    fields = {
        "code": method.code,
        "version": method.version,
        "name": method.name,
        "kind": method.kind,
        "valid_from": method.valid_from.isoformat(),
        "active": "on",
        "illustrative": "on",
        "note": method.note,
        "config": '"abc"',
    }
    response = admin_client.post(
        reverse("admin:budgets_budgetmethod_change", args=[method.pk]), fields
    )
    assert response.status_code == 200
    method.refresh_from_db()
    assert isinstance(method.config, dict)

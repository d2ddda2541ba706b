"""Working out budgets, versions of methods and delegated limits, against the DB."""

import copy
import datetime
import json
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.budgets import selectors, services
from selfdirect.budgets.models import BudgetMethod, DelegatedLimit, IndicativeBudget
from selfdirect.people.models import ServiceGroup
from selfdirect.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[1] / "data"
ON = datetime.date(2026, 11, 2)


def _answers(method: BudgetMethod, level: int) -> dict[str, str]:
    return {
        q["code"]: q["answers"][level]["code"]
        for d in method.config["domains"]
        for q in d["questions"]
    }


def _ras() -> BudgetMethod:
    method = selectors.current_method("ras", ON)
    assert method is not None
    return method


def test_the_illustrative_methods_and_limits_are_loaded_and_marked() -> None:
    ras, equivalence = _ras(), selectors.current_method("equivalence", ON)
    assert ras.illustrative and "ILLUSTRATIVE" in ras.note
    assert equivalence is not None and equivalence.illustrative
    assert selectors.delegated_limit(Role.PRACTITIONER, ON) == Decimal("12000.00")
    assert selectors.delegated_limit(Role.TEAM_MANAGER, ON) == Decimal("25000.00")
    assert selectors.delegated_limit(Role.PANEL_MEMBER, ON) is None


def test_a_budget_keeps_its_method_version_inputs_and_workings() -> None:
    worker = UserFactory.create(role=Role.PRACTITIONER)
    person = PersonFactory.create()
    group = ServiceGroup.objects.get(code="dementia")
    method = _ras()
    budget = services.work_out_ras_budget(
        person=person,
        by=worker,
        method=method,
        answers=_answers(method, 1),
        service_group=group,
        worked_out_on=ON,
    )
    assert budget.method_version == 1
    assert budget.inputs["service_group"] == "dementia"
    assert budget.workings[-1]["amount"] == str(budget.amount)
    assert budget.delegated_limit == Decimal("12000.00")
    assert AuditEvent.objects.filter(action="budget.worked_out", person=person).exists()
    assert budget.history.count() == 1


def test_a_new_method_version_never_changes_an_old_budget() -> None:
    worker = UserFactory.create(role=Role.PRACTITIONER)
    person = PersonFactory.create()
    old = _ras()
    answers = _answers(old, 1)
    before = services.work_out_ras_budget(
        person=person,
        by=worker,
        method=old,
        answers=answers,
        service_group=None,
        worked_out_on=ON,
    )
    data = copy.deepcopy(old.config)
    data.update(version=2, valid_from="2026-10-01")
    data["pricing"]["default"] = "400.00"
    new = services.load_budget_method(data=data, by=None)
    assert selectors.current_method("ras", ON) == new
    after = services.work_out_ras_budget(
        person=person,
        by=worker,
        method=new,
        answers=answers,
        service_group=None,
        worked_out_on=ON,
    )
    before.refresh_from_db()
    old.refresh_from_db()
    assert before.method_version == 1 and after.method_version == 2
    assert after.amount > before.amount
    assert before.workings[-1]["amount"] == str(before.amount)
    assert old.config["pricing"]["default"] == "250.00"


def test_a_loaded_version_cannot_be_loaded_again() -> None:
    with pytest.raises(ValidationError):
        services.load_budget_method(data=_ras().config, by=None)


def test_a_budget_over_the_setters_limit_goes_to_panel_and_within_it_does_not() -> None:
    practitioner = UserFactory.create(role=Role.PRACTITIONER)
    manager = UserFactory.create(role=Role.TEAM_MANAGER)
    person = PersonFactory.create()
    method = _ras()
    high = _answers(method, 3)
    kwargs = {
        "person": person,
        "method": method,
        "answers": high,
        "service_group": None,
        "worked_out_on": ON,
    }
    by_practitioner = services.work_out_ras_budget(by=practitioner, **kwargs)  # type: ignore[arg-type]
    by_manager = services.work_out_ras_budget(by=manager, **kwargs)  # type: ignore[arg-type]
    assert Decimal("12000") < by_practitioner.amount <= Decimal("25000")
    assert by_practitioner.authority == IndicativeBudget.Authority.PANEL
    assert by_manager.authority == IndicativeBudget.Authority.WITHIN


def test_a_later_limit_applies_from_its_date_only() -> None:
    DelegatedLimit.objects.create(
        role=Role.PRACTITIONER,
        yearly_amount=Decimal("15000"),
        valid_from=datetime.date(2027, 1, 1),
    )
    assert selectors.delegated_limit(Role.PRACTITIONER, ON) == Decimal("12000.00")
    assert selectors.delegated_limit(
        Role.PRACTITIONER, datetime.date(2027, 1, 1)
    ) == Decimal("15000.00")


def test_equivalence_budget_is_kept_with_its_lines() -> None:
    worker = UserFactory.create(role=Role.PRACTITIONER)
    method = selectors.current_method("equivalence", ON)
    assert method is not None
    budget = services.work_out_equivalence_budget(
        person=PersonFactory.create(),
        by=worker,
        method=method,
        lines=[
            {
                "what": "PA",
                "hours_per_week": Decimal("10"),
                "hourly_rate": Decimal("17.50"),
            }
        ],
        worked_out_on=ON,
    )
    assert budget.amount == Decimal("9100.00")
    assert budget.authority == "within"
    assert budget.inputs["lines"][0]["what"] == "PA"


def test_the_load_method_command_checks_and_loads_a_file(tmp_path: Path) -> None:
    data = json.loads((DATA / "equivalence_illustrative.json").read_text())
    data["version"] = 5
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data))
    out = StringIO()
    call_command("budgets", "load-method", str(good), stdout=out)
    assert "version 5" in out.getvalue()
    data["weeks_per_year"] = "lots"
    data["version"] = 6
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="weeks_per_year"):
        call_command("budgets", "load-method", str(bad))

"""Actions on budget methods and indicative budgets."""

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.core.concurrency import save_new
from selfdirect.people.models import Person, ServiceGroup

from . import rules, selectors
from .method_schema import check_method
from .models import BudgetMethod, IndicativeBudget


def check_new_method(data: Any) -> None:
    """Raise ValidationError unless this is a valid method file (by the schema) of
    a version not loaded yet."""
    check_method(data)
    if BudgetMethod.objects.filter(code=data["code"], version=data["version"]).exists():
        raise ValidationError(
            _(
                "Version %(version)s of %(code)s is already loaded. Give the new "
                "version a higher number."
            )
            % {"version": data["version"], "code": data["code"]}
        )


@transaction.atomic
def load_budget_method(*, data: Mapping[str, Any], by: User | None) -> BudgetMethod:
    """Load a version of a budget method from its JSON (checked against the schema).
    A version already loaded is never changed: load a higher version number."""
    check_new_method(data)
    method = BudgetMethod.objects.create(
        code=data["code"],
        version=data["version"],
        name=data["name"],
        kind=data["kind"],
        valid_from=datetime.date.fromisoformat(data["valid_from"]),
        illustrative=data.get("illustrative", True),
        for_carers=data.get("for_carers", False),
        note=data.get("note", ""),
        config=dict(data),
    )
    record_event(
        actor=by,
        action="budget_method.loaded",
        person_id=None,
        code=method.code,
        version=method.version,
    )
    return method


def _save_budget(
    *,
    person: Person,
    by: User,
    method: BudgetMethod | None,
    workings: rules.Workings,
    worked_out_on: datetime.date,
    explanation: str,
    service_group: ServiceGroup | None,
    method_version: int | None = None,
) -> IndicativeBudget:
    limit = selectors.delegated_limit(by.role, worked_out_on)
    budget = save_new(
        IndicativeBudget(
            person=person,
            worked_out_on=worked_out_on,
            amount=workings.amount,
            recorded_by=by,
            method=method,
            method_version=method.version if method else (method_version or 1),
            service_group=service_group,
            inputs=workings.inputs,
            workings=workings.steps,
            explanation=explanation,
            delegated_limit=limit,
            authority=rules.authority_for(workings.amount, limit),
        ),
        by,
    )
    record_event(
        actor=by,
        action="budget.worked_out",
        person_id=person.pk,
        budget=str(budget.public_id),
        amount=str(budget.amount),
        method=method.code if method else "",
        method_version=budget.method_version,
        authority=budget.authority,
    )
    return budget


@transaction.atomic
def work_out_ras_budget(
    *,
    person: Person,
    by: User,
    method: BudgetMethod,
    answers: Mapping[str, str],
    service_group: ServiceGroup | None,
    worked_out_on: datetime.date,
    explanation: str = "",
) -> IndicativeBudget:
    """Work out and keep a RAS budget with its answers and arithmetic."""
    workings = rules.ras_budget(
        method.config,
        answers=answers,
        service_group=service_group.code if service_group else "",
    )
    return _save_budget(
        person=person,
        by=by,
        method=method,
        workings=workings,
        worked_out_on=worked_out_on,
        explanation=explanation,
        service_group=service_group,
    )


@transaction.atomic
def work_out_equivalence_budget(
    *,
    person: Person,
    by: User,
    method: BudgetMethod,
    lines: Sequence[Mapping[str, Any]],
    worked_out_on: datetime.date,
    explanation: str = "",
) -> IndicativeBudget:
    """Work out and keep a budget by pricing the support otherwise arranged."""
    workings = rules.equivalence_budget(method.config, lines=lines)
    return _save_budget(
        person=person,
        by=by,
        method=method,
        workings=workings,
        worked_out_on=worked_out_on,
        explanation=explanation,
        service_group=None,
    )


@transaction.atomic
def record_budget_worked_out_elsewhere(
    *,
    person: Person,
    by: User,
    amount: Decimal,
    worked_out_on: datetime.date,
    method: BudgetMethod | None,
    method_version: int | None,
    service_group: ServiceGroup | None,
    explanation: str,
    source: str,
) -> IndicativeBudget:
    """Keep an indicative budget worked out in another system (a partnership's
    records moved into Selfdirect): its amount as that system gave it, with the
    method named where it is one loaded here. The workings say where it came from;
    the authority is the same rule as for a budget worked out here (the delegated
    limit of whoever records it)."""
    if amount <= 0:
        raise ValidationError({"amount": _("The budget must be more than £0.")})
    workings = rules.Workings(
        amount=amount,
        inputs={"brought_in_from": source},
        steps=[{"step": "brought_in", "source": source, "amount": str(amount)}],
    )
    return _save_budget(
        person=person,
        by=by,
        method=method,
        workings=workings,
        worked_out_on=worked_out_on,
        explanation=explanation,
        service_group=service_group,
        method_version=method_version,
    )

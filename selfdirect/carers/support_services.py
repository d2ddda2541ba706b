"""(i) and (j) of a carer's plan: the indicative budget from a method kept for
carers (worked out by the budgets app's own services), the option chosen for
each element of support, and signposting for other needs with its follow-up.
Each action is one transaction, version-checked where it changes a record, and
audited."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.budgets import services as budget_services
from selfdirect.budgets.models import BudgetMethod, IndicativeBudget
from selfdirect.core.concurrency import save_new, update_versioned
from selfdirect.core.details import field_values

from . import support_rules
from .details import FollowUpDetails, SignpostingDetails, SupportDetails
from .models import CarerPlan, CarerSignposting, CarerSupport
from .selectors import plan_judgement


def _audit(plan: CarerPlan, by: User, action: str, **detail: Any) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=plan.carer.person_id,
        carer=str(plan.carer.public_id),
        plan=str(plan.public_id),
        **detail,
    )


def _editable(plan: CarerPlan) -> None:
    if plan.state == CarerPlan.State.AGREED:
        raise ValidationError(_("This plan has been agreed, so it cannot be changed."))


def has_eligible_need(plan: CarerPlan) -> bool:
    judgement = plan_judgement(plan)
    return judgement is not None and judgement.eligible


@transaction.atomic
def work_out_budget(
    *,
    plan: CarerPlan,
    by: User,
    version: int,
    method: BudgetMethod,
    worked_out_on: datetime.date,
    answers: Mapping[str, str] | None = None,
    lines: Sequence[Mapping[str, Any]] | None = None,
    explanation: str = "",
) -> IndicativeBudget:
    """(i) Work out the indicative budget for the carer's eligible needs with a
    budget method kept for carers, through the budgets app (its arithmetic,
    rounding, delegated authority and audit), as a budget of the carer's own
    person record, and link it to the plan (version-checked)."""
    _editable(plan)
    if not method.for_carers:
        raise ValidationError(_("Use a budget method kept for carers."))
    if not has_eligible_need(plan):
        raise ValidationError(
            _(
                "Record an impact at or above the threshold first: the budget is for eligible needs."
            )
        )
    if worked_out_on < plan.started_on or worked_out_on > timezone.localdate():
        raise ValidationError(
            {"worked_out_on": _("Give a date from the plan's start to today")}
        )
    person = plan.carer.person
    if method.kind == BudgetMethod.Kind.RAS:
        budget = budget_services.work_out_ras_budget(
            person=person,
            by=by,
            method=method,
            answers=answers or {},
            service_group=None,
            worked_out_on=worked_out_on,
            explanation=explanation,
        )
    else:
        budget = budget_services.work_out_equivalence_budget(
            person=person,
            by=by,
            method=method,
            lines=lines or [],
            worked_out_on=worked_out_on,
            explanation=explanation,
        )
    update_versioned(plan, by=by, version=version, details={"budget": budget})
    _audit(plan, by, "carer.budget", budget=str(budget.public_id))
    return budget


@transaction.atomic
def add_support(*, plan: CarerPlan, by: User, details: SupportDetails) -> CarerSupport:
    """(i) Add an element of support for the carer's eligible needs, with the
    option chosen for it, who chose and when."""
    _editable(plan)
    problems = support_rules.support_problems(
        details,
        eligible=has_eligible_need(plan),
        started_on=plan.started_on,
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    row = save_new(CarerSupport(plan=plan, recorded_by=by, **field_values(details)), by)
    _audit(plan, by, "carer.option_chosen", option=row.option)
    return row


@transaction.atomic
def change_support(
    *, support: CarerSupport, by: User, version: int, details: SupportDetails
) -> CarerSupport:
    """(i) Change an element of support or the option chosen for it (the earlier
    choice stays in the history)."""
    plan = support.plan
    _editable(plan)
    problems = support_rules.support_problems(
        details,
        eligible=has_eligible_need(plan),
        started_on=plan.started_on,
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    update_versioned(support, by=by, version=version, details=field_values(details))
    _audit(plan, by, "carer.option_chosen", option=support.option)
    return support


@transaction.atomic
def add_signposting(
    *, plan: CarerPlan, by: User, details: SignpostingDetails
) -> CarerSignposting:
    """(j) Signpost the carer to community support for a need the criteria do not
    cover, with the day to follow it up (as at first contact)."""
    _editable(plan)
    problems = support_rules.signposting_problems(
        details, started_on=plan.started_on, today=timezone.localdate()
    )
    if problems:
        raise ValidationError(problems)
    values = field_values(details)
    if details.service is not None and not details.support_name.strip():
        values["support_name"] = details.service.name[:200]
    row = save_new(CarerSignposting(plan=plan, recorded_by=by, **values), by)
    _audit(plan, by, "carer.signposted", support=row.support_name)
    return row


@transaction.atomic
def record_follow_up(
    *, signposting: CarerSignposting, by: User, version: int, details: FollowUpDetails
) -> CarerSignposting:
    """(j) Record what came of signposting (need met, still needs help, referred
    for assessment), whether the carer used it, and when. Allowed after the plan
    is agreed: following up is part of carrying the plan out."""
    problems = support_rules.follow_up_problems(
        details, signposted_on=signposting.signposted_on, today=timezone.localdate()
    )
    if problems:
        raise ValidationError(problems)
    update_versioned(signposting, by=by, version=version, details=field_values(details))
    _audit(signposting.plan, by, "carer.followed_up", result=signposting.result)
    return signposting

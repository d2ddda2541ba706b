"""Starting and changing a draft support plan: outcomes, supports, contingency, budget."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.people.access import access_person

from .. import selectors, services
from ..forms import (
    BudgetForm,
    ContingencyForm,
    EditOutcomeForm,
    EditSupportForm,
    OutcomeForm,
    RemoveForm,
    StartPlanForm,
    SupportForm,
)
from ..models import SupportPlan
from ..permissions import access_plan, access_plan_outcome, access_support


def _plan_url(plan: SupportPlan, anchor: str = "") -> str:
    url = reverse("plans:detail", args=[plan.person.public_id, plan.public_id])
    return url + (f"#{anchor}" if anchor else "")


def _to_plan(plan: SupportPlan, anchor: str = "") -> HttpResponse:
    return redirect(_plan_url(plan, anchor))


def _read_only(request: HttpRequest, plan: SupportPlan) -> HttpResponse | None:
    """An agreed plan's change pages send the user back to it, saying why."""
    if plan.is_draft:
        return None
    messages.info(
        request,
        _(
            "This plan has been agreed, so it cannot be changed. Start a new "
            "version of the plan to make changes; this one will be kept."
        ),
    )
    return _to_plan(plan)


@require_http_methods(["GET", "POST"])
@once
def start(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    require(user, Capability.PLAN_SUPPORT)
    conversations = selectors.agreed_conversations(person)
    form = bind(
        request,
        StartPlanForm,
        conversations=conversations,
        initial={"conversation": conversations.first()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.start_support_plan(
                person=person,
                conversation=form.cleaned_data["conversation"],
                by=user,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Support plan started from the person's outcomes. Now add how "
                    "everyone will know each one is achieved, and the supports."
                ),
            )
            return _to_plan(plan)
    context = {"form": form, "person": person, "has_any": conversations.exists()}
    return render(request, "plans/start.html", context)


@require_GET
def detail(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(user, person_id, plan_id, page=page(request))
    context = selectors.plan_detail(plan)
    context["can_change"] = plan.is_draft and user.can(Capability.PLAN_SUPPORT)
    context["can_plan"] = user.can(Capability.PLAN_SUPPORT)
    return render(request, "plans/plan_detail.html", context)


@require_http_methods(["GET", "POST"])
@once
def outcome(
    request: HttpRequest, person_id: str, plan_id: str, outcome_id: int | None = None
) -> HttpResponse:
    user = actor(request)
    if outcome_id is None:
        existing = None
        plan = access_plan(
            user, person_id, plan_id, action=Action.CHANGE, page=page(request)
        )
    else:
        existing = access_plan_outcome(
            user, person_id, plan_id, outcome_id, page=page(request)
        )
        plan = existing.plan
    if refused := _read_only(request, plan):
        return refused
    form_class = EditOutcomeForm if existing else OutcomeForm
    initial = OutcomeForm.initial_from(existing) if existing else {}
    form = bind(request, form_class, initial=initial)
    if request.method == "POST":
        form.is_valid()  # the hint reads what was typed, cleaned
    return form_page(
        request,
        form,
        save=lambda f: _save_outcome(f, plan, existing, user),
        done=_("Outcome saved."),
        next_url=_plan_url(plan, "outcomes"),
        context={
            "plan": plan,
            "person": plan.person,
            "outcome": existing,
            "hint": selectors.smart_preview(form) if form.is_bound else None,
        },
        template="plans/outcome_form.html",
    )


def _save_outcome(
    form: OutcomeForm, plan: SupportPlan, existing: Any, user: Any
) -> None:
    if existing is None:
        services.add_plan_outcome(
            plan=plan, by=user, details=form.details(), today=timezone.localdate()
        )
    else:
        services.update_plan_outcome(
            outcome=existing,
            by=user,
            version=form.cleaned_data["version"],
            details=form.details(),
        )


def _support_form_kwargs(plan: SupportPlan) -> dict[str, Any]:
    return {
        "outcomes": plan.outcomes.all(),
        "providers": selectors.provider_choices(),
        "services": selectors.community_service_choices(),
    }


@require_http_methods(["GET", "POST"])
@once
def support(
    request: HttpRequest, person_id: str, plan_id: str, support_id: int | None = None
) -> HttpResponse:
    user = actor(request)
    if support_id is None:
        existing = None
        plan = access_plan(
            user, person_id, plan_id, action=Action.CHANGE, page=page(request)
        )
    else:
        existing = access_support(
            user, person_id, plan_id, support_id, page=page(request)
        )
        plan = existing.plan
    if refused := _read_only(request, plan):
        return refused
    kwargs = _support_form_kwargs(plan)
    form_class = EditSupportForm if existing else SupportForm
    initial = SupportForm.initial_from(existing) if existing else {"yearly_cost": 0}
    return form_page(
        request,
        bind(request, form_class, initial=initial, **kwargs),
        save=lambda f: _save_support(f, plan, existing, user),
        done=_("Support saved."),
        next_url=_plan_url(plan, "supports"),
        context={"plan": plan, "person": plan.person, "support": existing},
        template="plans/support_form.html",
        init_kwargs=kwargs,
    )


def _save_support(
    form: SupportForm, plan: SupportPlan, existing: Any, user: Any
) -> None:
    outcomes = list(form.cleaned_data["outcomes"])
    if existing is None:
        services.add_support(
            plan=plan, by=user, details=form.details(), outcomes=outcomes
        )
    else:
        services.update_support(
            support=existing,
            by=user,
            version=form.cleaned_data["version"],
            details=form.details(),
            outcomes=outcomes,
        )


@require_http_methods(["GET", "POST"])
def remove_outcome(
    request: HttpRequest, person_id: str, plan_id: str, outcome_id: int
) -> HttpResponse:
    user = actor(request)
    existing = access_plan_outcome(
        user, person_id, plan_id, outcome_id, page=page(request)
    )
    return _remove(
        request,
        existing,
        services.remove_plan_outcome,
        "outcome",
        _("Remove this outcome from the plan?"),
        existing.words,
    )


@require_http_methods(["GET", "POST"])
def remove_support(
    request: HttpRequest, person_id: str, plan_id: str, support_id: int
) -> HttpResponse:
    user = actor(request)
    existing = access_support(user, person_id, plan_id, support_id, page=page(request))
    return _remove(
        request,
        existing,
        services.remove_support,
        "support",
        _("Remove this support from the plan?"),
        existing.what,
    )


def _remove(
    request: HttpRequest, row: Any, service: Any, kind: str, title: str, words: str
) -> HttpResponse:
    user = actor(request)
    if refused := _read_only(request, row.plan):
        return refused
    return form_page(
        request,
        bind(request, RemoveForm, initial={"version": row.version}),
        save=lambda f: service(
            **{kind: row}, by=user, version=f.cleaned_data["version"]
        ),
        done=_("Removed from the plan."),
        next_url=_plan_url(row.plan, f"{kind}s"),
        context={
            "plan": row.plan,
            "person": row.plan.person,
            "title": title,
            "words": words,
        },
        template="plans/remove.html",
    )


@require_http_methods(["GET", "POST"])
def contingency(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _read_only(request, plan):
        return refused
    initial = {
        "version": plan.version,
        **{n: getattr(plan, n) for n in ContingencyForm.base_fields if n != "version"},
    }
    return form_page(
        request,
        bind(request, ContingencyForm, initial=initial),
        save=lambda f: services.record_contingency(
            plan=plan, by=user, version=f.cleaned_data["version"], details=f.details()
        ),
        done=_("Contingency arrangements saved."),
        next_url=_plan_url(plan, "contingency"),
        context={"plan": plan, "person": plan.person},
        template="plans/contingency_form.html",
    )


@require_http_methods(["GET", "POST"])
def budget(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _read_only(request, plan):
        return refused
    budgets = selectors.budgets_of(plan.person)
    return form_page(
        request,
        bind(
            request,
            BudgetForm,
            budgets=budgets,
            initial={"version": plan.version, "budget": plan.budget_id},
        ),
        save=lambda f: services.change_plan_budget(
            plan=plan,
            by=user,
            version=f.cleaned_data["version"],
            budget=f.cleaned_data["budget"],
        ),
        done=_("Budget changed."),
        next_url=_plan_url(plan, "money"),
        context={
            "plan": plan,
            "person": plan.person,
            "title": _("Which budget does the plan spend?"),
            "button": _("Save"),
        },
        template="plans/simple_form.html",
        init_kwargs={"budgets": budgets},
    )

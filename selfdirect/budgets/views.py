from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Capability
from selfdirect.core.form_pages import show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import letter_details, render_letter_response
from selfdirect.core.once import once

from . import rules, selectors, services
from .forms import EquivalenceForm, RasForm
from .models import BudgetMethod, IndicativeBudget
from .permissions import access_budget, access_person_to_set_budget


def _method(kind: str) -> BudgetMethod:
    method = selectors.current_method(kind, timezone.localdate())
    if method is None:
        raise Http404("No budget method of this kind is set up")
    return method


def _to_budget(budget: IndicativeBudget) -> HttpResponse:
    return redirect(
        "budgets:detail", person_id=budget.person.public_id, budget_id=budget.public_id
    )


@require_http_methods(["GET", "POST"])
@once
def new_ras_budget(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_to_set_budget(user, person_id, page=page(request))
    method = _method(BudgetMethod.Kind.RAS)
    first_group = person.service_groups.first()
    initial = {"worked_out_on": timezone.localdate(), "service_group": first_group}
    form = bind(request, RasForm, method=method, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            budget = services.work_out_ras_budget(
                person=person,
                by=user,
                method=method,
                answers=form.answers(),
                service_group=form.cleaned_data["service_group"],
                worked_out_on=form.cleaned_data["worked_out_on"],
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Indicative budget worked out."))
            return _to_budget(budget)
    context = {"form": form, "person": person, "method": method}
    return render(request, "budgets/ras_form.html", context)


@require_http_methods(["GET", "POST"])
@once
def new_equivalence_budget(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person_to_set_budget(user, person_id, page=page(request))
    method = _method(BudgetMethod.Kind.EQUIVALENCE)
    form = bind(
        request, EquivalenceForm, initial={"worked_out_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            budget = services.work_out_equivalence_budget(
                person=person,
                by=user,
                method=method,
                lines=form.lines(),
                worked_out_on=form.cleaned_data["worked_out_on"],
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Indicative budget worked out."))
            return _to_budget(budget)
    context = {"form": form, "person": person, "method": method}
    return render(request, "budgets/equivalence_form.html", context)


@require_GET
def budget_detail(request: HttpRequest, person_id: str, budget_id: str) -> HttpResponse:
    user = actor(request)
    budget = access_budget(user, person_id, budget_id, page=page(request))
    context = {
        "budget": budget,
        "person": budget.person,
        "can_submit": user.can(Capability.CHANGE_PEOPLE),
    }
    return render(request, "budgets/budget_detail.html", context)


@require_GET
def explained(
    request: HttpRequest, person_id: str, budget_id: str, fmt: str
) -> HttpResponse:
    user = actor(request)
    budget = access_budget(user, person_id, budget_id, page=page(request))
    method = budget.method
    blocker = rules.letter_blocker(
        method_confirmed=method is not None and not method.illustrative
    )
    context: dict[str, Any] = {
        "budget": budget,
        "person": budget.person,
        "blocker": blocker,
    }
    if fmt == "pdf" and blocker:
        return render(request, "budgets/explained.html", context, status=409)
    if fmt == "pdf":
        return render_letter_response(
            "budgets/explained_pdf.html",
            context,
            person=budget.person,
            produced_by=user,
            filename="how-your-budget-was-worked-out.pdf",
        )
    context["letter"] = letter_details(person=budget.person, produced_by=user)
    return render(request, "budgets/explained.html", context)


@require_GET
def methods(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    if not (user.can(Capability.SET_BUDGET) or user.can(Capability.CONFIGURE_BUDGETS)):
        raise PermissionDenied(Capability.SET_BUDGET)
    today = timezone.localdate()
    context = {
        "methods": list(BudgetMethod.objects.all()),
        "limits": selectors.limits_in_force(today),
        "can_configure": user.can(Capability.CONFIGURE_BUDGETS),
    }
    return render(request, "budgets/methods.html", context)

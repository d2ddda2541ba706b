"""The carer's plan or statement: starting it, each section, outcomes, breaks,
the impact in each domain, sharing and agreeing, and the carer's own copy."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action, Capability
from selfdirect.conversations.wording import classify_outcome
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import render_letter_response
from selfdirect.core.once import once

from . import selectors, services
from .forms import (
    BreakForm,
    DateForm,
    ImpactsForm,
    OutcomeForm,
    StartPlanForm,
    section_form,
)
from .models import CarerPlan
from .permissions import access_carer, access_plan
from .sections import BY_CODE, EDITABLE, sections_for
from .support_selectors import may_open_budget


def plan_url(plan: CarerPlan, anchor: str = "") -> str:
    url = reverse("carers:plan", args=[plan.public_id])
    return url + (f"#{anchor}" if anchor else "")


def _context(plan: CarerPlan, **more: Any) -> dict[str, Any]:
    return {"plan": plan, "carer": plan.carer, "person": plan.carer.person, **more}


def _editable(request: HttpRequest, plan: CarerPlan) -> HttpResponse | None:
    if plan.state != CarerPlan.State.AGREED:
        return None
    messages.info(request, _("This plan has been agreed, so it cannot be changed."))
    return redirect(plan_url(plan))


@require_http_methods(["GET", "POST"])
@once
def start_plan(request: HttpRequest, carer_id: str) -> HttpResponse:
    user = actor(request)
    carer = access_carer(user, carer_id, action=Action.CHANGE, page=page(request))
    form = bind(request, StartPlanForm, initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.start_plan(
                carer=carer, by=user, started_on=form.cleaned_data["started_on"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Plan started. Fill in each section."))
            return redirect(plan_url(plan))
    context = {
        "form": form,
        "carer": carer,
        "person": carer.person,
        "title": _("Start the plan"),
    }
    return render(request, "carers/form.html", context)


@require_GET
def plan(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, page=page(request))
    context = selectors.plan_detail(found)
    context["sections"] = sections_for(found.is_young)
    may_change = selectors.may_change_carer(user, found.carer)
    context["can_change"] = found.state != CarerPlan.State.AGREED and may_change
    context["problems"] = services.agreement_problems(found)
    context["may_change_carer"] = may_change
    context["can_set_budget"] = user.can(Capability.SET_BUDGET)
    context["can_open_budget"] = found.budget_id is not None and may_open_budget(
        user, found
    )
    context["reviews"] = selectors.plan_reviews(found)
    context["may_review"] = found.state == CarerPlan.State.AGREED and may_change
    for outcome in context["outcomes"]:
        outcome.hint = classify_outcome(outcome.words)
    return render(request, "carers/plan.html", context)


@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, plan_id: str, section: str) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    chosen = BY_CODE.get(section)
    if chosen is None or section not in EDITABLE:
        raise Http404("No such section")
    if section == "young" and not found.is_young:
        raise Http404("No such section")
    if stop := _editable(request, found):
        return stop
    form_class = section_form(chosen, young=found.is_young)
    form = bind(request, form_class, instance=found, initial={"version": found.version})
    title = chosen.young_title if found.is_young else chosen.title
    return form_page(
        request,
        form,  # type: ignore[arg-type]  # a ModelForm; form_page needs only BaseForm
        save=lambda f: services.update_section(
            plan=found, by=user, version=f.cleaned_data["version"], values=f.values()
        ),
        done=_("Section saved."),
        next_url=plan_url(found, section),
        context=_context(found, title=title, letter=chosen.letter),
        template="carers/plan_form.html",
        init_kwargs={"instance": found},
    )


@require_http_methods(["GET", "POST"])
@once
def new_outcome(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    form = bind(request, OutcomeForm)
    return form_page(
        request,
        form,
        save=lambda f: services.add_outcome(
            plan=found, by=user, words=f.cleaned_data["words"]
        ),
        done=_("Outcome added."),
        next_url=plan_url(found, "outcomes"),
        context=_context(found, title=_("Add an outcome"), letter="e", wording=True),
        template="carers/plan_form.html",
    )


@require_http_methods(["GET", "POST"])
@once
def new_break(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    form = bind(request, BreakForm)
    return form_page(
        request,
        form,
        save=lambda f: services.add_break(plan=found, by=user, details=f.details()),
        done=_("Break from caring added."),
        next_url=plan_url(found, "breaks"),
        context=_context(found, title=_("Add a break from caring"), letter="k"),
        template="carers/plan_form.html",
    )


@require_http_methods(["GET", "POST"])
def impacts(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    if found.criteria is None:
        raise Http404("No criteria in force")
    domains = list(selectors.criteria_domains(found.criteria))
    current = {row.domain_id: row for row in found.impacts.all()}
    kwargs = {"domains": domains, "current": current}
    form = bind(request, ImpactsForm, **kwargs)
    return form_page(
        request,
        form,
        save=lambda f: services.record_impacts(plan=found, by=user, levels=f.levels()),
        done=_("Impact of caring saved."),
        next_url=plan_url(found, "eligible"),
        context=_context(found, title=_("The impact of caring"), letter="i"),
        template="carers/plan_form.html",
        init_kwargs=kwargs,
    )


def _state_page(
    request: HttpRequest, plan_id: str, *, save: Any, title: str, done: str
) -> HttpResponse:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    if stop := _editable(request, found):
        return stop
    initial = {"day": timezone.localdate(), "version": found.version}
    form = bind(request, DateForm, initial=initial)
    problems = services.agreement_problems(found)
    return form_page(
        request,
        form,
        save=lambda f: save(found, user, f.cleaned_data),
        done=done,
        next_url=plan_url(found),
        context=_context(found, title=title, problems=problems),
        template="carers/plan_form.html",
    )


@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, plan_id: str) -> HttpResponse:
    return _state_page(
        request,
        plan_id,
        save=lambda p, u, d: services.share_plan(
            plan=p, by=u, version=d["version"], shared_on=d["day"]
        ),
        title=_("Share the draft with the carer"),
        done=_("Recorded that the draft was shared with the carer."),
    )


@require_http_methods(["GET", "POST"])
def agree(request: HttpRequest, plan_id: str) -> HttpResponse:
    return _state_page(
        request,
        plan_id,
        save=lambda p, u, d: services.agree_plan(
            plan=p, by=u, version=d["version"], agreed_on=d["day"]
        ),
        title=_("Record that the carer agreed the plan"),
        done=_("The plan is agreed."),
    )


def _mine(request: HttpRequest, plan_id: str) -> tuple[CarerPlan, dict[str, Any]]:
    user = actor(request)
    found = access_plan(user, plan_id, page=page(request))
    context = selectors.plan_detail(found)
    context["sections"] = sections_for(found.is_young)
    context["last_review"] = selectors.latest_agreed_review(found)
    return found, context


@require_GET
def my_plan(request: HttpRequest, plan_id: str) -> HttpResponse:
    """The carer's own printable copy, in plain English."""
    _found, context = _mine(request, plan_id)
    return render(request, "carers/my_plan.html", context)


@require_GET
def my_plan_pdf(request: HttpRequest, plan_id: str) -> HttpResponse:
    found, context = _mine(request, plan_id)
    name = (
        "my-young-carer-statement.pdf"
        if found.is_young
        else "my-carer-support-plan.pdf"
    )
    return render_letter_response(
        "carers/my_plan_pdf.html",
        context,
        person=found.carer.person,
        produced_by=actor(request),
        filename=name,
    )

"""(i) The carer's indicative budget and the option chosen for each element of
support, and (j) signposting with its follow-up. Every page reaches the plan
through the chokepoint (`permissions.access_plan`) for a change."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.budgets.models import BudgetMethod
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.dates import add_days
from selfdirect.core.form_pages import form_page, rebind_for_conflict, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once

from . import support_services
from .models import CarerPlan
from .permissions import access_plan, access_signposting, access_support
from .plan_views import plan_url
from .support_forms import (
    CarerEquivalenceForm,
    CarerRasForm,
    FollowUpForm,
    SignpostingForm,
    SupportForm,
)
from .support_selectors import carers_method

TEMPLATE = "carers/plan_form.html"


def _plan_to_change(request: HttpRequest, plan_id: str) -> CarerPlan:
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    if found.state == CarerPlan.State.AGREED:
        raise Http404("This plan has been agreed")
    return found


def _context(plan: CarerPlan, **more: Any) -> dict[str, Any]:
    return {"plan": plan, "carer": plan.carer, "person": plan.carer.person, **more}


@require_http_methods(["GET", "POST"])
@once
def budget(request: HttpRequest, plan_id: str) -> HttpResponse:
    """Work out the carer's indicative budget with the method kept for carers."""
    user = actor(request)
    require(user, Capability.SET_BUDGET)
    found = _plan_to_change(request, plan_id)
    today = timezone.localdate()
    method = carers_method(today)
    if method is None:
        raise Http404("No budget method for carers is set up")
    initial = {"worked_out_on": today, "version": found.version}
    ras = method.kind == BudgetMethod.Kind.RAS
    form_class: Any = CarerRasForm if ras else CarerEquivalenceForm
    kwargs = {"method": method} if ras else {}
    form = bind(request, form_class, initial=initial, **kwargs)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            support_services.work_out_budget(
                plan=found,
                by=user,
                version=form.cleaned_data["version"],
                method=method,
                worked_out_on=form.cleaned_data["worked_out_on"],
                answers=form.answers() if ras else None,
                lines=None if ras else form.lines(),
                explanation=form.cleaned_data["explanation"],
            )
        except ValidationError as error:
            show_errors(form, error)
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error, **kwargs)
        else:
            messages.success(request, _("Indicative budget worked out."))
            return redirect(plan_url(found, "eligible"))
    context = _context(
        found,
        form=form,
        conflict=conflict,
        method=method,
        title=_("Work out the carer's indicative budget"),
        letter="i",
    )
    return render(request, TEMPLATE, context)


@require_http_methods(["GET", "POST"])
@once
def new_support(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = _plan_to_change(request, plan_id)
    initial = {"chosen_on": timezone.localdate(), "chosen_by": "carer"}
    form = bind(request, SupportForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: support_services.add_support(
            plan=found, by=user, details=f.details()
        ),
        done=_("Support and option recorded."),
        next_url=plan_url(found, "eligible"),
        context=_context(
            found, title=_("Add support and the option chosen"), letter="i"
        ),
        template=TEMPLATE,
    )


@require_http_methods(["GET", "POST"])
def change_support(request: HttpRequest, plan_id: str, support_id: str) -> HttpResponse:
    user = actor(request)
    found = _plan_to_change(request, plan_id)
    support = access_support(user, found, support_id)
    initial = {
        "what": support.what,
        "option": support.option,
        "yearly_amount": support.yearly_amount,
        "chosen_by": support.chosen_by,
        "chosen_by_name": support.chosen_by_name,
        "chosen_on": support.chosen_on,
        "version": support.version,
    }
    form = bind(request, SupportForm, initial=initial)
    if request.method == "POST":
        form.fields["version"].required = True
    return form_page(
        request,
        form,
        save=lambda f: support_services.change_support(
            support=support,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Support and option changed."),
        next_url=plan_url(found, "eligible"),
        context=_context(found, title=_("Change the support or option"), letter="i"),
        template=TEMPLATE,
    )


@require_http_methods(["GET", "POST"])
@once
def new_signposting(request: HttpRequest, plan_id: str) -> HttpResponse:
    user = actor(request)
    found = _plan_to_change(request, plan_id)
    today = timezone.localdate()
    initial = {"signposted_on": today, "follow_up_due": add_days(today, 28)}
    form = bind(request, SignpostingForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: support_services.add_signposting(
            plan=found, by=user, details=f.details()
        ),
        done=_("Signposting recorded, with the day to follow it up."),
        next_url=plan_url(found, "other"),
        context=_context(found, title=_("Signpost to community support"), letter="j"),
        template=TEMPLATE,
    )


@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, plan_id: str, signposting_id: str) -> HttpResponse:
    """Record what came of signposting (also after the plan is agreed)."""
    user = actor(request)
    found = access_plan(user, plan_id, action=Action.CHANGE, page=page(request))
    signposting = access_signposting(user, found, signposting_id)
    initial = {"followed_up_on": timezone.localdate(), "version": signposting.version}
    form = bind(request, FollowUpForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: support_services.record_follow_up(
            signposting=signposting,
            by=user,
            version=f.cleaned_data["version"],
            details=f.details(),
        ),
        done=_("Follow-up recorded."),
        next_url=plan_url(found, "other"),
        context=_context(
            found,
            title=_("Follow up signposting to %(name)s")
            % {"name": signposting.support_name},
            letter="j",
        ),
        template=TEMPLATE,
    )

"""Agreeing a support plan, starting a new version, and the person's own copy."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.check_answers import CheckAnswers, checked_form_page
from selfdirect.core.form_pages import show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import render_letter_response
from selfdirect.core.once import once

from .. import selectors, services
from ..forms import AgreeForm, RemoveForm
from ..permissions import access_plan
from .editing import _plan_url, _read_only, _to_plan


@require_http_methods(["GET", "POST"])
def agree(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    if refused := _read_only(request, plan):
        return refused
    months = services.first_review_months()
    initial = {
        "version": plan.version,
        "agreed_on": timezone.localdate(),
        "agreed_by_role": "person",
        "agreed_by": plan.person.full_name,
        "agreed_how": "in_person",
    }
    detail = selectors.plan_detail(plan)
    check = CheckAnswers(
        title=_("Check the agreement before you record it"),
        confirm=_("Confirm: record the agreement"),
        cancel_url=_plan_url(plan),
        extra="plans/agree_check.html",
    )
    return checked_form_page(
        request,
        bind(request, AgreeForm, initial=initial, months=months),
        check=None if detail["agreement_problems"] else check,
        save=lambda f: services.agree_support_plan(
            plan=plan, by=user, **f.cleaned_data
        ),
        done=_("Support plan agreed. Give the person their copy."),
        next_url=_plan_url(plan),
        context={"plan": plan, "person": plan.person, **detail},
        template="plans/agree.html",
        init_kwargs={"months": months},
    )


@require_http_methods(["GET", "POST"])
@once
def new_version(request: HttpRequest, person_id: str, plan_id: str) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(request, RemoveForm, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.start_new_version(
                plan=plan, by=user, today=timezone.localdate()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "New version started. The agreed plan stays in force until this one is agreed."
                ),
            )
            return _to_plan(draft)
    context = {"form": form, "plan": plan, "person": plan.person}
    return render(request, "plans/new_version.html", context)


@require_GET
def my_plan(
    request: HttpRequest, person_id: str, plan_id: str, fmt: str = "html"
) -> HttpResponse:
    user = actor(request)
    plan = access_plan(user, person_id, plan_id, page=page(request))
    context = selectors.plan_detail(plan)
    if fmt == "pdf":
        return render_letter_response(
            "plans/my_plan_pdf.html",
            context,
            person=plan.person,
            produced_by=user,
            filename="my-support-plan.pdf",
        )
    return render(request, "plans/my_plan.html", context)

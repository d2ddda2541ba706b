"""Panel pages on the person's side, for the team's practitioners and managers:
submitting, resubmitting, telling the person, service started, 'Your panel decision'."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.check_answers import (
    CheckAnswers,
    check_page,
    needs_checking,
    wants_change,
)
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import letter_details, render_letter_response
from selfdirect.core.once import once
from selfdirect.people.access import access_person

from . import selectors, services
from .forms import (
    ResubmitForm,
    ServiceStartForm,
    SubmissionForm,
    ToldForm,
)
from .models import PanelSubmission
from .permissions import (
    access_person_decision,
    access_person_submission,
)


def _may_submit(user: User) -> None:
    if not (user.can(Capability.SET_BUDGET) or user.can(Capability.PLAN_SUPPORT)):
        raise PermissionDenied(Capability.SET_BUDGET)


def _person_submission_url(submission: PanelSubmission) -> str:
    return reverse(
        "panel:person_submission",
        args=[submission.person.public_id, submission.public_id],
    )


def _to_person_submission(submission: PanelSubmission) -> HttpResponse:
    return redirect(_person_submission_url(submission))


@require_http_methods(["GET", "POST"])
@once
def new_submission(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    _may_submit(user)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    budgets = list(person.indicative_budgets.own_support()[:10])
    plans = list(person.support_plans.all()[:10])
    chosen = next(
        (b for b in budgets if str(b.public_id) == request.GET.get("budget")),
        budgets[0] if budgets else None,
    )
    plan = next(
        (p for p in plans if str(p.public_id) == request.GET.get("plan")),
        plans[0] if plans else None,
    )
    initial = {
        "budget": str(chosen.public_id) if chosen else "",
        "plan": str(plan.public_id) if plan else "",
        "amount_requested": selectors.amount_to_ask(plan, chosen),
    }
    form = bind(request, SubmissionForm, budgets=budgets, plans=plans, initial=initial)
    context = {"form": form, "person": person, "has_budget": bool(budgets)}
    if budgets and wants_change(request):
        return render(request, "panel/submission_form.html", context)
    if budgets and needs_checking(request, form):
        check = CheckAnswers(
            title=_("Check the request before you send it to the panel"),
            confirm=_("Confirm: submit to the panel"),
            cancel_url=reverse("people:detail", args=[person.public_id]),
        )
        return check_page(request, form, check, context)
    if budgets and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        conversation = person.conversations.first()
        today = timezone.localdate()
        try:
            submission = services.submit_to_panel(
                person=person,
                by=user,
                budget=next(b for b in budgets if str(b.public_id) == data["budget"]),
                plan=next((p for p in plans if str(p.public_id) == data["plan"]), None),
                amount_requested=data["amount_requested"],
                persons_words=data["persons_words"],
                contribution=data["contribution"],
                contribution_notes=data["contribution_notes"],
                assessed_on=conversation.conversation_date if conversation else today,
                submitted_on=today,
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Submitted to the resource panel."))
            return _to_person_submission(submission)
    return render(request, "panel/submission_form.html", context)


@require_GET
def person_submission(
    request: HttpRequest, person_id: str, submission_id: str
) -> HttpResponse:
    user = actor(request)
    submission = access_person_submission(
        user, person_id, submission_id, page=page(request)
    )
    context = {
        "submission": submission,
        "person": submission.person,
        "decisions": list(submission.decisions.select_related("decided_by")),
        "plan": selectors.plan_summary(submission),
        "delivery_start": selectors.delivery_start(submission),
        "can_change": user.can(Capability.CHANGE_PEOPLE),
    }
    return render(request, "panel/person_submission.html", context)


@require_http_methods(["GET", "POST"])
def resubmit(request: HttpRequest, person_id: str, submission_id: str) -> HttpResponse:
    user = actor(request)
    _may_submit(user)
    submission = access_person_submission(
        user, person_id, submission_id, action=Action.CHANGE, page=page(request)
    )
    initial = {
        "version": submission.version,
        "amount_requested": submission.amount_requested,
        "persons_words": submission.persons_words,
        "contribution": submission.contribution,
    }
    return form_page(
        request,
        bind(request, ResubmitForm, initial=initial),
        save=lambda f: services.resubmit_to_panel(
            submission=submission,
            by=user,
            resubmitted_on=timezone.localdate(),
            **f.cleaned_data,
        ),
        done=_("Sent back to the resource panel."),
        next_url=_person_submission_url(submission),
        context={
            "person": submission.person,
            "cancel_url": _person_submission_url(submission),
            "title": _("Resubmit to the resource panel"),
            "button": _("Resubmit"),
        },
        template="panel/simple_form.html",
    )


@require_http_methods(["GET", "POST"])
def record_told(request: HttpRequest, person_id: str, decision_id: str) -> HttpResponse:
    user = actor(request)
    decision = access_person_decision(
        user, person_id, decision_id, action=Action.CHANGE, page=page(request)
    )
    initial = {
        "version": decision.version,
        "told_on": decision.told_on or timezone.localdate(),
        "told_how": decision.told_how,
    }
    return form_page(
        request,
        bind(request, ToldForm, initial=initial),
        save=lambda f: services.record_person_told(
            decision=decision, by=user, **f.cleaned_data
        ),
        done=_("Recorded how the person was told."),
        next_url=_person_submission_url(decision.submission),
        context={
            "person": decision.person,
            "cancel_url": _person_submission_url(decision.submission),
            "title": _("Record telling the person the decision"),
            "button": _("Save"),
        },
        template="panel/simple_form.html",
    )


@require_http_methods(["GET", "POST"])
def service_started(
    request: HttpRequest, person_id: str, submission_id: str
) -> HttpResponse:
    user = actor(request)
    submission = access_person_submission(
        user, person_id, submission_id, action=Action.CHANGE, page=page(request)
    )
    initial = {"version": submission.version, "started_on": timezone.localdate()}
    return form_page(
        request,
        bind(request, ServiceStartForm, initial=initial),
        save=lambda f: services.record_service_start(
            submission=submission, by=user, **f.cleaned_data
        ),
        done=_("Service start recorded."),
        next_url=_person_submission_url(submission),
        context={
            "person": submission.person,
            "cancel_url": _person_submission_url(submission),
            "title": _("Record when the approved support started"),
            "button": _("Save"),
        },
        template="panel/simple_form.html",
    )


@require_GET
def your_decision(
    request: HttpRequest, person_id: str, decision_id: str, fmt: str
) -> HttpResponse:
    user = actor(request)
    decision = access_person_decision(user, person_id, decision_id, page=page(request))
    context: dict[str, Any] = {
        "decision": decision,
        "submission": decision.submission,
        "person": decision.person,
    }
    if fmt == "pdf":
        return render_letter_response(
            "panel/your_decision_pdf.html",
            context,
            person=decision.person,
            produced_by=user,
            filename="your-panel-decision.pdf",
        )
    context["letter"] = letter_details(person=decision.person, produced_by=user)
    return render(request, "panel/your_decision.html", context)

"""Panel pages: the panel's own (submission, agenda, decision, waiting list) and the
person's (submitting, telling, 'Your panel decision')."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.check_answers import (
    CheckAnswers,
    check_page,
    checked_form_page,
    needs_checking,
    wants_change,
)
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import letter_details, render_letter_response
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator
from selfdirect.people.access import access_person

from . import selectors, services
from .forms import (
    DecisionForm,
    ListForm,
    MeetingForm,
    ResubmitForm,
    ServiceStartForm,
    SubmissionForm,
    ToldForm,
    WaitingFilterForm,
)
from .models import PanelSubmission
from .permissions import (
    access_person_decision,
    access_person_submission,
    access_submission,
)

PER_PAGE = 25


def _may_submit(user: User) -> None:
    if not (user.can(Capability.SET_BUDGET) or user.can(Capability.PLAN_SUPPORT)):
        raise PermissionDenied(Capability.SET_BUDGET)


def _person_submission_url(submission: PanelSubmission) -> str:
    return reverse(
        "panel:person_submission",
        args=[submission.person.public_id, submission.public_id],
    )


def _panel_submission_url(submission: PanelSubmission) -> str:
    return reverse("panel:submission", kwargs={"submission_id": submission.public_id})


def _to_person_submission(submission: PanelSubmission) -> HttpResponse:
    return redirect(_person_submission_url(submission))


# The person's side: the team's practitioners and managers.


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


# The panel's side: only what is submitted to it.


@require_GET
def submissions(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_PANEL)
    state = request.GET.get("state", "")
    if state not in PanelSubmission.State.values:
        state = ""
    rows = selectors.submissions_for_panel(user, state=state)
    page_obj = CappedPaginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "state": state,
        "states": [
            c
            for c in PanelSubmission.State.choices
            if c[0] != PanelSubmission.State.DRAFT
        ],
        "can_decide": user.can(Capability.DECIDE_PANEL),
    }
    return render(request, "panel/submissions.html", context)


@require_GET
def submission_detail(request: HttpRequest, submission_id: str) -> HttpResponse:
    user = actor(request)
    submission = access_submission(user, submission_id, page=page(request))
    context = {
        "submission": submission,
        "person": submission.person,
        "budget": submission.indicative_budget,
        "plan": selectors.plan_summary(submission),
        "delivery_start": selectors.delivery_start(submission),
        "decisions": list(submission.decisions.select_related("decided_by")),
        "can_decide": user.can(Capability.DECIDE_PANEL),
    }
    return render(request, "panel/submission_detail.html", context)


@require_http_methods(["GET", "POST"])
def list_for_meeting(request: HttpRequest, submission_id: str) -> HttpResponse:
    user = actor(request)
    submission = access_submission(
        user, submission_id, action=Action.DECIDE, page=page(request)
    )
    meetings = selectors.meetings_from(submission.submitted_on or timezone.localdate())
    return form_page(
        request,
        bind(request, ListForm, meetings=meetings),
        save=lambda f: services.list_for_meeting(
            submission=submission, by=user, meeting=f.cleaned_data["meeting"]
        ),
        done=_("Listed on the agenda."),
        next_url=_panel_submission_url(submission),
        context={"submission": submission, "person": submission.person},
        template="panel/list_form.html",
        init_kwargs={"meetings": meetings},
    )


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, submission_id: str) -> HttpResponse:
    user = actor(request)
    submission = access_submission(
        user, submission_id, action=Action.DECIDE, page=page(request)
    )
    initial: dict[str, Any] = {
        "decided_on": submission.meeting.meets_on
        if submission.meeting
        else timezone.localdate()
    }
    return checked_form_page(
        request,
        bind(request, DecisionForm, initial=initial),
        check=CheckAnswers(
            title=_("Check the panel's decision before you record it"),
            confirm=_("Confirm: record the decision"),
            cancel_url=_panel_submission_url(submission),
        ),
        save=lambda f: services.record_decision(
            submission=submission, by=user, **f.cleaned_data
        ),
        done=_("Decision recorded."),
        next_url=_panel_submission_url(submission),
        context={"submission": submission, "person": submission.person},
        template="panel/decision_form.html",
    )


@require_http_methods(["GET", "POST"])
@once
def meetings(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_PANEL)
    form = bind(request, MeetingForm)
    if request.method == "POST":
        require(user, Capability.DECIDE_PANEL)
        if form.is_valid():
            services.schedule_meeting(by=user, **form.cleaned_data)
            messages.success(request, _("Meeting set up."))
            return redirect("panel:meetings")
    rows = selectors.meetings_with_counts()
    page_obj = CappedPaginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page_obj,
        "can_decide": user.can(Capability.DECIDE_PANEL),
    }
    return render(request, "panel/meetings.html", context)


@require_GET
def meeting_agenda(request: HttpRequest, meeting_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_PANEL)
    meeting = selectors.meeting(meeting_id)
    if meeting is None:
        raise Http404("No such meeting")
    context = {"meeting": meeting, "agenda": selectors.agenda(user, meeting)}
    return render(request, "panel/meeting.html", context)


@require_GET
def waiting_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.SEE_PANEL)
    form = WaitingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    visible = selectors.visible_submissions(user)
    rows = selectors.waiting_list(
        visible,
        category=filters.get("category", ""),
        team=filters["team"].pk if filters.get("team") else None,
        locality=filters["locality"].pk if filters.get("locality") else None,
    )
    page_obj = CappedPaginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "form": form,
        "page_obj": page_obj,
        "counts": selectors.waiting_counts(visible),
        "today": today,
        "rows": [
            (
                s,
                selectors.days_between(s.waiting_since, today),  # type: ignore[attr-defined]
                selectors.days_between(s.assessed_on, today),
            )
            for s in page_obj
        ],
    }
    return render(request, "panel/waiting_list.html", context)

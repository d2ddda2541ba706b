"""The panel's own pages: submissions, agenda, decision, waiting list. The person's
side (submitting, telling, 'Your panel decision') is in `person_views.py`."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.check_answers import (
    CheckAnswers,
    checked_form_page,
)
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from . import selectors, services
from .forms import (
    DecisionForm,
    ListForm,
    MeetingForm,
    WaitingFilterForm,
)
from .models import PanelSubmission
from .permissions import (
    access_submission,
)

PER_PAGE = 25


def _panel_submission_url(submission: PanelSubmission) -> str:
    return reverse("panel:submission", kwargs={"submission_id": submission.public_id})


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

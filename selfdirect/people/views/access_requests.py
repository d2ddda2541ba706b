"""Asking for access to a record another team holds, opening one in an emergency
(break-glass), and the pages where managers decide and the data protection officer
reviews them."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.people.access import access_person_by_reference

from .. import access_requests, selectors
from ..access_request_forms import (
    AskForAccessForm,
    BreakGlassForm,
    DecideAccessForm,
    ReviewBreakGlassForm,
)
from ..permissions import access_break_glass, access_request_to_decide


@require_http_methods(["GET", "POST"])
def ask_for_access(request: HttpRequest, reference: str) -> HttpResponse:
    user = actor(request)
    person = access_person_by_reference(user, reference)
    if selectors.may_open(user, person):
        return redirect("people:detail", person_id=person.public_id)
    return form_page(
        request,
        bind(request, AskForAccessForm),
        save=lambda form: access_requests.ask_for_access(
            person=person, by=user, reason=form.cleaned_data["reason"]
        ),
        done=_("Your request was sent to the manager of the team holding the record."),
        next_url=reverse("people:my_access_requests"),
        context={"reference": reference, "grant_days": settings.ACCESS_GRANT_DAYS},
        template="people/ask_for_access.html",
    )


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, reference: str) -> HttpResponse:
    user = actor(request)
    person = access_person_by_reference(user, reference)
    if selectors.may_open(user, person):
        return redirect("people:detail", person_id=person.public_id)
    return form_page(
        request,
        bind(request, BreakGlassForm),
        save=lambda form: access_requests.break_glass(
            person=person,
            by=user,
            reason=form.cleaned_data["reason"],
            page=page(request),
        ),
        done=_("You have emergency access to this record. It is being audited."),
        next_url=reverse("people:detail", kwargs={"person_id": person.public_id}),
        context={"reference": reference, "hours": settings.BREAK_GLASS_HOURS},
        template="people/break_glass.html",
    )


@require_GET
def my_access_requests(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.ASK_ACCESS)
    rows = selectors.access_requests_made_by(user)
    page_obj = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "people/my_access_requests.html", {"page_obj": page_obj})


@require_GET
def access_requests_to_decide(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.DECIDE_ACCESS)
    rows = selectors.access_requests_to_decide(user)
    page_obj = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "people/access_requests.html", {"page_obj": page_obj})


@require_http_methods(["GET", "POST"])
def decide_access_request(request: HttpRequest, request_id: str) -> HttpResponse:
    user = actor(request)
    asked = access_request_to_decide(user, request_id, page=page(request))
    form = bind(request, DecideAccessForm, initial={"version": asked.version})
    return form_page(
        request,
        form,
        save=lambda form: access_requests.decide_access_request(
            request=asked,
            by=user,
            version=form.cleaned_data["version"],
            grant=form.cleaned_data["decision"] == "grant",
            reason=form.cleaned_data["reason"],
        ),
        done=_("Decision recorded. The person who asked can see it."),
        next_url=reverse("people:access_requests"),
        context={"asked": asked, "grant_days": settings.ACCESS_GRANT_DAYS},
        template="people/decide_access_request.html",
    )


@require_GET
def break_glass_openings(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.REVIEW_ACCESS)
    rows = selectors.break_glass_openings(user)
    page_obj = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "people/break_glass_openings.html", {"page_obj": page_obj})


@require_http_methods(["GET", "POST"])
def review_break_glass(request: HttpRequest, request_id: str) -> HttpResponse:
    user = actor(request)
    opening = access_break_glass(user, request_id, page=page(request))
    form = bind(request, ReviewBreakGlassForm, initial={"version": opening.version})
    return form_page(
        request,
        form,
        save=lambda form: access_requests.review_break_glass(
            request=opening,
            by=user,
            version=form.cleaned_data["version"],
            outcome=form.cleaned_data["outcome"],
            notes=form.cleaned_data["notes"],
        ),
        done=_("Review recorded."),
        next_url=reverse("people:break_glass_openings"),
        context={"opening": opening},
        template="people/review_break_glass.html",
    )

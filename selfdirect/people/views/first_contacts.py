import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require, require_action
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.people.access import access_person

from .. import selectors, services
from ..first_contact_forms import FirstContactForm, FollowUpForm
from ..hook_points import assessed_after
from ..models import FirstContact
from ..permissions import access_first_contact


@require_http_methods(["GET", "POST"])
@once
def record_first_contact(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RECORD_CONTACT)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    team = selectors.recording_team(person, user)
    if team is None:
        raise PermissionDenied(Capability.RECORD_CONTACT)
    if request.method == "POST" and "find" in request.POST:
        # Find directory services: show the form again with them, save nothing,
        # and put the worker back in the search box.
        form = FirstContactForm(initial=_posted(request), postcode=person.postcode)
        form.fields["directory_search"].widget.attrs["autofocus"] = True
    else:
        form = bind(request, FirstContactForm, postcode=person.postcode)
    if request.method == "POST" and "find" not in request.POST and form.is_valid():
        services.record_first_contact(
            person=person,
            by=user,
            team=team,
            details=form.details(),
            signposted_to=form.supports(),
            services=list(form.cleaned_data["services"]),
        )
        messages.success(request, _("First contact recorded."))
        return redirect("people:detail", person_id=person.public_id)
    return render(
        request, "people/first_contact_form.html", {"form": form, "person": person}
    )


def _posted(request: HttpRequest) -> dict[str, object]:
    data: dict[str, object] = {k: v for k, v in request.POST.items() if k != "find"}
    data["services"] = request.POST.getlist("services")
    return data


@require_GET
def first_contact_detail(
    request: HttpRequest, person_id: str, contact_id: str
) -> HttpResponse:
    user = actor(request)
    contact = access_first_contact(user, person_id, contact_id, page=page(request))
    context = {
        "contact": contact,
        "person": contact.person,
        "signpostings": list(contact.signpostings.all()),
        "can_follow_up": user.can(Capability.RECORD_CONTACT),
        "assessed_on": _assessed_on(contact),
    }
    return render(request, "people/first_contact_detail.html", context)


@require_http_methods(["GET", "POST"])
def record_follow_up(
    request: HttpRequest, person_id: str, contact_id: str
) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RECORD_CONTACT)
    contact = access_first_contact(
        user, person_id, contact_id, action=Action.CHANGE, page=page(request)
    )
    signpostings = list(contact.signpostings.all())
    initial = {
        "version": contact.version,
        "followed_up_on": contact.followed_up_on,
        "result": contact.follow_up_result,
        "notes": contact.follow_up_notes,
    }
    form = bind(request, FollowUpForm, signpostings=signpostings, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.record_follow_up(
                contact=contact,
                by=user,
                version=form.cleaned_data["version"],
                followed_up_on=form.cleaned_data["followed_up_on"],
                result=form.cleaned_data["result"],
                notes=form.cleaned_data["notes"],
                used=form.used(),
                met=form.met(),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error, signpostings=signpostings)
        else:
            messages.success(request, _("Follow-up recorded."))
            return redirect("people:detail", person_id=contact.person.public_id)
    context = {
        "form": form,
        "contact": contact,
        "person": contact.person,
        "conflict": conflict,
        "signpostings": signpostings,
        "assessed_on": _assessed_on(contact),
    }
    return render(request, "people/follow_up_form.html", context)


def _assessed_on(contact: FirstContact) -> datetime.date | None:
    """When the person later had a formal assessment, if they did (signposted only)."""
    if not contact.follow_up_due:
        return None
    return assessed_after(contact.person_id, contact.contact_date)


@require_GET
def follow_ups(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    # A list of follow-ups to record, for those who may record them.
    require_action(user, Purpose.PRACTICE, Action.CHANGE)
    page_obj = Paginator(selectors.follow_ups_due(user), 25).get_page(
        request.GET.get("page")
    )
    context = {"page_obj": page_obj, "today": timezone.localdate()}
    return render(request, "people/follow_ups.html", context)

"""History, access log, merging and subject access for one person's record."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.audit import selectors as audit_selectors
from selfdirect.audit import subject_access
from selfdirect.audit.services import record_event
from selfdirect.core.form_pages import show_errors
from selfdirect.core.http import actor, page
from selfdirect.people.access import access_person

from .. import selectors, services
from ..forms import MergeForm


@require_GET
def history(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(
        user, person_id, purpose=Purpose.DATA_PROTECTION, page=page(request)
    )
    ids = selectors.record_ids(person)
    entries = audit_selectors.change_history(ids)
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request, "people/history.html", {"person": person, "page_obj": page_obj}
    )


@require_GET
def access_log(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(
        user, person_id, purpose=Purpose.DATA_PROTECTION, page=page(request)
    )
    rows = audit_selectors.access_log(selectors.record_ids(person))
    page_obj = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request, "people/access_log.html", {"person": person, "page_obj": page_obj}
    )


@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.MERGE_PEOPLE)
    keep = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    query = request.GET.get("q", "")
    candidates = selectors.merge_candidates(user, keep, query)
    form = MergeForm(request.POST or None)
    chosen = None
    if request.method == "POST" and form.is_valid():
        chosen = access_person(
            user,
            form.cleaned_data["duplicate"],
            action=Action.CHANGE,
            page=page(request),
        )
        try:
            services.merge_people(keep=keep, duplicate=chosen, by=user)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(
                request,
                _("Merged the duplicate record into %(person)s.") % {"person": keep},
            )
            return redirect("people:detail", person_id=keep.public_id)
    context = {"person": keep, "candidates": candidates, "query": query, "form": form}
    return render(request, "people/merge.html", context)


@require_GET
def export(request: HttpRequest, person_id: str, fmt: str) -> HttpResponse:
    user = actor(request)
    person = access_person(
        user,
        person_id,
        purpose=Purpose.DATA_PROTECTION,
        action=Action.EXPORT,
        page=page(request),
    )
    record_event(actor=user, action="person.exported", person_id=person.pk, format=fmt)
    data = subject_access.export_person(person)
    if fmt == "pdf":
        response = HttpResponse(
            subject_access.as_pdf(data), content_type="application/pdf"
        )
    else:
        response = HttpResponse(
            subject_access.as_json(data), content_type="application/json"
        )
    name = subject_access.filename(data, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

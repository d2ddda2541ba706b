"""History, access log, merging and subject access for one person's record."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.audit import exports, subject_access
from selfdirect.audit import selectors as audit_selectors
from selfdirect.audit.services import record_event
from selfdirect.core import jobs
from selfdirect.core.form_pages import show_errors
from selfdirect.core.http import actor, page
from selfdirect.core.models import Job
from selfdirect.people.access import access_person

from .. import selectors, services
from ..forms import MergeForm
from ..models import Person

# The progress page asks again this often while the worker is busy, unless the
# user turns that off (WCAG 2.2.1: a page must not reload before they are ready).
REFRESH_SECONDS = 5


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


def _for_export(request: HttpRequest, person_id: str) -> tuple[User, Person]:
    """The data protection officer's access to everything held (403 for other
    roles, 404 out of reach), written to the access log."""
    user = actor(request)
    person = access_person(
        user,
        person_id,
        purpose=Purpose.DATA_PROTECTION,
        action=Action.EXPORT,
        page=page(request),
    )
    return user, person


@require_GET
def export_json(request: HttpRequest, person_id: str) -> StreamingHttpResponse:
    """Everything held, as JSON streamed record by record: constant memory."""
    user, person = _for_export(request, person_id)
    record_event(
        actor=user, action="person.exported", person_id=person.pk, format="json"
    )
    response = StreamingHttpResponse(
        subject_access.json_chunks(person), content_type="application/json"
    )
    name = subject_access.filename_for(str(person.public_id), "json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def export_start(request: HttpRequest, person_id: str) -> HttpResponse:
    """Ask the background worker for a PDF of everything held."""
    user, person = _for_export(request, person_id)
    if request.method == "POST":
        record_event(
            actor=user, action="person.exported", person_id=person.pk, format="pdf"
        )
        job = jobs.start(
            exports.export_pdf,
            kind=exports.PDF_KIND,
            by=user,
            subject=str(person.public_id),
            person_pk=person.pk,
        )
        return redirect(
            "people:export_progress", person_id=person.public_id, job_id=job.public_id
        )
    context = {"person": person, "keep_hours": settings.JOB_FILES_KEEP_HOURS}
    return render(request, "people/export_start.html", context)


def _own_job(user: User, person: Person, job_id: str) -> Job:
    job = jobs.find(
        job_id, by=user, kind=exports.PDF_KIND, subject=str(person.public_id)
    )
    if job is None:
        raise Http404
    return job


@require_GET
def export_progress(request: HttpRequest, person_id: str, job_id: str) -> HttpResponse:
    """How far the PDF has got; the page refreshes itself until it is ready."""
    user, person = _for_export(request, person_id)
    job = _own_job(user, person, job_id)
    context = {
        "person": person,
        "job": job,
        "refresh_seconds": REFRESH_SECONDS,
        "refreshing": not job.finished and request.GET.get("refresh") != "off",
    }
    return render(request, "people/export_progress.html", context)


@require_GET
def export_download(
    request: HttpRequest, person_id: str, job_id: str, file_id: int
) -> FileResponse:
    """One file the job made, for the user who asked for it; logged."""
    user, person = _for_export(request, person_id)
    job = _own_job(user, person, job_id)
    jobfile = next((f for f in job.files.all() if f.pk == file_id), None)
    if jobfile is None:
        raise Http404
    return FileResponse(
        jobfile.file.open("rb"),
        as_attachment=True,
        filename=jobfile.filename,
        content_type=jobfile.content_type,
    )

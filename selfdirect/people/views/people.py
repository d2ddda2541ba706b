from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict, show_errors
from selfdirect.core.forms import bind, read_choices
from selfdirect.core.hooks import person_sections
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator
from selfdirect.people.access import access_person

from .. import access_requests, selectors, services
from ..forms import AddPersonForm, CaseloadFilterForm, EditPersonForm

PAGE_SIZE = 25


@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.VIEW_PEOPLE)
    teams = selectors.caseload_teams(user)
    workers = User.objects.filter(teams__in=teams).distinct()
    form = CaseloadFilterForm(request.GET or None, teams=teams, workers=workers)
    read_choices(form, "team", "locality", "service_group", "worker")  # one statement
    filters = selectors.CaseloadFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.CaseloadFilters(
            query=form.cleaned_data["q"],
            team=getattr(form.cleaned_data["team"], "pk", None),
            locality=getattr(form.cleaned_data["locality"], "pk", None),
            service_group=getattr(form.cleaned_data["service_group"], "pk", None),
            worker=getattr(form.cleaned_data["worker"], "pk", None),
            status=form.cleaned_data["status"] if "status" in request.GET else "open",
        )
    people, order = selectors.caseload_with_order(user, filters)
    # The count and the page's ids: one query; the page's rows and their current
    # allocations: one statement.
    paginator = CappedPaginator(
        people, PAGE_SIZE, alongside=selectors.current_allocations_read, order=order
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    rows = list(page_obj.object_list)
    allocations = selectors.current_allocations(
        rows, getattr(page_obj, "alongside", None)
    )
    context = {
        "form": form,
        "page_obj": page_obj,
        "rows": [(p, allocations.get(p.pk)) for p in rows],
        "filters": filters,
        "can_add": user.can(Capability.ADD_PEOPLE),
    }
    return render(request, "people/caseload.html", context)


def _page_reads(person: Any) -> dict[str, Any]:
    return {
        "journey": selectors.journey_read(person),
        **selectors.summary_reads(person),
    }


@require_GET
def person_detail(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, page=page(request))
    # The journey's row, the summary's and every section's reads: one statement,
    # its SQL compiled once per process for this user (core.batched).
    sections, reads = person_sections(request, person, also=_page_reads)
    journey_read = reads.pop("journey")
    journey = selectors.journey(person, user, journey_read)  # it tells the summary
    context = selectors.person_summary(person, user, reads)
    context["journey"] = journey
    context["sections"] = sections
    return render(request, "people/person_detail.html", context)


@require_http_methods(["GET", "POST"])
@once
def add_person(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.ADD_PEOPLE)
    teams = selectors.teams_for(user)
    form = bind(request, AddPersonForm, teams=teams)
    duplicates: list[selectors.LikelyDuplicate] = []
    if form.is_bound and form.is_valid():
        duplicates = selectors.likely_duplicates(
            user,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            date_of_birth=form.cleaned_data["date_of_birth"],
            chi_number=form.cleaned_data["chi_number"],
        )
        access_requests.note_duplicates_found(
            by=user, person_ids=[d.found_id for d in duplicates if d.reference]
        )
        if request.method == "POST" and (
            not duplicates or form.cleaned_data["not_a_duplicate"]
        ):
            try:
                person = services.add_person(
                    by=user,
                    team=form.cleaned_data["team"],
                    details=form.details(),
                    service_groups=list(form.cleaned_data["service_groups"]),
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                return redirect("people:detail", person_id=person.public_id)
    context = {"form": form, "duplicates": duplicates}
    return render(request, "people/person_form.html", context)


@require_http_methods(["GET", "POST"])
def edit_person(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    initial = {"version": person.version, "service_groups": person.service_groups.all()}
    form = bind(request, EditPersonForm, instance=person, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(
                person=person,
                by=user,
                version=form.cleaned_data["version"],
                details=form.details(),
                status=form.cleaned_data["status"],
                service_groups=list(form.cleaned_data["service_groups"]),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error, instance=error.current)
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect("people:detail", person_id=person.public_id)
    context = {"form": form, "person": person, "conflict": conflict}
    return render(request, "people/person_form.html", context)

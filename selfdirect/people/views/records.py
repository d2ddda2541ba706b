"""Allocation and relationships: who is responsible, and who is in the person's life."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.form_pages import show_errors
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.people.access import access_person

from .. import selectors, services
from ..forms import AllocationForm, RelationshipForm


@require_http_methods(["GET", "POST"])
def allocate(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    require(user, Capability.ALLOCATE)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    form = AllocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.allocate_person(person=person, by=user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Allocation saved."))
            return redirect("people:detail", person_id=person.public_id)
    return render(
        request, "people/allocation_form.html", {"form": form, "person": person}
    )


@require_http_methods(["GET", "POST"])
@once
def add_relationship(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    form = RelationshipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        chi = form.cleaned_data["carer_chi"]
        related = selectors.person_by_chi(user, chi) if chi else None
        if chi and related is None:
            form.add_error(
                "carer_chi",
                "You do not have access to a record with this CHI number. Enter their name instead.",
            )
        else:
            try:
                services.add_relationship(
                    person=person, by=user, details=form.details(related)
                )
            except ValidationError as error:
                show_errors(form, error)
            else:
                messages.success(request, _("Relationship saved."))
                return redirect("people:detail", person_id=person.public_id)
    return render(
        request, "people/relationship_form.html", {"form": form, "person": person}
    )

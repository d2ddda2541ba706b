"""Carers' pages: identifying a carer, the offer and its answer, hospital discharge
notices, what the carer shares, the carers' lists and the published eligibility
criteria. Thin: the rules are in services and rules. The plan's pages are in
plan_views.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require_action
from selfdirect.accounts.roles import Action, Capability, Purpose
from selfdirect.core.form_pages import form_page, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator
from selfdirect.core.pdf import render_pdf_response

from . import rules, selectors, services
from .forms import (
    AnswerForm,
    DischargeForm,
    IdentifyFromRelationshipForm,
    IdentifySelfForm,
    OfferForm,
    SharingForm,
)
from .models import Carer
from .permissions import (
    access_carer,
    access_carer_relationship,
    access_offer,
    access_person_to_identify,
)
from .review_forms import DueFilterForm
from .support_selectors import signposting_follow_ups_due

PAGE_SIZE = 25


def carer_url(carer: Carer) -> str:
    return reverse("carers:carer", args=[carer.public_id])


@require_http_methods(["GET", "POST"])
@once
def identify_from_relationship(
    request: HttpRequest, person_id: str, relationship_id: int
) -> HttpResponse:
    user = actor(request)
    require_action(user, Purpose.CARERS, Action.CHANGE)
    relationship = access_carer_relationship(
        user, person_id, relationship_id, page=page(request)
    )
    needs_person = relationship.related_person is None
    initial = {"identified_on": timezone.localdate(), "team": user.teams.first()}
    form = bind(
        request,
        IdentifyFromRelationshipForm,
        initial=initial,
        needs_person=needs_person,
    )
    if request.method == "POST" and form.is_valid():
        try:
            carer = services.identify_from_relationship(
                relationship=relationship,
                by=user,
                team=form.cleaned_data["team"],
                details=form.details(),
                new_carer=form.new_carer(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Carer identified. Now offer them a plan."))
            return redirect(carer_url(carer))
    context = {
        "form": form,
        "relationship": relationship,
        "person": relationship.person,
    }
    return render(request, "carers/identify.html", context)


@require_http_methods(["GET", "POST"])
@once
def identify_self(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    require_action(user, Purpose.CARERS, Action.CHANGE)
    person = access_person_to_identify(user, person_id, page=page(request))
    form = bind(
        request, IdentifySelfForm, initial={"identified_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            carer = services.identify(
                person=person,
                cared_for=None,
                by=user,
                how=form.cleaned_data["how"],
                details=form.details(),
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Carer identified. Now offer them a plan."))
            return redirect(carer_url(carer))
    return render(request, "carers/identify.html", {"form": form, "person": person})


@require_GET
def carer(request: HttpRequest, carer_id: str) -> HttpResponse:
    user = actor(request)
    found = access_carer(user, carer_id, page=page(request))
    context = selectors.carer_detail(found)
    context["can_change"] = selectors.may_change_carer(user, found)
    context["kind"] = rules.plan_kind(
        found.person.date_of_birth, found.still_at_school, timezone.localdate()
    )
    return render(request, "carers/carer.html", context)


def _carer_form_page(
    request: HttpRequest,
    carer_id: str,
    form_class: Any,
    *,
    title: str,
    save: Any,
    done: str,
    initial: dict[str, Any] | None = None,
    version: bool = False,
) -> HttpResponse:
    user = actor(request)
    found = access_carer(user, carer_id, action=Action.CHANGE, page=page(request))
    if version:
        initial = {**(initial or {}), "version": found.version}
    form = bind(request, form_class, initial=initial or {})
    return form_page(
        request,
        form,
        save=lambda f: save(found, user, f),
        done=done,
        next_url=carer_url(found),
        context={"carer": found, "person": found.person, "title": title},
        template="carers/form.html",
    )


@require_http_methods(["GET", "POST"])
@once
def new_offer(request: HttpRequest, carer_id: str) -> HttpResponse:
    user = actor(request)
    return _carer_form_page(
        request,
        carer_id,
        OfferForm,
        title=_("Offer a plan or statement"),
        save=lambda c, u, f: services.record_offer(carer=c, by=u, details=f.details()),
        done=_("Offer recorded."),
        initial={"offered_on": timezone.localdate(), "offered_by": user.display_name},
    )


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, carer_id: str, offer_id: str) -> HttpResponse:
    user = actor(request)
    found = access_carer(user, carer_id, action=Action.CHANGE, page=page(request))
    offer = access_offer(user, found, offer_id)
    initial = {
        "answer": offer.answer,
        "answered_on": offer.answered_on,
        "version": offer.version,
    }
    form = bind(request, AnswerForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.record_answer(
            offer=offer,
            by=user,
            version=f.cleaned_data["version"],
            answer=f.cleaned_data["answer"],
            answered_on=f.cleaned_data["answered_on"],
        ),
        done=_("Answer recorded."),
        next_url=carer_url(found),
        context={
            "carer": found,
            "person": found.person,
            "title": _("The carer's answer"),
        },
        template="carers/form.html",
    )


@require_http_methods(["GET", "POST"])
@once
def new_discharge(request: HttpRequest, carer_id: str) -> HttpResponse:
    return _carer_form_page(
        request,
        carer_id,
        DischargeForm,
        title=_("Log a hospital discharge notice"),
        save=lambda c, u, f: services.record_discharge(
            carer=c, by=u, details=f.details()
        ),
        done=_("Hospital discharge notice logged."),
    )


@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest, carer_id: str) -> HttpResponse:
    user = actor(request)
    found = access_carer(user, carer_id, action=Action.CHANGE, page=page(request))
    initial = {
        "shared_summary": found.shared_summary,
        "share_whole_plan": found.share_whole_plan,
        "consent_recorded_on": found.consent_recorded_on,
        "version": found.version,
    }
    form = bind(request, SharingForm, initial=initial)
    return form_page(
        request,
        form,
        save=lambda f: services.record_sharing(
            carer=found, by=user, version=f.cleaned_data["version"], details=f.details()
        ),
        done=_("What the carer agreed to share is recorded."),
        next_url=carer_url(found),
        context={
            "carer": found,
            "person": found.person,
            "title": _("What the carer agreed to share"),
        },
        template="carers/form.html",
    )


LISTS = {
    "not-offered": _("Identified, not yet offered"),
    "waiting": _("Accepted, waiting for a plan"),
    "young": _("Young carers due to move to an adult plan"),
    "reviews": _("Carers' reviews due"),
    "signposting": _("Signposting follow-ups due"),
}


@require_GET
def lists(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require_action(user, Purpose.CARERS, Action.VIEW)
    which = request.GET.get("list", "not-offered")
    if which not in LISTS:
        which = "not-offered"
    today = timezone.localdate()
    filters = DueFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    rows: Any = {
        "not-offered": lambda: selectors.not_yet_offered_list(user),
        "waiting": lambda: selectors.waiting_list(user),
        "young": lambda: selectors.young_carers_moving_on(user, today),
        "reviews": lambda: selectors.reviews_due(
            user,
            today,
            team=chosen.get("team"),
            locality=chosen.get("locality"),
            overdue=bool(chosen.get("overdue")),
        ),
        "signposting": lambda: signposting_follow_ups_due(user, on=today),
    }[which]()
    page_obj = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filters": filters if which == "reviews" else None,
        "lists": LISTS,
        "which": which,
        "title": LISTS[which],
        "page_obj": page_obj,
        "today": today,
        "can_change": user.can(Capability.CHANGE_PEOPLE),
    }
    return render(request, "carers/lists.html", context)


def _criteria_context(request: HttpRequest) -> dict[str, Any]:
    today = timezone.localdate()
    current = selectors.criteria_in_force(today)
    overdue = current is not None and rules.criteria_overdue(
        current.in_force_from, today, years=settings.CARER_CRITERIA_REVIEW_YEARS
    )
    user = getattr(request, "user", None)
    is_admin = bool(user and user.is_authenticated and user.role == "administrator")
    return {
        "criteria": current,
        "domains": list(selectors.criteria_domains(current)) if current else [],
        "levels": rules.impact_levels(),
        "versions": list(selectors.criteria_versions()),
        "overdue": overdue,
        "warn_admin": overdue and is_admin,
        "review_years": settings.CARER_CRITERIA_REVIEW_YEARS,
        "today": today,
    }


@login_not_required
@require_GET
def criteria_page(request: HttpRequest) -> HttpResponse:
    """The local eligibility criteria for carers, published (s21): no one's data."""
    return render(request, "carers/criteria.html", _criteria_context(request))


@login_not_required
@require_GET
def criteria_pdf(request: HttpRequest) -> HttpResponse:
    return render_pdf_response(
        "carers/criteria_pdf.html",
        _criteria_context(request),
        filename="carers-eligibility-criteria.pdf",
    )

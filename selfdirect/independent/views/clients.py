"""Clients, their consent, sessions and outcomes, and the client's own export."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from .. import exports, selectors, services
from ..forms import (
    ClientForm,
    ClientOutcomeForm,
    ClientSearchForm,
    ConsentForm,
    SessionForm,
    WithdrawConsentForm,
)
from ..permissions import access_client, access_consent
from .common import create_page, staff

PAGE_SIZE = 25


def _client_url(client: object) -> str:
    return reverse("independent:client", args=[client.public_id])  # type: ignore[attr-defined]


@require_GET
def client_list(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    form = ClientSearchForm(request.GET or None)
    words = form.cleaned_data["words"] if form.is_bound and form.is_valid() else ""
    found = selectors.clients(user, words=words)
    page_obj = CappedPaginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "independent/clients.html", {"form": form, "page_obj": page_obj}
    )


@require_http_methods(["GET", "POST"])
@once
def client_new(request: HttpRequest) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    form = bind(request, ClientForm, user=user)
    return create_page(
        request,
        form,
        save=lambda f: services.add_client(by=user, client=f.save(commit=False)),
        title=_("Add a client"),
        done=_("Client added."),
        next_url=_client_url,
        back=reverse("independent:clients"),
    )


@require_GET
def client(request: HttpRequest, client_id: str) -> HttpResponse:
    user = staff(request)
    found = access_client(user, client_id, page=page(request))
    context = {
        "client": found,
        "consents": found.consents.all(),
        "referrals": found.referrals.select_related("outcome"),
        "sessions": found.sessions.all()[:50],
        "outcomes": found.outcomes.select_related("outcome"),
        "can_export": user.can(exports.EXPORT_CLIENT),
    }
    return render(request, "independent/client.html", context)


@require_http_methods(["GET", "POST"])
@once
def consent_new(request: HttpRequest, client_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    found = access_client(user, client_id, action=Action.CHANGE, page=page(request))
    form = bind(request, ConsentForm)
    return create_page(
        request,
        form,
        save=lambda f: services.record_consent(
            client=found, by=user, details=f.details()
        ),
        title=_("Record consent to share with the council"),
        done=_("Consent recorded. Referrals for this person now reach your inbox."),
        next_url=_client_url(found),
        back=_client_url(found),
        caption=str(found),
    )


@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, consent_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    consent = access_consent(user, consent_id, action=Action.CHANGE, page=page(request))
    form = bind(request, WithdrawConsentForm, initial={"version": consent.version})
    return form_page(
        request,
        form,
        save=lambda f: services.withdraw_consent(
            consent=consent, by=user, version=f.cleaned_data["version"]
        ),
        done=_("Consent withdrawn. Nothing more is shared with the council."),
        next_url=_client_url(consent.client),
        context={
            "title": _("Withdraw consent to share"),
            "caption": str(consent.client),
            "back": _client_url(consent.client),
            "consent": consent,
        },
        template="independent/form.html",
    )


@require_http_methods(["GET", "POST"])
@once
def session_new(request: HttpRequest, client_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    found = access_client(user, client_id, action=Action.CHANGE, page=page(request))
    form = bind(request, SessionForm)
    return create_page(
        request,
        form,
        save=lambda f: services.record_session(
            client=found, by=user, session=f.save(commit=False)
        ),
        title=_("Record a session"),
        done=_("Session recorded."),
        next_url=_client_url(found),
        back=_client_url(found),
        caption=str(found),
    )


@require_http_methods(["GET", "POST"])
@once
def outcome_new(request: HttpRequest, client_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    found = access_client(user, client_id, action=Action.CHANGE, page=page(request))
    form = bind(request, ClientOutcomeForm)
    return create_page(
        request,
        form,
        save=lambda f: services.record_client_outcome(
            client=found, by=user, outcome=f.save(commit=False)
        ),
        title=_("Record an outcome"),
        done=_("Outcome recorded."),
        next_url=_client_url(found),
        back=_client_url(found),
        caption=str(found),
    )


@require_GET
def client_export(request: HttpRequest, client_id: str) -> HttpResponse:
    """Everything the organisation holds about a client (subject access, UK GDPR
    Article 15): the organisation's manager only, as its data controller."""
    user = staff(request, Action.EXPORT)
    found = access_client(user, client_id, action=Action.EXPORT, page=page(request))
    data = exports.export_client(found, by=user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="client-record.json"'
    return response

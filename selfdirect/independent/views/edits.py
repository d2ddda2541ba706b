"""Changing the organisation's records, each reached through the chokepoint for a
change: version-checked, kept in history and audited (edit_services.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import page

from .. import edit_services as edits
from ..edit_forms import (
    ChangeClientForm,
    ChangeEngagementForm,
    ChangeEvidenceForm,
    ChangeGroupForm,
    ChangeInfluenceForm,
    ChangeOutcomeForm,
    ChangeSessionForm,
    ChangeVoiceForm,
    CloseClientForm,
    ReopenClientForm,
)
from ..permissions import (
    access_client,
    access_engagement,
    access_evidence,
    access_group,
    access_influence,
    access_outcome,
    access_session,
    access_voice,
)
from .common import FORM, edit_page, staff

CHANGE = Action.CHANGE


def _client_url(client: object) -> str:
    return reverse("independent:client", args=[client.public_id])  # type: ignore[attr-defined]


@require_http_methods(["GET", "POST"])
def client_change(request: HttpRequest, client_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    client = access_client(user, client_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        client,
        ChangeClientForm,
        save=lambda f: edits.change_client(client=client, by=user, changes=f.changes()),
        title=_("Change the client's details"),
        back=_client_url(client),
        caption=str(client),
        form_kwargs={"user": user},
    )


@require_http_methods(["GET", "POST"])
def client_close(request: HttpRequest, client_id: str) -> HttpResponse:
    """Close the client's record, or reopen it if closed."""
    user = staff(request, CHANGE)
    client = access_client(user, client_id, action=CHANGE, page=page(request))
    closed = client.closed_on is not None
    form_class = ReopenClientForm if closed else CloseClientForm
    form = bind(request, form_class, initial={"version": client.version})
    back = _client_url(client)
    return form_page(
        request,
        form,
        save=lambda f: edits.close_or_reopen_client(
            client=client, by=user, details=f.details()
        ),
        done=_("Record reopened.") if closed else _("Record closed."),
        next_url=back,
        context={
            "title": _("Reopen the client's record")
            if closed
            else _("Close the client's record"),
            "caption": str(client),
            "back": back,
        },
        template=FORM,
    )


@require_http_methods(["GET", "POST"])
def session_change(request: HttpRequest, session_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    session = access_session(user, session_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        session,
        ChangeSessionForm,
        save=lambda f: edits.change_session(
            session=session, by=user, changes=f.changes()
        ),
        title=_("Change a session"),
        back=_client_url(session.client),
        caption=str(session.client),
    )


@require_http_methods(["GET", "POST"])
def outcome_change(request: HttpRequest, outcome_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    outcome = access_outcome(user, outcome_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        outcome,
        ChangeOutcomeForm,
        save=lambda f: edits.change_outcome(
            outcome=outcome, by=user, changes=f.changes()
        ),
        title=_("Change an outcome"),
        back=_client_url(outcome.client),
        caption=str(outcome.client),
    )


@require_http_methods(["GET", "POST"])
def group_change(request: HttpRequest, group_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    group = access_group(user, group_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        group,
        ChangeGroupForm,
        save=lambda f: edits.change_group(group=group, by=user, changes=f.changes()),
        title=_("Change group work"),
        back=reverse("independent:groups"),
    )


@require_http_methods(["GET", "POST"])
def engagement_change(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    entry = access_engagement(user, entry_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        entry,
        ChangeEngagementForm,
        save=lambda f: edits.change_engagement(
            entry=entry, by=user, changes=f.changes()
        ),
        title=_("Change a meeting or forum"),
        back=reverse("independent:engagement"),
    )


@require_http_methods(["GET", "POST"])
def influence_change(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    entry = access_influence(user, entry_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        entry,
        ChangeInfluenceForm,
        save=lambda f: edits.change_influence(
            entry=entry, by=user, changes=f.changes()
        ),
        title=_("Change a change sought"),
        back=reverse("independent:influence_entry", args=[entry.public_id]),
    )


@require_http_methods(["GET", "POST"])
def evidence_change(request: HttpRequest, evidence_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    evidence = access_evidence(user, evidence_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        evidence,
        ChangeEvidenceForm,
        save=lambda f: edits.change_evidence(
            evidence=evidence, by=user, changes=f.changes()
        ),
        title=_("Change evidence"),
        back=reverse("independent:influence_entry", args=[evidence.entry.public_id]),
        caption=str(evidence.entry),
    )


@require_http_methods(["GET", "POST"])
def voice_change(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = staff(request, CHANGE)
    entry = access_voice(user, entry_id, action=CHANGE, page=page(request))
    return edit_page(
        request,
        entry,
        ChangeVoiceForm,
        save=lambda f: edits.change_voice(entry=entry, by=user, changes=f.changes()),
        title=_("Change client voice work"),
        back=reverse("independent:voice"),
    )

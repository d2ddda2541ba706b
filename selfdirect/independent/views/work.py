"""The organisation's own work: group sessions, strategic engagement, influence and
its evidence, client voice."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import show_errors
from selfdirect.core.http import page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from .. import selectors, services, work_services
from ..forms import (
    EngagementForm,
    EvidenceForm,
    GroupSessionForm,
    InfluenceForm,
    VoiceForm,
)
from ..permissions import access_evidence, access_influence
from .common import create_page, staff

PAGE_SIZE = 25


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    counts = selectors.clients(user).aggregate(
        clients=Count("pk"), anonymous=Count("pk", filter=Q(name=""))
    )
    context = {
        "counts": counts,
        "waiting": selectors.incoming_referrals(user).count(),
        "organisation": user.organization,
    }
    return render(request, "independent/home.html", context)


def _list(
    request: HttpRequest, rows: Any, template: str, **context: Any
) -> HttpResponse:
    page_obj = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page_obj": page_obj, **context})


def _new(
    request: HttpRequest,
    form_class: type[forms.ModelForm[Any]],
    record: Callable[..., Any],
    *,
    title: str,
    done: str,
    list_name: str,
) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    form = form_class(request.POST or None)
    back = reverse(list_name)
    return create_page(
        request,
        form,
        save=lambda f: record(by=user, entry=f.save(commit=False)),
        title=title,
        done=done,
        next_url=back,
        back=back,
    )


@require_GET
def groups(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    return _list(request, selectors.group_sessions(user), "independent/groups.html")


@require_http_methods(["GET", "POST"])
@once
def group_new(request: HttpRequest) -> HttpResponse:
    def record(*, by: Any, entry: Any) -> Any:
        return work_services.record_group_session(by=by, group=entry)

    return _new(
        request,
        GroupSessionForm,
        record,
        title=_("Record group work"),
        done=_("Group work recorded."),
        list_name="independent:groups",
    )


@require_GET
def engagement(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    return _list(request, selectors.engagement(user), "independent/engagement.html")


@require_http_methods(["GET", "POST"])
@once
def engagement_new(request: HttpRequest) -> HttpResponse:
    return _new(
        request,
        EngagementForm,
        work_services.record_engagement,
        title=_("Record a meeting or forum"),
        done=_("Engagement recorded."),
        list_name="independent:engagement",
    )


@require_GET
def influence(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    return _list(request, selectors.influence(user), "independent/influence.html")


@require_http_methods(["GET", "POST"])
@once
def influence_new(request: HttpRequest) -> HttpResponse:
    return _new(
        request,
        InfluenceForm,
        work_services.record_influence,
        title=_("Record a change sought"),
        done=_("Influence recorded."),
        list_name="independent:influence",
    )


@require_GET
def influence_entry(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = staff(request)
    entry = access_influence(user, entry_id, page=page(request))
    context = {"entry": entry, "evidence": entry.evidence.all()}
    return render(request, "independent/influence_entry.html", context)


@require_http_methods(["GET", "POST"])
@once
def evidence_new(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    entry = access_influence(user, entry_id, action=Action.CHANGE, page=page(request))
    form = EvidenceForm(request.POST or None, request.FILES or None)
    back = reverse("independent:influence_entry", args=[entry.public_id])
    if request.method == "POST" and form.is_valid():
        try:
            work_services.add_evidence(
                entry=entry,
                by=user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                link=form.cleaned_data["link"],
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return redirect(back)
    context = {
        "form": form,
        "title": _("Add evidence"),
        "caption": str(entry),
        "back": back,
        "upload": True,
    }
    return render(request, "independent/form.html", context)


@require_GET
def evidence_file(request: HttpRequest, evidence_id: str) -> HttpResponseBase:
    user = staff(request)
    evidence = access_evidence(user, evidence_id, page=page(request))
    if not evidence.file:
        return redirect(evidence.link)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.filename,
        content_type=evidence.content_type or "application/octet-stream",
    )


@require_GET
def voice(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    return _list(request, selectors.voice(user), "independent/voice.html")


@require_http_methods(["GET", "POST"])
@once
def voice_new(request: HttpRequest) -> HttpResponse:
    return _new(
        request,
        VoiceForm,
        work_services.record_voice,
        title=_("Record client voice work"),
        done=_("Client voice recorded."),
        list_name="independent:voice",
    )


__all__ = ["services"]

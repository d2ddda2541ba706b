from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action, Capability
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict, show_errors
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page
from selfdirect.core.letters import render_letter_response
from selfdirect.core.once import once
from selfdirect.people.access import access_person
from selfdirect.people.selectors import recording_team

from . import selectors, services
from .forms import (
    AgreeForm,
    ConversationForm,
    CorrectionForm,
    EditConversationForm,
    EditOutcomeForm,
    NewConversationForm,
    OutcomeForm,
    RiskEnablementForm,
    ShareForm,
    StrengthForm,
)
from .permissions import access_conversation
from .wording import OutcomeCheck, classify_outcome


def _back(conversation) -> HttpResponse:  # type: ignore[no-untyped-def]
    return redirect(
        "conversations:detail",
        person_id=conversation.person.public_id,
        conversation_id=conversation.public_id,
    )


@require_http_methods(["GET", "POST"])
@once
def start(request: HttpRequest, person_id: str) -> HttpResponse:
    user = actor(request)
    person = access_person(user, person_id, action=Action.CHANGE, page=page(request))
    team = recording_team(person, user)
    if team is None:
        raise PermissionDenied(Capability.CHANGE_PEOPLE)
    initial = {"conversation_date": timezone.localdate(), "participants": ["person"]}
    form = bind(
        request,
        NewConversationForm,
        initial=initial,
        first_contacts=person.first_contacts.all(),
    )
    if request.method == "POST" and form.is_valid():
        outcomes = form.outcomes()
        conversation = services.start_conversation(
            person=person,
            by=user,
            team=team,
            details=form.details(),
            outcomes=outcomes,
        )
        messages.success(
            request,
            ngettext(
                "Conversation record started, with %(n)s personal outcome.",
                "Conversation record started, with %(n)s personal outcomes.",
                len(outcomes),
            )
            % {"n": len(outcomes)}
            if outcomes
            else _("Conversation record started. Now add what matters to the person."),
        )
        return _back(conversation)
    return render(
        request,
        "conversations/conversation_form.html",
        {"form": form, "person": person},
    )


@require_GET
def detail(request: HttpRequest, person_id: str, conversation_id: str) -> HttpResponse:
    user = actor(request)
    conversation = access_conversation(
        user, person_id, conversation_id, page=page(request)
    )
    context = selectors.conversation_detail(conversation)
    context["can_change"] = user.can(Capability.CHANGE_PEOPLE)
    for outcome in context["outcomes"]:  # type: ignore[attr-defined]
        outcome.hint = classify_outcome(outcome.words)
    return render(request, "conversations/conversation_detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, person_id: str, conversation_id: str) -> HttpResponse:
    user = actor(request)
    conversation = access_conversation(
        user, person_id, conversation_id, action=Action.CHANGE, page=page(request)
    )
    form = bind(
        request,
        EditConversationForm,
        initial=ConversationForm.initial_from(conversation),
        first_contacts=conversation.person.first_contacts.all(),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_conversation(
                conversation=conversation,
                by=user,
                version=form.cleaned_data["version"],
                details=form.details(),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(
                form, error, first_contacts=conversation.person.first_contacts.all()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            return _back(conversation)
    context = {
        "form": form,
        "person": conversation.person,
        "conversation": conversation,
        "conflict": conflict,
    }
    return render(request, "conversations/conversation_form.html", context)


@require_http_methods(["GET", "POST"])
@once
def outcome(
    request: HttpRequest,
    person_id: str,
    conversation_id: str,
    outcome_id: int | None = None,
) -> HttpResponse:
    user = actor(request)
    conversation = access_conversation(
        user, person_id, conversation_id, action=Action.CHANGE, page=page(request)
    )
    existing = (
        conversation.outcomes.filter(pk=outcome_id).first() if outcome_id else None
    )
    if outcome_id and existing is None:
        raise Http404("No such outcome")
    form_class = EditOutcomeForm if existing else OutcomeForm
    initial = _outcome_initial(existing)
    form = bind(request, form_class, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.record_outcome(
                conversation=conversation,
                by=user,
                details=form.details(),
                domains=list(form.cleaned_data["domains"]),
                outcome=existing,
                version=form.cleaned_data.get("version"),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error)
        except ValidationError as error:
            show_errors(form, error)
        else:
            check = classify_outcome(saved.words)
            if check.kind != "outcome":
                messages.info(
                    request, f"Saved. A thought about the wording: {check.suggestion}"
                )
            else:
                messages.success(request, _("Personal outcome saved."))
            if existing is None and "another" in request.POST:
                return redirect(
                    "conversations:add_outcome",
                    person_id=conversation.person.public_id,
                    conversation_id=conversation.public_id,
                )
            return _back(conversation)
    hint: OutcomeCheck | None = (
        classify_outcome(form.data["words"])
        if form.is_bound and str(form.data.get("words", "")).strip()
        else None
    )
    context = {
        "form": form,
        "conversation": conversation,
        "person": conversation.person,
        "outcome": existing,
        "conflict": conflict,
        "hint": hint,
    }
    return render(request, "conversations/outcome_form.html", context)


def _outcome_initial(existing) -> dict:  # type: ignore[no-untyped-def, type-arg]
    if existing is None:
        return {}
    return {
        "words": existing.words,
        "domains": existing.domains.all(),
        "whats_working": existing.whats_working,
        "whats_not_working": existing.whats_not_working,
        "priority": existing.priority,
        "version": existing.version,
    }


@require_http_methods(["GET", "POST"])
@once
def strength(
    request: HttpRequest, person_id: str, conversation_id: str
) -> HttpResponse:
    return _conversation_form(
        request,
        person_id,
        conversation_id,
        StrengthForm,
        services.record_strength,
        title=_("Add a strength or asset"),
        button="Save strength",
        done=_("Strength saved."),
        form_kwargs=lambda conversation: {"outcomes": conversation.outcomes.all()},
    )


@require_http_methods(["GET", "POST"])
@once
def risk(request: HttpRequest, person_id: str, conversation_id: str) -> HttpResponse:
    return _conversation_form(
        request,
        person_id,
        conversation_id,
        RiskEnablementForm,
        services.record_risk_enablement,
        title=_("Record a risk the person chooses to take"),
        done=_("Risk enablement saved."),
        intro=(
            "Record the choice the person is making and what they gain, not only the "
            "hazard. Agree what everyone will do."
        ),
    )


@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, person_id: str, conversation_id: str) -> HttpResponse:
    return _conversation_form(
        request,
        person_id,
        conversation_id,
        ShareForm,
        services.share_conversation,
        title=_("Share the record with the person"),
        done=_("Conversation record shared with the person."),
    )


@require_http_methods(["GET", "POST"])
def agree(request: HttpRequest, person_id: str, conversation_id: str) -> HttpResponse:
    return _conversation_form(
        request,
        person_id,
        conversation_id,
        AgreeForm,
        services.agree_conversation,
        title=_("Record that the person agreed"),
        done=_("Conversation record agreed."),
    )


@require_http_methods(["GET", "POST"])
@once
def correction(
    request: HttpRequest, person_id: str, conversation_id: str
) -> HttpResponse:
    return _conversation_form(
        request,
        person_id,
        conversation_id,
        CorrectionForm,
        services.add_correction,
        title=_("Add the person's own words"),
        done=_("The person's words have been added."),
    )


def _conversation_form(  # type: ignore[no-untyped-def]
    request,
    person_id,
    conversation_id,
    form_class,
    service,
    *,
    title: str,
    done: str,
    intro: str = "",
    button: str = "Save",
    form_kwargs=None,
) -> HttpResponse:
    """One form that adds to a conversation through one service, then goes back."""
    user = actor(request)
    conversation = access_conversation(
        user, person_id, conversation_id, action=Action.CHANGE, page=page(request)
    )
    today = timezone.localdate()
    initial = dict.fromkeys(("shared_on", "agreed_on", "added_on"), today)
    extra = form_kwargs(conversation) if form_kwargs else {}
    form = bind(request, form_class, initial=initial, **extra)
    if request.method == "POST" and form.is_valid():
        try:
            service(conversation=conversation, by=user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, done)
            return _back(conversation)
    context = {
        "form": form,
        "conversation": conversation,
        "person": conversation.person,
        "title": title,
        "intro": intro,
        "button": button,
    }
    return render(request, "conversations/simple_form.html", context)


@require_GET
def my_record(
    request: HttpRequest, person_id: str, conversation_id: str, fmt: str
) -> HttpResponse:
    user = actor(request)
    conversation = access_conversation(
        user, person_id, conversation_id, page=page(request)
    )
    context = selectors.conversation_detail(conversation)
    if fmt == "pdf":
        return render_letter_response(
            "conversations/my_record_pdf.html",
            context,
            person=conversation.person,
            produced_by=user,
            filename="my-conversation-record.pdf",
        )
    return render(request, "conversations/my_record.html", context)

"""The referral inbox: council referrals that arrived with consent, answered,
followed and closed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import page
from selfdirect.core.once import once
from selfdirect.core.pagination import CappedPaginator

from .. import selectors, services
from ..forms import AnswerReferralForm, ReferralProgressForm
from ..permissions import access_incoming, access_referral
from .common import create_page, staff

PAGE_SIZE = 25


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    user = staff(request)
    waiting = selectors.incoming_referrals(user)
    answered = CappedPaginator(selectors.referrals(user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "independent/inbox.html",
        {"waiting": waiting[:100], "page_obj": answered},
    )


@require_http_methods(["GET", "POST"])
@once
def answer_new(request: HttpRequest, support_id: str) -> HttpResponse:
    user = staff(request, Action.CHANGE)
    support = access_incoming(
        user, support_id, action=Action.CHANGE, page=page(request)
    )
    client = selectors.client_of_referral(user, support)
    if client is None:  # consent withdrawn between the two reads
        messages.info(request, _("The person's consent to share has been withdrawn."))
        return redirect("independent:inbox")
    form = bind(request, AnswerReferralForm)
    return create_page(
        request,
        form,
        save=lambda f: services.answer_referral(
            support=support, client=client, by=user, answer=f.details()
        ),
        title=_("Answer the referral"),
        done=_("Referral answered. The council worker can see your answer."),
        next_url=lambda referral: reverse(
            "independent:referral", args=[referral.public_id]
        ),
        back=reverse("independent:inbox"),
        caption=_("%(kind)s for %(client)s, referred on %(day)s")
        % {
            "kind": support.get_kind_display(),
            "client": client,
            "day": (support.referred_on or support.offered_on).strftime("%d/%m/%Y"),
        },
    )


@require_http_methods(["GET", "POST"])
def referral(request: HttpRequest, referral_id: str) -> HttpResponse:
    user = staff(request)
    action = Action.CHANGE if request.method == "POST" else Action.VIEW
    found = access_referral(user, referral_id, action=action, page=page(request))
    initial = {"version": found.version, "status": "supporting"}
    initial |= {"progress": found.progress, "outcome": found.outcome}
    form = bind(request, ReferralProgressForm, initial=initial)
    told: list[bool] = []

    def _save(bound: ReferralProgressForm) -> None:
        told.append(
            services.record_referral_progress(
                referral=found,
                by=user,
                version=bound.cleaned_data["version"],
                details=bound.details(),
            )
        )

    response = form_page(
        request,
        form,
        save=_save,
        done=_("Progress recorded."),
        next_url=reverse("independent:referral", args=[found.public_id]),
        context={"referral": found, "open": found.status in ("accepted", "supporting")},
        template="independent/referral.html",
    )
    if told and not told[0]:
        messages.info(
            request,
            _("Consent was withdrawn, so this was not shared with the council."),
        )
    return response

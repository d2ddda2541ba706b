"""The organisation manager chooses the funder's report's case studies for a period,
from the stories the people in them agreed to tell."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.form_pages import show_errors
from selfdirect.core.http import actor

from .. import case_studies
from ..manager_forms import CaseStudyForm
from ..report_forms import period


@require_http_methods(["GET", "POST"])
def choose(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.MANAGE_ORGANISATION)
    period_form, start, end = period(request.GET)
    offered = {
        "voice": case_studies.voice_stories(user, start, end),
        "outcomes": case_studies.outcome_stories(user, start, end),
    }
    chosen = case_studies.chosen(user, start, end)
    initial = {
        "voice": [str(c.voice.public_id) for c in chosen if c.voice],
        "outcomes": [str(c.outcome.public_id) for c in chosen if c.outcome],
    }
    data = request.POST if request.method == "POST" else None
    form = CaseStudyForm(data, initial=initial, **offered)
    query = request.GET.urlencode()
    report = reverse("independent:funder_report") + (f"?{query}" if query else "")
    if request.method == "POST" and form.is_valid():
        try:
            case_studies.choose(
                by=user, offered=form.offered_stories(), picked=form.picked()
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Case studies saved."))
            return redirect(report)
    context = {
        "form": form,
        "period_form": period_form,
        "start": start,
        "end": end,
        "back": report,
        "organisation": user.organization,
    }
    return render(request, "independent/case_studies.html", context)

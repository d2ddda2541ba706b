"""Following up a community resource in a support plan (signposting from plans)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.core.concurrency import EditConflict
from selfdirect.core.forms import bind
from selfdirect.people.views.common import actor, page, rebind_for_conflict, show_errors

from .. import services
from ..forms import SupportFollowUpForm
from ..permissions import access_plan


@require_http_methods(["GET", "POST"])
def support_follow_up(
    request: HttpRequest, person_id: str, plan_id: str, support_id: int
) -> HttpResponse:
    user = actor(request)
    plan = access_plan(user, person_id, plan_id, action="change", page=page(request))
    support = plan.supports.filter(pk=support_id).select_related("service").first()
    if support is None or not support.is_signposting:
        raise Http404("No such community resource in this plan")
    support.plan = plan
    form = bind(
        request, SupportFollowUpForm, initial=SupportFollowUpForm.initial_from(support)
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.record_support_follow_up(
                support=support,
                by=user,
                version=form.cleaned_data["version"],
                **form.answers(),
            )
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Follow-up saved."))
            url = reverse("plans:detail", args=[plan.person.public_id, plan.public_id])
            return redirect(url + "#supports")
    context = {
        "form": form,
        "plan": plan,
        "person": plan.person,
        "support": support,
        "conflict": conflict,
        "title": _("How did %(support)s go?") % {"support": support.who_label},
        "button": _("Save the follow-up"),
    }
    return render(request, "plans/simple_form.html", context)

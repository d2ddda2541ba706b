"""Following up a community resource in a support plan (signposting from plans)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from selfdirect.accounts.roles import Action
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor, page

from .. import services
from ..forms import SupportFollowUpForm
from ..permissions import access_plan
from .editing import _plan_url


@require_http_methods(["GET", "POST"])
def support_follow_up(
    request: HttpRequest, person_id: str, plan_id: str, support_id: int
) -> HttpResponse:
    user = actor(request)
    plan = access_plan(
        user, person_id, plan_id, action=Action.CHANGE, page=page(request)
    )
    support = plan.supports.filter(pk=support_id).select_related("service").first()
    if support is None or not support.is_signposting:
        raise Http404("No such community resource in this plan")
    support.plan = plan
    initial = SupportFollowUpForm.initial_from(support)
    return form_page(
        request,
        bind(request, SupportFollowUpForm, initial=initial),
        save=lambda f: services.record_support_follow_up(
            support=support, by=user, version=f.cleaned_data["version"], **f.answers()
        ),
        done=_("Follow-up saved."),
        next_url=_plan_url(plan, "supports"),
        context={
            "plan": plan,
            "person": plan.person,
            "title": _("How did %(support)s go?") % {"support": support.who_label},
            "button": _("Save the follow-up"),
        },
        template="plans/simple_form.html",
    )

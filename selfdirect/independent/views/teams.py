"""The organisation's teams: its manager adds them and says who is in each."""

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

from .. import selectors, team_services
from ..manager_forms import ChangeTeamForm, TeamForm
from ..permissions import access_team
from .common import FORM, create_page, staff


@require_GET
def team_list(request: HttpRequest) -> HttpResponse:
    user = staff(request, Action.DECIDE)
    context = {"teams": selectors.teams(user)}
    return render(request, "independent/teams.html", context)


@require_http_methods(["GET", "POST"])
@once
def team_new(request: HttpRequest) -> HttpResponse:
    user = staff(request, Action.DECIDE)
    form = bind(request, TeamForm, user=user)
    back = reverse("independent:teams")
    return create_page(
        request,
        form,
        save=lambda f: team_services.add_team(by=user, details=f.details()),
        title=_("Add a team"),
        done=_("Team added."),
        next_url=back,
        back=back,
    )


@require_http_methods(["GET", "POST"])
def team_change(request: HttpRequest, team_id: str) -> HttpResponse:
    user = staff(request, Action.DECIDE)
    team = access_team(user, team_id, page=page(request))
    initial = {
        "version": team.version,
        "name": team.name,
        "members": [m.user for m in team.members.select_related("user")],
    }
    form = bind(request, ChangeTeamForm, initial=initial, user=user)
    back = reverse("independent:teams")
    return form_page(
        request,
        form,
        save=lambda f: team_services.change_team(
            team=team, by=user, version=f.cleaned_data["version"], details=f.details()
        ),
        done=_("Team changed."),
        next_url=back,
        context={"title": _("Change a team"), "caption": team.name, "back": back},
        template=FORM,
        init_kwargs={"user": user},
    )

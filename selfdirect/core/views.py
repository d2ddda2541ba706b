from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from selfdirect.accounts.access import may
from selfdirect.accounts.roles import Action, Capability, Purpose, Role, roles_with
from selfdirect.core.hooks import nav_items
from selfdirect.people.selectors import follow_ups_due


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    due = None
    if may(user, Purpose.PRACTICE, Action.CHANGE):  # type: ignore[arg-type]
        due = follow_ups_due(user).count()  # type: ignore[arg-type]
    # Each link with how many things wait there (a reviews-due count), if it says.
    links = [
        (item, item.count(user) if item.count is not None else None)
        for item in nav_items(user)
    ]
    return render(
        request, "core/home.html", {"follow_ups_due": due, "home_links": links}
    )


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _who_can(exception: Exception | None) -> list[str]:
    code = str(exception.args[0]) if exception and exception.args else ""
    if code not in Capability.values:
        return []
    return [str(Role(role).label) for role in sorted(roles_with(Capability(code)))]


@login_not_required
def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    context = {"roles": _who_can(exception), "admin_contact": settings.ADMIN_CONTACT}
    return render(request, "core/403.html", context, status=403)


@login_not_required
def page_not_found(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "core/404.html", status=404)


@login_not_required
def bad_request(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "core/400.html", status=400)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/500.html", status=500)

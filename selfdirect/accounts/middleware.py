"""The steps after the password: a two-factor code, and a new password when an
administrator gave a temporary one. Until they are done, a signed-in user reaches
only the pages that do them (and signing out)."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services

# The pages a signed-in user may reach before finishing signing in.
_OPEN_BEFORE_CODE = {"two_factor_verify", "logout", "set_language", "healthz"}
_OPEN_BEFORE_SET_UP = {
    "two_factor_set_up",
    "logout",
    "set_language",
    "healthz",
}
_OPEN_BEFORE_NEW_PASSWORD = {
    "password_change",
    "password_change_done",
    "logout",
    "set_language",
    "healthz",
}


def next_step(request: HttpRequest) -> str | None:
    """The URL name of what the signed-in user must do before anything else, if
    anything: give a code, set up two-factor sign-in, or choose a new password."""
    user: Any = request.user
    if not user.is_authenticated:
        return None
    if not user.is_verified():
        if services.authenticator(user) is not None:
            return "two_factor_verify"
        if settings.OTP_ENFORCE_REQUIRED and services.two_factor_required(user):
            return "two_factor_set_up"
    if user.must_change_password:
        return "password_change"
    return None


class SignInStepsMiddleware:
    """Sends a signed-in user to the step they have still to do: the API answers
    401 instead, as for a visitor who has not signed in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        step = next_step(request)
        if step is None:
            return None
        match = request.resolver_match
        name = match.url_name if match else None
        open_pages = {
            "two_factor_verify": _OPEN_BEFORE_CODE,
            "two_factor_set_up": _OPEN_BEFORE_SET_UP,
            "password_change": _OPEN_BEFORE_NEW_PASSWORD,
        }[step]
        if name in open_pages and not (match and match.namespace):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Finish signing in first.")}, status=401)
        if step == "two_factor_verify":
            return redirect_to_login(
                request.get_full_path(), reverse("two_factor_verify")
            )
        return redirect(step)

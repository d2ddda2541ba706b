"""Keep what a person typed when their session ended while a form was open."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

RESCUE_KEY = "rescued_form"


class FormRescueMiddleware:
    """A form posted after sign-out is kept in the new session, then restored."""

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
        if request.method != "POST" or request.user.is_authenticated:
            return None
        if not getattr(view_func, "login_required", True):
            return None
        if request.path.startswith("/api/"):
            return None
        data = request.POST.copy()
        data.pop("csrfmiddlewaretoken", None)
        request.session[RESCUE_KEY] = {"path": request.path, "data": data.urlencode()}
        messages.info(
            request,
            _(
                "Your session ended, so you were signed out. Sign in again and "
                "what you typed will be put back in the form for you to check "
                "and save."
            ),
        )
        return redirect_to_login(request.get_full_path())


def rescued_data(request: HttpRequest) -> QueryDict | None:
    """The form data kept for this page when the session ended, if any (once)."""
    rescued = request.session.get(RESCUE_KEY)
    if not rescued or rescued.get("path") != request.path:
        return None
    del request.session[RESCUE_KEY]
    return QueryDict(rescued["data"])


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Pages need a signed-in user; the API answers 401 itself instead of redirecting."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if request.path.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)  # type: ignore[return-value]

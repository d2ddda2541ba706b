"""Sessions and responses: keep what a person typed when their session ended while
a form was open, end sessions on time, and keep signed-in pages out of caches."""

import datetime
from collections.abc import Callable
from typing import Any

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase, QueryDict
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

RESCUE_KEY = "rescued_form"
# Names who typed a rescued form, so it goes back only to them. It outlives the
# session cookie, holds no user id, and means nothing without the SECRET_KEY.
TYPIST_COOKIE = "selfdirect_typist"
SIGNED_IN_AT = "signed_in_at"


def typist_mark(user: Any) -> str:
    """An opaque mark for a signed-in user, the same on every request."""
    return salted_hmac("selfdirect.core.form-rescue", str(user.pk)).hexdigest()


class FormRescueMiddleware:
    """A form posted after sign-out is kept in the new session, then restored to
    the user who typed it (and to nobody else who signs in on that browser)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            _drop_someone_elses_rescue(request)
        response = self.get_response(request)
        if request.user.is_authenticated:
            mark = typist_mark(request.user)
            if request.COOKIES.get(TYPIST_COOKIE) != mark:
                response.set_cookie(
                    TYPIST_COOKIE,
                    mark,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        return response

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
        request.session[RESCUE_KEY] = {
            "path": request.path,
            "data": data.urlencode(),
            "typist": request.COOKIES.get(TYPIST_COOKIE, ""),
        }
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
    """The form data this user typed on this page before their session ended, if
    any (once)."""
    _drop_someone_elses_rescue(request)
    rescued = request.session.get(RESCUE_KEY)
    if not rescued or rescued.get("path") != request.path:
        return None
    del request.session[RESCUE_KEY]
    return QueryDict(rescued["data"])


def _drop_someone_elses_rescue(request: HttpRequest) -> None:
    rescued = request.session.get(RESCUE_KEY)
    if rescued is None:
        return
    if not request.user.is_authenticated or not constant_time_compare(
        rescued.get("typist", ""), typist_mark(request.user)
    ):
        del request.session[RESCUE_KEY]


class SessionLifetimeMiddleware:
    """A session ends SESSION_ABSOLUTE_AGE seconds after signing in, however
    active, as well as after SESSION_COOKIE_AGE seconds idle; the session cookie
    expires at whichever comes first. The expiry is moved (and the session saved)
    only when it moves by a minute or more (SESSION_SAVE_EVERY_REQUEST is off)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = timezone.now()
        if request.user.is_authenticated and now >= _session_ends(request, now):
            logout(request)
            messages.info(
                request,
                _(
                    "You have been signed in for %(hours)s hours, the longest a "
                    "session lasts, so you were signed out. Sign in again to carry on."
                )
                % {"hours": settings.SESSION_ABSOLUTE_AGE // 3600},
            )
        response = self.get_response(request)
        if request.user.is_authenticated:
            idle_end = now + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
            ends = min(idle_end, _session_ends(request, now))
            # Moving the expiry saves the session (an UPDATE) and sends the cookie
            # again: do it only when it moves by a minute or more, so a page
            # opened within a minute of the last costs neither. The idle time
            # then runs out between SESSION_COOKIE_AGE less a minute and
            # SESSION_COOKIE_AGE after the last page; the absolute limit is exact.
            if _moved(request.session.get(SESSION_EXPIRY), ends):
                request.session.set_expiry(ends)
        return response


SESSION_EXPIRY = "_session_expiry"  # where Django's set_expiry keeps it
_LEAST_MOVE = datetime.timedelta(minutes=1)


def _moved(kept: object, ends: datetime.datetime) -> bool:
    if not isinstance(kept, str):
        return True
    try:
        previous = datetime.datetime.fromisoformat(kept)
    except ValueError:
        return True
    return previous.tzinfo is None or abs(ends - previous) >= _LEAST_MOVE


def _session_ends(request: HttpRequest, now: datetime.datetime) -> datetime.datetime:
    started = request.session.setdefault(SIGNED_IN_AT, now.timestamp())
    return datetime.datetime.fromtimestamp(started, tz=datetime.UTC) + (
        datetime.timedelta(seconds=settings.SESSION_ABSOLUTE_AGE)
    )


class PrivateResponsesMiddleware:
    """Nothing shown to a signed-in user is kept by the browser or a proxy:
    pages, PDFs, exports, API answers and CSVs all send Cache-Control: no-store."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


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


class HtmlContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy on HTML pages. PDFs open in the browser's own viewer,
    which a page policy (object-src 'none') would block; JSON and CSV run nothing."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not response.get("Content-Type", "").startswith("text/html"):
            setattr(response, "_csp_exempt", True)  # noqa: B010 - django-csp's flag
        return super().process_response(request, response)

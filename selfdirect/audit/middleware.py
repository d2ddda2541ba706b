"""Every refusal a signed-in user meets is written down."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .services import log_refusal

REFUSED = frozenset({403, 404})


class RefusalLogMiddleware:
    """Log each 403 and 404 answered to a signed-in user (who, what, when and the
    answer), so probing other teams' records leaves a trace."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code in REFUSED and user and user.is_authenticated:
            log_refusal(
                user=user,  # type: ignore[arg-type]
                method=request.method or "",
                path=request.get_full_path(),
                status=response.status_code,
            )
        return response

"""The interactive API docs: Swagger UI from Django Ninja's own static files
(ninja is in INSTALLED_APPS, so no CDN), for signed-in staff only."""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger


class SignedInSwagger(Swagger):
    """Swagger UI runs with the user's session, so only a signed-in user gets it.
    The OpenAPI document itself stays public: it describes, and holds no records."""

    def render_page(
        self, request: HttpRequest, api: NinjaAPI, **kwargs: Any
    ) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().render_page(request, api, **kwargs)

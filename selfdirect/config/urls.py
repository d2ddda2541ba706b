from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from selfdirect.api.api import api
from selfdirect.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("accounts/", include("selfdirect.accounts.urls")),
    path("people/", include("selfdirect.people.urls")),
    path("people/", include("selfdirect.conversations.urls")),
    path("people/", include("selfdirect.choices.urls")),
    path("four-options/", include("selfdirect.choices.info_urls")),
    # Later stages write their own full paths (people/<id>/..., directory/..., ...)
    path("", include("selfdirect.directory.urls")),
    path("", include("selfdirect.providers.urls")),
    path("", include("selfdirect.budgets.urls")),
    path("", include("selfdirect.plans.urls")),
    path("", include("selfdirect.delivery.urls")),
    path("", include("selfdirect.panel.urls")),
    path("", include("selfdirect.reviews.urls")),
    path("", include("selfdirect.independent.urls")),
    path("", include("selfdirect.carers.urls")),
    path("", include("selfdirect.insights.urls")),
    path("", include("selfdirect.assurance.urls")),
    path("", include("selfdirect.audit.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler403 = "selfdirect.core.views.permission_denied"
handler404 = "selfdirect.core.views.page_not_found"
handler400 = "selfdirect.core.views.bad_request"
handler500 = "selfdirect.core.views.server_error"

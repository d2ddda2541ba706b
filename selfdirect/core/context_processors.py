from typing import Any

from django.conf import settings
from django.http import HttpRequest

from selfdirect.accounts.roles import Capability
from selfdirect.core.hooks import nav_items


def service(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    can_view = bool(user and user.is_authenticated and user.can(Capability.VIEW_PEOPLE))
    return {
        "service_name": settings.SERVICE_NAME,
        "partnership_name": settings.PARTNERSHIP_NAME,
        "admin_contact": settings.ADMIN_CONTACT,
        "can_view_people": can_view,
        "nav_items": nav_items(user) if user and user.is_authenticated else [],
    }

"""`/api/v1/directory/services`: the HSDS 3.0 API shape (paginated service list)."""

import math
import uuid
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from selfdirect.accounts.access import require
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Capability
from selfdirect.core.api_inputs import PageNumber, PageSize, SearchWords

from . import hsds

router = Router(tags=["directory"])


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404
    require(user, Capability.SEARCH_DIRECTORY)
    return user


@router.get(
    "/services", response=dict[str, Any], summary="Directory services (HSDS 3.0)"
)
def list_directory_services(
    request: HttpRequest,
    page: PageNumber = 1,
    per_page: PageSize = 50,
    search: SearchWords = "",
) -> dict[str, Any]:
    _user(request)
    services = hsds.services_for_export()
    if search:
        services = services.filter(name__icontains=search)
    total = services.count()
    pages = max(1, math.ceil(total / per_page))
    page = max(1, min(page, pages))
    ids = list(
        services.values_list("pk", flat=True)[(page - 1) * per_page : page * per_page]
    )
    contents = hsds.export_services(services.filter(pk__in=ids))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page == pages,
        "empty": not contents,
        "contents": contents,
    }


@router.get(
    "/services/{service_id}",
    response=dict[str, Any],
    summary="One directory service (HSDS 3.0)",
)
def get_directory_service(
    request: HttpRequest, service_id: uuid.UUID
) -> dict[str, Any]:
    _user(request)
    service = get_object_or_404(hsds.services_for_export(), pk=service_id)
    return hsds.dump("service", service)

import datetime

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.http import actor

from . import selectors

PERIODS = (7, 30, 90)


@require_GET
def access_review(request: HttpRequest) -> HttpResponse:
    require(actor(request), Capability.REVIEW_ACCESS)
    days = request.GET.get("days", "")
    period = int(days) if days in {str(p) for p in PERIODS} else PERIODS[0]
    since = timezone.now() - datetime.timedelta(days=period)
    refusals = Paginator(selectors.refusals_since(since), 50)
    context = {
        "period": period,
        "periods": PERIODS,
        "users": selectors.unusual_activity(since),
        "page_obj": refusals.get_page(request.GET.get("page")),
    }
    return render(request, "audit/access_review.html", context)

"""Finance's yearly total of adult social care spend: the list, a new year, and a
correction (version-checked: two people correcting one year never overwrite each
other). The figures are the partnership's, nobody's personal data."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor
from selfdirect.core.once import once

from . import services
from .indicator_forms import SpendChangeForm, SpendForm
from .models import AdultSocialCareSpend

TEMPLATE = "insights/indicators/spend_form.html"


@require_GET
def spend_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    if not (user.can(Capability.RECORD_FINANCE) or user.can(Capability.SEE_INDICATORS)):
        raise PermissionDenied(Capability.RECORD_FINANCE)
    context = {
        "years": AdultSocialCareSpend.objects.select_related("recorded_by"),
        "can_record": user.can(Capability.RECORD_FINANCE),
    }
    return render(request, "insights/indicators/spend_list.html", context)


@require_http_methods(["GET", "POST"])
@once
def spend_new(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    require(user, Capability.RECORD_FINANCE)
    today = timezone.localdate()
    form = bind(request, SpendForm, today=today)

    def save(form: SpendForm) -> None:
        details = services.SpendDetails(**form.cleaned_data)
        services.record_spend(details=details, by=user)

    year = str(form.data.get("financial_year", ""))
    label = (
        str(AdultSocialCareSpend(financial_year=int(year))) if year.isdigit() else ""
    )
    return form_page(
        request,
        form,
        save=save,
        done=_("Spend for %(year)s recorded.") % {"year": label},
        next_url=reverse("insights:spend_list"),
        context={},
        template=TEMPLATE,
        init_kwargs={"today": today},
    )


@require_http_methods(["GET", "POST"])
@once
def spend_change(request: HttpRequest, year: int) -> HttpResponse:
    """Correct a year's total, its share on adults or where it comes from."""
    user = actor(request)
    require(user, Capability.RECORD_FINANCE)
    row = get_object_or_404(AdultSocialCareSpend, financial_year=year)
    initial = {
        "total": row.total,
        "adults_only_total": row.adults_only_total,
        "source": row.source,
        "version": row.version,
    }
    form = bind(request, SpendChangeForm, initial=initial)

    def save(form: SpendChangeForm) -> None:
        data = dict(form.cleaned_data)
        version = data.pop("version")
        details = services.SpendDetails(financial_year=row.financial_year, **data)
        services.change_spend(row=row, version=version, details=details, by=user)

    return form_page(
        request,
        form,
        save=save,
        done=_("Spend for %(year)s changed.") % {"year": row},
        next_url=reverse("insights:spend_list"),
        context={"row": row},
        template=TEMPLATE,
    )

"""Finance's yearly total of adult social care spend: the list, a new year, and a
correction (version-checked: two people correcting one year never overwrite each
other). The figures are the partnership's, nobody's personal data."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Capability
from selfdirect.core.concurrency import EditConflict
from selfdirect.core.form_pages import rebind_for_conflict, show_errors
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
    form = bind(request, SpendForm, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            row = services.record_spend(
                details=services.SpendDetails(**form.cleaned_data), by=user
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Spend for %(year)s recorded.") % {"year": row})
            return redirect("insights:spend_list")
    return render(request, TEMPLATE, {"form": form})


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
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        details = services.SpendDetails(financial_year=row.financial_year, **data)
        try:
            services.change_spend(row=row, version=version, details=details, by=user)
        except ValidationError as error:
            show_errors(form, error)
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error)
        else:
            messages.success(request, _("Spend for %(year)s changed.") % {"year": row})
            return redirect("insights:spend_list")
    context = {"form": form, "row": row, "conflict": conflict}
    return render(request, TEMPLATE, context)

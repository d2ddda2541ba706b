"""The one form-page loop the delivery views share: bind, save, show errors."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from selfdirect.core.concurrency import EditConflict
from selfdirect.people.views.common import rebind_for_conflict, show_errors


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[Any], Any],
    done: str,
    next_url: str,
    context: dict[str, Any],
    template: str = "delivery/form.html",
    init_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """On a valid POST call `save(form)` and go to `next_url`; otherwise show the
    form with the rules' errors, or the edit conflict, and change nothing."""
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as error:
            show_errors(form, error)
        except EditConflict as error:
            conflict = error
            form = rebind_for_conflict(form, error, **(init_kwargs or {}))
        else:
            messages.success(request, done)
            return redirect(next_url)
    return render(request, template, {**context, "form": form, "conflict": conflict})

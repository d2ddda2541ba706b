"""The form page loop every edit page shares: bind, save through a service, and on
failure show the rules' errors or the edit conflict, changing nothing."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .concurrency import EditConflict


def show_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def rebind_for_conflict(
    form: forms.BaseForm, conflict: EditConflict, **init_kwargs: Any
) -> Any:
    """The same form with what was typed, but carrying the version now saved."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["version"] = str(conflict.current.version)  # type: ignore[attr-defined]
    rebound = type(form)(data, **init_kwargs)
    rebound.is_valid()
    return rebound


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[Any], Any],
    done: str,
    next_url: str,
    context: dict[str, Any],
    template: str,
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

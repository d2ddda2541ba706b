"""Small helpers shared by the people views."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from selfdirect.accounts.models import User
from selfdirect.core.concurrency import EditConflict


def actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - login is required everywhere
    return user


def page(request: HttpRequest) -> str:
    match = request.resolver_match
    return match.view_name if match else request.path


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

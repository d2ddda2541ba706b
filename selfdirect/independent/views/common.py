"""What the organisation's pages share: the organisation check and the create loop."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from selfdirect.accounts.access import require_action
from selfdirect.accounts.models import User
from selfdirect.accounts.roles import Action, Purpose
from selfdirect.core.form_pages import form_page
from selfdirect.core.forms import bind
from selfdirect.core.http import actor

from ..edit_forms import initial_for

FORM = "independent/form.html"


def staff(request: HttpRequest, action: Action = Action.VIEW) -> User:
    """The signed-in member of an organisation's staff (403 for anyone else)."""
    user = actor(request)
    require_action(user, Purpose.INDEPENDENT, action)
    return user


def create_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    save: Callable[[Any], Any],
    title: str,
    done: str,
    next_url: str | Callable[[Any], str],
    back: str,
    caption: str = "",
    upload: bool = False,
) -> HttpResponse:
    """A create form: on a valid POST save it and go on; else show it with errors."""
    made: list[Any] = []

    def _save(bound: Any) -> None:
        made.append(save(bound))

    response = form_page(
        request,
        form,  # type: ignore[arg-type]
        save=_save,
        done=done,
        next_url="/",
        context={"title": title, "back": back, "caption": caption, "upload": upload},
        template=FORM,
    )
    if made:
        response["Location"] = next_url(made[0]) if callable(next_url) else next_url
    return response


def edit_page(
    request: HttpRequest,
    row: Any,
    form_class: type[forms.BaseForm],
    *,
    save: Callable[[Any], Any],
    title: str,
    back: str,
    caption: str = "",
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """A change form filled from the record as it is now, with its version: on a
    valid POST save the changes and go back; else show the errors or the conflict
    and change nothing."""
    kwargs = form_kwargs or {}
    form = bind(request, form_class, initial=initial_for(form_class, row), **kwargs)
    return form_page(
        request,
        form,  # type: ignore[arg-type]
        save=save,
        done=_("Changes saved."),
        next_url=back,
        context={"title": title, "back": back, "caption": caption},
        template=FORM,
        init_kwargs=kwargs,
    )

"""The design system's "check your answers" step before an action that cannot be
undone (agreeing a plan, submitting to the panel, a panel decision).

A valid POST is not saved at once: the page shows the answers and posts them again,
in hidden fields (the record's version among them, so optimistic locking still
holds), with a button to confirm and one to go back and change them. No JavaScript
and nothing kept on the server between the two posts."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .templatetags.selfdirect import money

CONFIRMED = "confirmed"
CHANGE = "change"
_NOT_CARRIED = {"csrfmiddlewaretoken", CONFIRMED, CHANGE}


@dataclass(frozen=True)
class CheckAnswers:
    """What the check page says: its heading, what the confirm button does and
    where cancelling goes; ``extra`` is a template shown above the answers."""

    title: str
    confirm: str
    cancel_url: str
    extra: str = ""


def wants_change(request: HttpRequest) -> bool:
    """The user chose to change their answers: show the form again, filled in."""
    return request.method == "POST" and CHANGE in request.POST


def needs_checking(request: HttpRequest, form: forms.BaseForm) -> bool:
    """A valid POST not yet confirmed, or one asking to change: not to be saved."""
    if request.method != "POST" or wants_change(request):
        return request.method == "POST"
    return request.POST.get(CONFIRMED) != "yes" and form.is_valid()


def _labels(field: forms.ChoiceField) -> dict[str, str]:
    choices: Any = field.choices
    return {str(k): str(v) for k, v in choices}


def answer_text(field: forms.Field, value: Any) -> str:
    """An answer as the user would read it: choice labels, dates in words, money."""
    if value in (None, "", [], ()):
        return _("Not given")
    if isinstance(field, forms.MultipleChoiceField):
        labels = _labels(field)
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(field, forms.ChoiceField) and not isinstance(
        field, forms.ModelChoiceField
    ):
        return _labels(field).get(str(value), str(value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


def answers(form: forms.BaseForm) -> list[tuple[str, str]]:
    """Each visible question and its answer, in the form's order."""
    return [
        (str(bound.label), answer_text(bound.field, form.cleaned_data.get(bound.name)))
        for bound in form
        if not bound.is_hidden
    ]


def check_page(
    request: HttpRequest,
    form: forms.BaseForm,
    check: CheckAnswers,
    context: dict[str, Any],
) -> HttpResponse:
    """The answers to check, and the same answers posted again to confirm."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in _NOT_CARRIED
        for value in values
    ]
    return render(
        request,
        "core/check_answers.html",
        {**context, "check": check, "answers": answers(form), "carried": carried},
    )


def checked_form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    check: CheckAnswers | None,
    context: dict[str, Any],
    template: str,
    **form_page_kwargs: Any,
) -> HttpResponse:
    """``form_page`` with a check-your-answers step before saving (none when
    ``check`` is None: the action cannot succeed, so the errors show at once)."""
    from .form_pages import form_page

    if check is not None and wants_change(request):
        return render(request, template, {**context, "form": form, "conflict": None})
    if check is not None and needs_checking(request, form):
        return check_page(request, form, check, context)
    return form_page(
        request, form, context=context, template=template, **form_page_kwargs
    )

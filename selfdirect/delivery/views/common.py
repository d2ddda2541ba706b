"""The form page loop of the delivery views: core's, with delivery's template."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse

from selfdirect.core import form_pages


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    template: str = "delivery/form.html",
    **kwargs: Any,
) -> HttpResponse:
    """Bind, save and show errors or the conflict (see core.form_pages)."""
    return form_pages.form_page(request, form, template=template, **kwargs)

"""One-time submission tokens: a create form sent twice, one after the other or at
the same moment, makes one record, and the second send is answered with the first
result.

Wrap a create view in `@once` and put `{% submission_token %}` (from the
`submissions` template library) in its form. A GET is given a fresh token; a POST
claims its token in the same transaction as the view's writes. The token column is
unique, so of two sends at the same moment the second waits for the first and then
fails to claim, and is sent where the first went."""

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .http import actor
from .models import Submission

FIELD = "submission_token"
View = Callable[..., HttpResponseBase]


def once(view: View) -> View:
    """Make a create view answer a repeated send of its form with the first result."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        posted = _posted_token(request)
        request.submission_token = str(posted or uuid.uuid4())  # type: ignore[attr-defined]
        if request.method != "POST" or posted is None:
            return view(request, *args, **kwargs)
        earlier = _earlier(request, posted)
        if earlier is not None:
            return earlier
        with transaction.atomic():
            if not _claim(request, posted):
                return _earlier(request, posted) or redirect(request.path)
            response = view(request, *args, **kwargs)
            _settle(posted, response)
        return response

    wrapper.once = True  # type: ignore[attr-defined]
    return wrapper


def _posted_token(request: HttpRequest) -> uuid.UUID | None:
    if request.method != "POST":
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def _earlier(request: HttpRequest, token: uuid.UUID) -> HttpResponseBase | None:
    """Where the first send of this form went, if it was sent and saved."""
    sent = Submission.objects.filter(token=token).first()
    if sent is None:
        return None
    if sent.user_id != request.user.pk:
        raise SuspiciousOperation("A submission token sent by another user")
    if not sent.result_url:
        return None
    messages.info(request, _("You sent this form twice. It was saved once."))
    return redirect(sent.result_url)


def _claim(request: HttpRequest, token: uuid.UUID) -> bool:
    """Take the token for this send; False if another send took it first."""
    try:
        with transaction.atomic():
            Submission.objects.create(token=token, user=actor(request))
    except IntegrityError:
        return False
    return True


def _settle(token: uuid.UUID, response: HttpResponseBase) -> None:
    """Keep where a saved form went; free the token of a form shown again with
    errors, so it can be corrected and sent."""
    claimed = Submission.objects.filter(token=token)
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        claimed.update(result_url=response["Location"])
    else:
        claimed.delete()

"""'Your four options': general information about SDS, with no personal data.

They are public: the partnership must give this information to anyone (section 9
of the Social Care (Self-directed Support) (Scotland) Act 2013), so no sign-in is
asked for, and the pages hold nobody's personal data.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from selfdirect.core.pdf import pdf_response

from . import info_documents


def _pdf(template: str, filename: str) -> HttpResponse:
    language = get_language() or "en-gb"
    return pdf_response(
        info_documents.four_options_pdf(template, language), filename=filename
    )


@login_not_required
@require_GET
def plain_english(request: HttpRequest) -> HttpResponse:
    return render(request, "choices/four_options.html")


@login_not_required
@require_GET
def easy_read(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "choices/four_options_easy_read.html",
        {"sections": info_documents.EASY_READ_SECTIONS, "easy_read": True},
    )


@login_not_required
@require_GET
def plain_english_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(info_documents.PLAIN_ENGLISH, "your-four-options.pdf")


@login_not_required
@require_GET
def easy_read_pdf(request: HttpRequest) -> HttpResponse:
    return _pdf(info_documents.EASY_READ, "your-four-options-easy-read.pdf")

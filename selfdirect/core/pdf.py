"""Documents for people as tagged PDFs (PDF/UA) with real text, made by WeasyPrint."""

from collections.abc import Mapping
from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string

# PDF/UA-1: tagged structure, document language and title, so screen readers can read it.
PDF_VARIANT = "pdf/ua-1"


def render_pdf(template_name: str, context: Mapping[str, Any] | None = None) -> bytes:
    """Render an HTML template as a tagged PDF (PDF/UA) with real, selectable text."""
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = render_to_string(template_name, context)
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]


def pdf_response(pdf: bytes, *, filename: str) -> HttpResponse:
    """An HTTP response showing a PDF in the browser, saved under this file name."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def render_pdf_response(
    template_name: str, context: Mapping[str, Any], *, filename: str
) -> HttpResponse:
    """Render a template as a tagged PDF, shown in the browser under this file name."""
    return pdf_response(render_pdf(template_name, context), filename=filename)

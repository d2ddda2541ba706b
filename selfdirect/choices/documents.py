"""Letters and documents for choices, as tagged PDFs with real text."""

from django.template.loader import render_to_string

from .models import DirectPaymentCheck


def refusal_letter_pdf(check: DirectPaymentCheck) -> bytes:
    """The letter telling a person why a direct payment was refused (Act s5)."""
    from weasyprint import HTML

    html = render_to_string(
        "choices/refusal_letter.html", {"check": check, "person": check.person}
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

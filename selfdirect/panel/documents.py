"""'Your panel decision': the letter to the person, as a tagged PDF with real text."""

from typing import Any

from django.template.loader import render_to_string


def decision_letter_pdf(context: dict[str, Any]) -> bytes:
    """Render the decision letter as a tagged PDF (PDF/UA)."""
    from weasyprint import HTML

    html = render_to_string("panel/your_decision_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

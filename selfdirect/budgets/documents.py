"""'How your indicative budget was worked out', as a tagged PDF with real text."""

from typing import Any

from django.template.loader import render_to_string


def budget_explained_pdf(context: dict[str, Any]) -> bytes:
    """Render the plain-English budget explanation as a tagged PDF (PDF/UA)."""
    from weasyprint import HTML

    html = render_to_string("budgets/explained_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

"""'My conversation record': a plain-English PDF with real, tagged text."""

from typing import Any

from django.template.loader import render_to_string


def my_record_pdf(context: dict[str, Any]) -> bytes:
    """Render the person's conversation record as a tagged PDF (PDF/UA)."""
    from weasyprint import HTML

    html = render_to_string("conversations/my_record_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

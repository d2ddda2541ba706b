"""'My support plan': a plain-English PDF with real, tagged text."""

from typing import Any

from django.template.loader import render_to_string


def my_plan_pdf(context: dict[str, Any]) -> bytes:
    """Render the person's support plan as a tagged PDF (PDF/UA)."""
    from weasyprint import HTML

    html = render_to_string("plans/my_plan_pdf.html", context)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]

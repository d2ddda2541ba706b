"""One renderer for every document given to a person: tagged PDFs with real text."""

import io

from pypdf import PdfReader

from selfdirect.core.pdf import pdf_response, render_pdf


def test_a_document_is_a_tagged_pdf_ua_with_real_text() -> None:
    pdf = render_pdf("choices/four_options_pdf.html", {})
    reader = PdfReader(io.BytesIO(pdf))
    assert "/StructTreeRoot" in reader.root_object
    assert reader.root_object["/MarkInfo"] == {"/Marked": True}
    assert reader.root_object["/Lang"] == "en-GB"
    assert reader.xmp_metadata is not None
    assert "pdfuaid:part" in reader.xmp_metadata.rdf_root.toxml()
    assert "four options" in reader.pages[0].extract_text()


def test_the_response_shows_the_pdf_in_the_browser_under_its_name() -> None:
    response = pdf_response(b"%PDF-1.7", filename="my-support-plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="my-support-plan.pdf"'
    assert response.content == b"%PDF-1.7"

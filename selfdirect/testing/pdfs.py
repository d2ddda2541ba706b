"""Reading the PDFs a person receives, in tests."""

import io

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page of a PDF, with line breaks turned into spaces."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


def pdf_language(content: bytes) -> str:
    """The document language a PDF declares (PDF/UA needs one)."""
    return str(PdfReader(io.BytesIO(content)).root_object["/Lang"])

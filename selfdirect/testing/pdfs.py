"""Reading the PDFs a person receives, in tests."""

import io
from typing import Any

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    """The text of every page of a PDF, with line breaks turned into spaces."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())


def pdf_language(content: bytes) -> str:
    """The document language a PDF declares (PDF/UA needs one)."""
    return str(PdfReader(io.BytesIO(content)).root_object["/Lang"])


def structure_count(reader: PdfReader, kind: str) -> int:
    """How many elements of a kind ("/Figure", "/Table"…) a tagged PDF's
    structure tree holds."""
    found = 0
    stack: list[Any] = [reader.root_object["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if not hasattr(node, "get"):
            continue
        found += node.get("/S") == kind
        children = node.get("/K")
        if isinstance(children, list):
            stack.extend(children)
        elif children is not None:
            stack.append(children)
    return found


def drawn_objects(reader: PdfReader) -> int:
    """How many XObjects (pictures, drawn backgrounds) a PDF's pages use."""
    names: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        objects = resources.get("/XObject")
        if objects is not None:
            names |= set(objects.get_object().keys())
    return len(names)

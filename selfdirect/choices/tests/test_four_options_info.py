"""'Your four options': plain English and Easy Read pages and tagged PDFs."""

import io
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from pypdf import PdfReader

from selfdirect.choices import info_documents
from selfdirect.testing.pdfs import drawn_objects, structure_count

pytestmark = pytest.mark.journey("budgets", "choices")  # amounts exist, none shown

PAGES = [
    "four_options:plain_english",
    "four_options:easy_read",
    "four_options:plain_english_pdf",
    "four_options:easy_read_pdf",
]


def _text(html: str) -> str:
    """The visible words of a page, with tags and extra spaces removed."""
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def _pdf_text(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return text, reader


@pytest.fixture(autouse=True)
def _fresh_pdfs():
    info_documents.four_options_pdf.cache_clear()


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_anyone_may_read_them_without_signing_in(client, name) -> None:
    """Section 9 of the 2013 Act: information for anyone, with nobody's data."""
    response = client.get(reverse(name))
    assert response.status_code == 200
    if not name.endswith("_pdf"):
        html = response.content.decode()
        assert "Sign out" not in html
        assert 'class="ds_site-navigation' not in html


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "persona", ["practitioner_a", "finance_officer", "inspector", "administrator"]
)
def test_any_member_of_staff_may_see_them_to_share(
    client, personas, name, persona
) -> None:
    client.force_login(getattr(personas, persona))
    assert client.get(reverse(name)).status_code == 200


def test_the_plain_english_page_explains_the_four_options(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("four_options:plain_english"))
    html = response.content.decode()
    text = _text(html)
    assert "<title>Your four options for social care support –" in html
    for sentence in [
        "Your four options for social care support",
        "You get the money and arrange your support yourself.",
        "This is called a direct payment.",
        "you could employ your own personal assistant",
        "You choose your support, and the council or another organisation you "
        "agree on arranges it and pays for it for you. This is often called an "
        "individual service fund.",
        "The council chooses your support and arranges it for you.",
        "You can mix Options 1, 2 and 3",
        "What stays the same whichever option you choose",
        "You can ask to change your option.",
        "the council must tell you how much money is available for your support "
        "under each option, and for how long.",
        "It is often called your indicative budget.",
        "You can get free, independent support",
        "What happens next",
    ]:
        assert sentence in text, sentence
    # a marked place for the indicative budget, with no amounts on this page
    assert 'id="indicative-budget"' in html
    assert "Your indicative budget" in text
    assert "£" not in text
    # the other versions are a link away; the links are not printed
    assert reverse("four_options:easy_read") in html
    assert reverse("four_options:plain_english_pdf") in html
    assert 'class="sd-no-print"' in html


def test_the_easy_read_page_has_one_idea_a_line_with_a_picture(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("four_options:easy_read"))
    html = response.content.decode()
    text = _text(html)
    assert "Your 4 options for social care support" in text
    assert "Easy Read" in text
    for sentence in [
        "The council gives you money for your support.",
        "This is called a direct payment.",
        "This helper is called a personal assistant.",
        "The council or another organisation arranges it for you.",
        "The council chooses your support.",
        "You can mix options 1, 2 and 3.",
        "You can ask to change your option.",
        "This is called your indicative budget.",
        "You can get free help to choose.",
    ]:
        assert sentence in text, sentence
    lines = sum(len(lines) for _, _, lines in info_documents.EASY_READ_SECTIONS)
    assert html.count('class="sd-easy-read__line"') == lines
    # each line has its picture, with an empty text alternative: the sentence
    # beside it says it
    pictures = re.findall(
        r'<img class="sd-easy-read__picture" src="([^"]+)" alt="">', html
    )
    assert len(pictures) == lines
    assert all(
        re.fullmatch(r"/static/openmoji/[0-9A-F-]+\.svg", src) for src in pictures
    )
    assert "Pictures: OpenMoji, CC BY-SA 4.0" in text
    assert 'id="indicative-budget"' in html
    assert "£" not in text
    assert reverse("four_options:easy_read_pdf") in html
    # one short sentence a line
    for _, _, section_lines in info_documents.EASY_READ_SECTIONS:
        for _picture, line in section_lines:
            assert str(line).count(".") <= 1, line
            assert len(str(line).split()) <= 14, line


def test_every_picture_is_installed_by_make_and_only_those() -> None:
    makefile = (settings.PROJECT_DIR / "Makefile").read_text(encoding="utf-8")
    listed = re.search(r"^OPENMOJI := (.*?)\n\n", makefile, flags=re.M | re.S)
    assert listed is not None
    assert set(listed.group(1).replace("\\", " ").split()) == info_documents.pictures()
    for picture in info_documents.pictures():
        assert finders.find(f"openmoji/{picture}.svg"), picture


def test_the_plain_english_pdf_is_tagged_with_real_text(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("four_options:plain_english_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert "your-four-options.pdf" in response["Content-Disposition"]
    text, reader = _pdf_text(response.content)
    assert "Your four options for social care support" in text
    assert "This is called a direct payment." in text
    assert "This is often called an individual service fund." in text
    assert "You can ask to change your option." in text
    assert "Your indicative budget" in text
    assert "/StructTreeRoot" in reader.root_object  # a tagged PDF
    assert reader.root_object["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == "Your four options for social care support"


def test_the_easy_read_pdf_is_tagged_with_real_text(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("four_options:easy_read_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text, reader = _pdf_text(response.content)
    assert "Your 4 options for social care support" in text
    assert "The council gives you money for your support." in text
    assert "You can get free help to choose." in text
    credit = "Pictures: OpenMoji, CC BY-SA 4.0"
    assert credit in text
    assert "picture" not in text.replace(credit, "").lower()  # no placeholder words
    assert "/StructTreeRoot" in reader.root_object
    assert reader.root_object["/Lang"] == "en-GB"
    lines = sum(len(lines) for _, _, lines in info_documents.EASY_READ_SECTIONS)
    # a picture beside each line, drawn as decoration (an artifact), not a figure
    # that would need a text alternative repeating the sentence
    assert drawn_objects(reader) >= lines
    assert structure_count(reader, "/Figure") == 0


def test_the_home_page_links_to_the_information(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("home"))
    assert reverse("four_options:plain_english") in response.content.decode()

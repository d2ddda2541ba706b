"""The shared letter layout: date, sender, worker, review and complaints routes,
all from the partnership's settings, in the person's language."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import override_settings
from django.utils import translation

from selfdirect.core.letters import Letter, Sender, Worker, html_lang, letter_language
from selfdirect.core.pdf import render_pdf
from selfdirect.testing.pdfs import pdf_language, pdf_text


def _letter(**changes: object) -> Letter:
    fields: dict[str, object] = {
        "dated": datetime.date(2026, 11, 27),
        "language": "en-gb",
        "html_lang": "en-GB",
        "sender": Sender(
            name="Clydeview Health and Social Care Partnership",
            address=["Council Offices", "1 High Street", "Clydeview G81 1AA"],
            phone="0141 496 0000",
            email="sds@clydeview.example",
            website="",
        ),
        "worker": Worker(name="Ailsa Brown", job_title="Social worker", email=""),
        "review": "",
        "complaints": "",
        "spso_phone": "0800 377 7330",
        "spso_website": "www.spso.org.uk",
    }
    return Letter(**{**fields, **changes})  # type: ignore[arg-type]


def _render(letter: Letter) -> bytes:
    person = SimpleNamespace(
        full_name="Morag MacLeod", address="2 Loch Road", postcode="G81 2BB"
    )
    context = {
        "letter": letter,
        "person": person,
        "decision": SimpleNamespace(outcome="declined", reasons="Too dear."),
        "submission": SimpleNamespace(persons_words="Help", amount_requested=1),
    }
    with translation.override("en-gb"):
        return render_pdf("panel/your_decision_pdf.html", context)


def test_a_letter_has_the_date_sender_worker_and_both_routes() -> None:
    text = pdf_text(_render(_letter()))
    assert "Date: 27 November 2026" in text
    assert "Clydeview Health and Social Care Partnership" in text
    assert "1 High Street" in text
    assert "Your worker is Ailsa Brown, Social worker." in text
    assert "Phone 0141 496 0000 and ask for Ailsa Brown." in text
    assert "ask us to look at a decision again" in text
    assert "You can complain to us" in text
    assert "Scottish Public Services Ombudsman (SPSO)" in text
    assert "0800 377 7330" in text
    assert "Your worker will tell you how" not in text


def test_a_partnership_words_its_own_review_and_complaints_routes() -> None:
    letter = _letter(
        review="Write to the Review Officer within 28 days.",
        complaints="Call our complaints line on 0141 496 0999.",
        spso_phone="0800 000 0000",
    )
    text = pdf_text(_render(letter))
    assert "Write to the Review Officer within 28 days." in text
    assert "Call our complaints line on 0141 496 0999." in text
    assert "Phone 0800 000 0000" in text
    assert "You can complain to us by phone" not in text


def test_the_pdf_declares_the_letters_language() -> None:
    assert pdf_language(_render(_letter())) == "en-GB"


@pytest.mark.parametrize(
    ("preferred", "offered", "expected"),
    [
        ("English", False, "en-gb"),
        ("Gaelic", False, "en-gb"),  # the Gaelic catalogue is not complete enough
        ("Gaelic", True, "gd"),
        (" Gàidhlig ", True, "gd"),
        ("Polish", True, "en-gb"),  # no Polish translation: English
        ("", True, "en-gb"),
    ],
)
def test_a_letter_is_in_the_persons_language_if_offered(
    preferred: str, offered: bool, expected: str
) -> None:
    with override_settings(LANGUAGE_MIN_COMPLETENESS=0 if offered else 95):
        assert letter_language(preferred) == expected


def test_html_lang_spells_the_region_in_capitals() -> None:
    assert html_lang("en-gb") == "en-GB"
    assert html_lang("gd") == "gd"

"""The 'four options' information pages pass axe-core's WCAG 2.2 AA rules."""

import pytest
from playwright.sync_api import expect

from selfdirect.choices import info_documents
from selfdirect.testing.personas import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_four_options_pages_pass_axe(ui, personas: Personas) -> None:
    """Public information (s9 of the 2013 Act): read without signing in."""
    assert personas.practitioner_a.username == "prac_a"
    ui.goto("/four-options/")
    assert "/accounts/sign-in/" not in ui.page.url
    assert ui.page.get_by_role(
        "heading", level=1, name="Your four options for social care support"
    ).is_visible()
    ui.page.get_by_role("link", name="Easy Read version", exact=True).click()
    ui.check()
    assert ui.page.get_by_role(
        "heading", level=1, name="Your 4 options for social care support"
    ).is_visible()
    # every line has its OpenMoji picture, loaded, with an empty text alternative
    pictures = ui.page.locator("img.sd-easy-read__picture")
    lines = sum(len(lines) for _, _, lines in info_documents.EASY_READ_SECTIONS)
    assert pictures.count() == lines
    assert pictures.evaluate_all(
        "imgs => imgs.every(i => i.complete && i.naturalWidth > 0 && i.alt === '')"
    )
    assert ui.page.get_by_text("Pictures: OpenMoji, CC BY-SA 4.0").is_visible()
    # printed, only the information shows: no header, navigation or footer
    ui.page.emulate_media(media="print")
    assert not ui.page.locator("header").is_visible()
    assert not ui.page.locator("footer").is_visible()
    assert not ui.page.get_by_role("link", name="Plain English version").is_visible()
    assert ui.page.get_by_text("You can get free help to choose.").is_visible()
    assert len(ui.checked) == 2
    # on a phone, too
    ui.page.emulate_media(media="screen")
    ui.page.set_viewport_size({"width": 320, "height": 800})
    ui.goto("/four-options/easy-read/")
    assert ui.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_staff_find_the_four_options_from_their_home_page(
    ui, personas: Personas
) -> None:
    ui.goto("/accounts/sign-in/")
    ui.page.get_by_label("Username").fill("prac_a")
    ui.page.get_by_label("Password").fill("a-long-test-password")
    ui.page.get_by_role("button", name="Sign in").click()
    ui.page.get_by_role("link", name="Your four options").click()
    ui.check()
    expect(ui.page.get_by_role("heading", level=1)).to_have_text(
        "Your four options for social care support"
    )
    # the menu, open on a phone, passes axe too
    ui.page.set_viewport_size({"width": 390, "height": 800})
    ui.page.get_by_role("button", name="Menu").click()
    expect(ui.page.get_by_role("link", name="People").first).to_be_visible()
    ui.check()

"""Every date question uses the design system's date picker (issue 12): a
dd/mm/yyyy box that works on its own, and with JavaScript a calendar button that
fills it in, offering only the question's plausible dates. axe checks the page
with the calendar open."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_date_is_chosen_from_the_calendar(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/first-contacts/new/")
    picker = page.locator('[data-module="ds-datepicker"]').filter(
        has=page.get_by_label("Date of contact")
    )
    # A date of contact is today or in the past: the calendar stops at today.
    today = datetime.date.today()  # noqa: DTZ011
    expect(picker).to_have_attribute("data-maxdate", f"{today:%d/%m/%Y}")
    expect(picker).to_have_attribute("data-mindate", "02/01/1900")
    picker.get_by_role("button", name=re.compile("Choose date")).click()
    dialog = page.locator(".ds_datepicker__dialog--open")
    expect(dialog).to_be_visible()
    ui.check()
    dialog.get_by_role("button", name="OK").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_label("Date of contact")).to_have_value(
        re.compile(r"^\d{2}/\d{2}/\d{4}$")
    )


def test_every_date_question_is_a_date_picker(ui, personas) -> None:
    """The same component wherever a date is asked: no other date boxes."""
    page: Page = ui.page
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/first-contacts/new/")
    for label in ("Date of contact", "When to check how it went"):
        box = page.get_by_label(label)
        expect(
            page.locator('[data-module="ds-datepicker"]').filter(has=box)
        ).to_have_count(1)

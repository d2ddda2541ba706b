"""The design system's error summary pattern (issue 12): after a submit with
errors, the title starts with "Error: " and the summary has focus, so a screen
reader user hears what went wrong first. No script does it: CSP forbids inline
scripts, and `autofocus` with `tabindex="-1"` is enough."""

import re

import pytest
from playwright.sync_api import Page, expect

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_error_summary_takes_focus_and_the_title_says_error(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/first-contacts/new/")
    expect(page).not_to_have_title(re.compile(r"^Error:"))
    page.get_by_label("Date of contact").fill("31/12/9999")
    page.get_by_role("button", name="Save first contact").last.click()
    ui.check()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Select who made contact")
    expect(summary).to_contain_text("Date of contact must be today or in the past")

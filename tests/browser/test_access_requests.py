"""Asking for access to a record another team holds, the manager's decision, and
emergency (break-glass) access reviewed by the data protection officer, without
JavaScript shortcuts. axe checks every page."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.people.models import AccessRequest
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_out(ui) -> None:
    ui.page.get_by_role("button", name="Sign out").click()


def _add_morag(ui) -> None:
    """Team B's practitioner adds Morag, whom team A holds: the duplicate check."""
    page: Page = ui.page
    ui.goto("/people/new/")
    page.get_by_label("First name").fill("Morag")
    page.get_by_label("Last name").fill("MacLeod")
    page.get_by_label("Date of birth").fill("27/03/1948")
    page.get_by_role("button", name="Save").click()
    ui.check()


def test_ask_decide_and_break_glass(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_b")
    _add_morag(ui)
    expect(page.get_by_text("A record already exists for this person")).to_be_visible()
    assert "Clydebank North" not in page.content()
    page.get_by_role("link", name="Ask for access").click()
    ui.check()
    page.get_by_label("Why do you need to work with this person?").fill(
        "Her GP asked us to visit this week."
    )
    page.get_by_role("button", name="Send request").click()
    ui.check()
    expect(page.get_by_text("Waiting for a decision")).to_be_visible()
    _sign_out(ui)

    sign_in(ui, "manager_a")
    ui.goto("/people/access-requests/")
    page.get_by_role("link", name="Morag MacLeod").click()
    ui.check()
    page.get_by_text("Grant access", exact=True).click()
    page.get_by_label("Reason for your decision").fill("Speak to our worker first.")
    page.get_by_role("button", name="Save decision").click()
    ui.check()
    _sign_out(ui)

    sign_in(ui, "prac_b")
    ui.goto("/people/access-requests/yours/")
    expect(page.get_by_text("Speak to our worker first.")).to_be_visible()
    page.get_by_role("link", name="Morag MacLeod").click()
    ui.check()
    expect(page.get_by_text("You were granted access until")).to_be_visible()

    # Emergency access, from a second duplicate check by a colleague.
    AccessRequest.objects.update(access_until=None)
    _add_morag(ui)
    page.get_by_role("link", name="open it now (audited)").click()
    ui.check()
    expect(page.get_by_text("This is audited.")).to_be_visible()
    page.get_by_label("What is the emergency?").fill("Found unwell at home.")
    page.get_by_role("button", name="Open the record (audited)").click()
    ui.check()
    expect(page.get_by_text("You opened this record in an emergency")).to_be_visible()
    _sign_out(ui)

    sign_in(ui, "dpo")
    ui.goto("/people/emergency-access-review/")
    page.get_by_role("link", name="Morag MacLeod").click()
    ui.check()
    page.get_by_text("Justified", exact=True).click()
    page.get_by_role("button", name="Save review").click()
    ui.check()
    expect(page.get_by_text("Review recorded.")).to_be_visible()

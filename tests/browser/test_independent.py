"""An independent organisation answers a council referral and closes it with an
outcome the practitioner then sees; it records a meeting it was not invited to,
then changes it; its manager chooses a case study for the funder's report."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_out(ui) -> None:
    ui.page.get_by_role("button", name="Sign out").click()


@pytest.mark.journey("independent")
def test_referral_closed_with_an_outcome_the_practitioner_sees(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "org_worker_a")
    ui.goto("/independent/inbox/")
    page.get_by_role("link", name="Answer").first.click()
    ui.check()
    page.get_by_text("Accept", exact=True).click()
    page.get_by_label("Note for the council worker").fill("We will call Morag.")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Referral from the council"
    )
    page.get_by_text("Closed", exact=True).click()
    page.get_by_label("Outcome (needed to close)").select_option(label="Plan agreed")
    page.get_by_label("How it is going").fill("Plan agreed with Morag.")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Progress recorded")

    ui.goto("/independent/engagement/new/")
    page.get_by_label("Meeting or forum").fill("Day services redesign group")
    page.get_by_text("Formal working group on SDS implementation").click()
    page.get_by_label("Date of the meeting").fill("02/11/2026")
    page.get_by_text("Not invited: we learned of it afterwards").click()
    page.get_by_role("group", name="Did the organisation attend?").get_by_text(
        "No", exact=True
    ).click()
    page.get_by_label("If not, why not?").select_option(label="We were not invited")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("table")).to_contain_text("Day services redesign group")

    _sign_out(ui)
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/")
    expect(page.get_by_text("Outcome: Plan agreed")).to_be_visible()


@pytest.mark.journey("independent")
def test_an_entry_changed_and_a_case_study_chosen(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "org_worker_a")
    ui.goto("/independent/engagement/")
    page.get_by_role("link", name="Change SDS implementation group").click()
    ui.check()
    page.get_by_text("Invited by the partnership").click()
    page.get_by_role("group", name="Did the organisation attend?").get_by_text(
        "Yes", exact=True
    ).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Changes saved")
    expect(page.get_by_role("table")).to_contain_text("Invited by the partnership")

    _sign_out(ui)
    sign_in(ui, "org_manager_a")
    ui.goto("/independent/teams/")
    ui.check()
    ui.goto("/independent/report/case-studies/?start=01%2F04%2F2026&end=31%2F03%2F2027")
    ui.check()
    # The design system's checkbox is ticked through its label.
    page.get_by_text(re.compile("Five carers told councillors")).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_text("Five carers told councillors")).to_be_visible()

"""Recording information, independent support, a mixed choice and a change of option."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey("conversations")
def test_information_referral_mixed_choice_and_change_of_option(ui, personas) -> None:
    page: Page = ui.page
    person = personas.person
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/")

    page.get_by_role(
        "link", name="Record information given about the four options"
    ).click()
    ui.check()
    for option in (
        "Option 1: direct payment",
        "Option 3: the council chooses and arranges",
    ):
        page.get_by_text(option, exact=True).click()
    page.get_by_label("Amount stated for option 1 (£)").fill("245.50")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("alert")).to_contain_text(
        "Enter the amount stated for option 3"
    )
    page.get_by_label("Amount stated for option 3 (£)").fill("230")
    page.get_by_text("Easy Read", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Information given recorded")

    page.get_by_role("link", name="Offer independent support or advocacy").click()
    ui.check()
    page.get_by_text("Independent advocacy", exact=True).click()
    page.get_by_text("Accepted", exact=True).click()
    page.get_by_label("Organisation referred to").fill("Clydeview Advocacy Project")
    page.get_by_label("Date referred").fill("21/11/2026")
    page.get_by_role("button", name="Save").click()
    ui.check()

    page.get_by_role("link", name="Record the person's choice").click()
    ui.check()
    page.get_by_role("group", name="Personal care").get_by_text(
        "Option 1", exact=True
    ).click()
    page.get_by_role("group", name="Respite and short breaks").get_by_text(
        "Option 3", exact=True
    ).click()
    page.get_by_label("The person's reasons, in their own words").fill(
        "I want my own PA in the mornings"
    )
    page.get_by_role("button", name="Save choice").click()
    ui.check()
    expect(page.get_by_text("Option 4", exact=True)).to_be_visible()

    page.get_by_role("link", name="Record a change of option").click()
    ui.check()
    page.get_by_role("group", name="Respite and short breaks").get_by_text(
        "Option 1", exact=True
    ).click()
    page.get_by_role("button", name="Save choice").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Review the support plan")
    page.get_by_role("link", name="Option 1", exact=True).click()
    ui.check()

    assert InformationGiven.objects.get(person=person).amounts.count() == 2
    assert IndependentSupport.objects.filter(person=person, status="referred").exists()
    assert SupportChoice.objects.filter(person=person).count() == 2

"""A review of an agreed plan: one outcome not met with a reason, a change of
option next, shared and agreed after checking the answers; axe on every page."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from selfdirect.plans.models import SupportPlan
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey("plans")
def test_review_a_plan_with_an_outcome_not_met_and_a_change_of_option(
    ui, personas
) -> None:
    page: Page = ui.page
    person = personas.person
    today = datetime.date.today()  # noqa: DTZ011
    SupportPlan.objects.filter(person=person).update(
        state="agreed",
        agreed_on=today - datetime.timedelta(days=120),
        review_on=today - datetime.timedelta(days=10),
    )
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/")
    page.get_by_role("link", name="Start the review").first.click()
    ui.check()
    page.get_by_text("Planned review", exact=True).click()
    page.get_by_role("button", name="Start the review").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Review started")

    page.locator("#outcomes").locator("xpath=following-sibling::ul[1]").get_by_role(
        "link"
    ).first.click()
    ui.check()
    page.get_by_text("Not met", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()  # the error summary: a reason is needed
    expect(page.locator(".ds_error-summary")).to_contain_text("at least one reason")
    page.get_by_text("Provider capacity", exact=True).click()
    page.get_by_label("More about why").fill("The agency had no staff on Tuesdays.")
    page.get_by_role("button", name="Save").click()
    ui.check()

    page.get_by_role("link", name="Change who took part").click()
    ui.check()
    page.get_by_text("By phone", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    page.get_by_role("link", name="Record what happens next").click()
    ui.check()
    page.get_by_text("A change of option", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()

    page.get_by_role("link", name="Share the review with the person").click()
    ui.check()
    page.get_by_role("button", name="Save").click()
    ui.check()
    page.get_by_role("link", name="Record the person's agreement").click()
    ui.check()
    page.get_by_role("button", name="Continue").click()
    ui.check()  # check your answers
    page.get_by_role("button", name="Confirm: record the agreement").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Review agreed")
    expect(
        page.get_by_role("link", name="Record the person's new choice of options")
    ).to_be_visible()

"""Working out an indicative budget, sending it to the resource panel, deciding it,
and showing the person the decision with its reasons."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from selfdirect.budgets.models import BudgetMethod
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASONS = "The panel agreed daytime support; one overnight a week meets the need."


def _switch_user(ui, username: str) -> None:  # type: ignore[no-untyped-def]
    ui.page.context.clear_cookies()
    sign_in(ui, username)


@pytest.mark.journey("plans")
def test_budget_panel_decision_and_the_persons_letter(ui, personas) -> None:
    page: Page = ui.page
    person = personas.person
    today = datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011

    sign_in(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/")
    page.get_by_role(
        "link", name="Work out a budget with the resource allocation questions"
    ).click()
    ui.check()
    method = BudgetMethod.objects.get(code="ras-adults", version=1)
    for domain in method.config["domains"]:
        for question in domain["questions"]:
            page.get_by_role("group", name=question["text"]).get_by_text(
                question["answers"][2]["text"], exact=True
            ).click()
    page.get_by_role("button", name="Work out the budget").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Indicative budget")
    expect(page.get_by_text("Goes to panel")).to_be_visible()
    expect(page.get_by_text("Total points")).to_be_visible()

    page.get_by_role("link", name="Submit to the resource panel").click()
    ui.check()
    page.get_by_label("What the person wants, in their own words").fill(
        "I want to stay at home and get to the lunch club on Thursdays."
    )
    page.get_by_text("Invited, and sent their views in writing", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the request before you send it to the panel"
    )
    page.get_by_role("button", name="Confirm: submit to the panel").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text(
        "Submitted to the resource panel"
    )

    _switch_user(ui, "panel")
    ui.goto("/panel/meetings/")
    page.get_by_label("Date of the meeting").fill(today)
    page.get_by_role("button", name="Set up the meeting").click()
    ui.check()
    ui.goto("/panel/")
    page.get_by_role("link", name=person.full_name).click()
    ui.check()
    expect(page.get_by_text("lunch club on Thursdays")).to_be_visible()
    page.get_by_role("link", name="List on a meeting's agenda").click()
    ui.check()
    page.get_by_role("button", name="List it").click()
    ui.check()
    page.get_by_role("link", name="Record the panel's decision").click()
    ui.check()
    page.get_by_text("Approved with changes", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    ui.check()
    expect(page.get_by_role("alert")).to_contain_text("Enter the reasons")
    page.get_by_text("Approved with changes", exact=True).click()
    page.get_by_label("Yearly amount approved (£)").fill("12500.00")
    page.get_by_label("Reasons, in plain words").fill(REASONS)
    page.get_by_label("Conditions").fill("Review in three months.")
    page.get_by_label("Date of the decision").fill(today)
    page.get_by_label("Who was present").fill("Chair; finance; Morag's worker")
    page.get_by_role("button", name="Continue").click()
    ui.check()
    expect(page.get_by_text("£12,500.00")).to_be_visible()
    page.get_by_role("button", name="Confirm: record the decision").click()
    ui.check()
    expect(page.get_by_text(REASONS)).to_be_visible()

    _switch_user(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/")
    page.get_by_role("link", name=today).last.click()
    ui.check()
    page.get_by_role("link", name="Record telling the person").click()
    ui.check()
    page.get_by_text("By letter", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    page.get_by_role("link", name="Your panel decision (for the person)").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your panel decision")
    expect(page.get_by_text(REASONS)).to_be_visible()
    expect(page.get_by_text("Review in three months.")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"^We told you on .*, by letter\.$"))
    ).to_be_visible()
    # the letter's shared parts: who to contact, review and complaints routes
    expect(page.get_by_role("heading", name="Who to contact")).to_be_visible()
    expect(page.get_by_role("heading", name="If you want to complain")).to_be_visible()
    expect(page.get_by_role("link", name="Download the letter (PDF)")).to_be_visible()

"""Building a support plan: two outcomes, a mixed choice (Option 4), refused
agreement without contingency, then agreed, and the person's own copy."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from selfdirect.core.hooks import override_contributions
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_panel():
    with override_contributions(PLAN_AGREEMENT_CHECKS, []):
        yield


@pytest.mark.journey("choices", "budgets")
def test_build_a_mixed_plan_fail_to_agree_without_contingency_then_agree(
    ui,
    personas,
    no_panel,  # no panel in this journey
) -> None:
    page: Page = ui.page
    person = personas.person
    conversation = person.conversations.get()
    conversation.state, conversation.agreed_on = "agreed", datetime.date(2026, 11, 9)
    conversation.agreed_by, conversation.agreed_how = "Morag MacLeod", "in_person"
    conversation.save()
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/")

    page.get_by_role("link", name="Start a support plan").click()
    ui.check()
    page.get_by_role("button", name="Start the plan").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Support plan started")

    # The first outcome comes from the conversation, in the person's words.
    page.get_by_role("link", name="Change the outcome").first.click()
    ui.check()
    page.get_by_label("How will we know it is achieved?").fill(
        "Morag goes to the swimming group at least 3 Tuesdays a month"
    )
    page.get_by_label("By when?").fill("31/3/2027")
    page.get_by_text("Yes", exact=True).click()
    page.get_by_label("Who said so").fill("Morag")
    page.get_by_label("When they said so").fill("20/11/2026")
    page.get_by_role("button", name="Save outcome").click()
    ui.check()

    page.get_by_role("link", name="Add an outcome").click()
    ui.check()
    # The wording hint runs here too, as the worker types.
    page.get_by_label("The outcome, in the person's words").fill(
        "She is unable to manage stairs"
    )
    expect(page.locator("#id_words-wording")).to_contain_text(
        "what the person cannot do", timeout=5000
    )
    page.get_by_label("The outcome, in the person's words").fill(
        "I want to get up and dressed in time for the lunch club"
    )
    page.get_by_label("How will we know it is achieved?").fill(
        "Morag is at the lunch club every Thursday"
    )
    page.get_by_label("By when?").fill("28/2/2027")
    page.get_by_role("button", name="Save outcome").click()
    ui.check()
    expect(page.get_by_text("Achievable not agreed")).to_be_visible()

    page.get_by_role("link", name="Add a support").click()
    ui.check()
    page.get_by_label("What is the support?").fill("A personal assistant for swimming")
    page.get_by_text("A personal assistant", exact=True).click()
    page.get_by_label("Cost a year (£)").fill("2730")
    page.get_by_text("Option 1: direct payment", exact=True).click()
    page.get_by_text("I want to get back to my Tuesday swimming group").click()
    page.get_by_role("button", name="Save support").click()
    ui.check()

    page.get_by_role("link", name="Add a support").click()
    ui.check()
    page.get_by_label("What is the support?").fill("Help to get up and dressed")
    page.get_by_text("The council", exact=True).click()
    page.get_by_label("How often?").fill("Every morning")
    page.get_by_label("Cost a year (£)").fill("8517.60")
    page.get_by_text("Option 3: the council chooses and arranges", exact=True).click()
    page.get_by_text("I want to get up and dressed in time for the lunch club").click()
    page.get_by_role("button", name="Save support").click()
    ui.check()
    expect(page.get_by_text("Option 4: a mix of options")).to_be_visible()
    expect(page.get_by_text("£11,247.60")).to_be_visible()

    # What stops agreement is a warning, with no button to agree that would fail.
    expect(
        page.get_by_role("region", name="Before this plan can be agreed")
    ).to_contain_text("Add the contingency arrangements")
    expect(
        page.get_by_role("link", name="Record that the person agreed the plan")
    ).to_have_count(0)

    page.get_by_role("link", name="Change if a carer cannot come").click()
    ui.check()
    page.get_by_label(
        "What happens if a personal assistant or carer cannot come?"
    ).fill("Morag's daughter Isla comes instead; the agency sends relief if she cannot")
    page.get_by_label("Who to call out of hours or in an emergency").fill(
        "Out-of-hours social work, 0300 123 4567"
    )
    page.get_by_role("button", name="Save").click()
    ui.check()

    page.get_by_role("link", name="Record that the person agreed the plan").click()
    ui.check()
    page.get_by_text("Signed a copy", exact=True).click()
    page.get_by_role("button", name="Continue").click()
    ui.check()
    # Check your answers: nothing is saved until confirmed, and answers can change.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the agreement before you record it"
    )
    expect(page.get_by_text("Signed a copy")).to_be_visible()
    page.get_by_role("button", name="Change your answers").click()
    ui.check()
    expect(page.get_by_label("Signed a copy")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    ui.check()
    page.get_by_role("button", name="Confirm: record the agreement").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Support plan agreed")
    expect(page.get_by_text("Agreed", exact=True).first).to_be_visible()

    page.get_by_role("link", name="“My support plan” to print").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("My support plan")
    expect(page.get_by_text("Morag's daughter Isla comes instead")).to_be_visible()

    plan = person.support_plans.get(state="agreed")
    assert plan.review_on is not None
    assert plan.outcomes.count() == 2


@pytest.mark.journey("plans")
def test_a_community_resource_in_an_agreed_plan_is_followed_up(ui, personas) -> None:
    page: Page = ui.page
    person = personas.person
    plan = person.support_plans.get()
    plan.state = "agreed"
    plan.save()
    plan.supports.create(what="Walking group", provided_by="community")
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{person.public_id}/plans/{plan.public_id}/")
    expect(page.get_by_text("Not followed up")).to_be_visible()

    page.get_by_role("link", name="Record how it went").click()
    ui.check()
    page.get_by_role("button", name="Save the follow-up").click()
    ui.check()
    expect(page.get_by_role("alert")).to_contain_text("Enter the date of follow-up")

    page.get_by_label("Date of follow-up").fill("20/11/2026")
    used = page.get_by_role("group", name="Did the person use it?")
    used.get_by_text("Yes", exact=True).click()
    met = page.get_by_role("group", name="Did it meet their need?")
    met.get_by_text("No", exact=True).click()
    page.get_by_role("button", name="Save the follow-up").click()
    ui.check()
    expect(page.get_by_text("Followed up 20 November 2026")).to_be_visible()
    support = plan.supports.get(provided_by="community")
    assert (support.used_it, support.need_met) == (True, False)

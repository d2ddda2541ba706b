"""The person page's task list: each stage in order with its status and the next
thing to do, followed from the list; and a check-your-answers step that works
without JavaScript."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.core.hooks import override_contributions
from selfdirect.plans.hook_points import PLAN_AGREEMENT_CHECKS
from tests.browser.test_journeys import PASSWORD, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAGES = [
    "First contact and a good conversation",
    "Indicative budget",
    "Informed choice of options",
    "Support plan",
    "Resource panel, when needed",
    "Delivery: direct payment or arranged support",
    "Review",
]


@pytest.mark.journey("conversations")
def test_the_task_list_shows_the_stages_in_order_and_leads_to_the_next(
    ui, personas
) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/")
    tasks = page.locator(".sd-journey .ds_task-list__task")
    expect(tasks.locator("h3")).to_have_text(STAGES)
    expect(tasks.first.locator(".ds_tag")).to_have_text("In progress")
    expect(tasks.nth(1).locator(".ds_tag")).to_have_text("Not started")
    expect(tasks.nth(4)).to_contain_text("Known once the indicative budget")
    tasks.first.get_by_role("link", name="Finish the conversation record").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Conversation on")


@pytest.mark.journey("plans")
def test_agreeing_a_plan_is_checked_first_without_javascript(
    browser, live_server, personas
) -> None:
    with override_contributions(PLAN_AGREEMENT_CHECKS, []):  # no panel here
        plan = _agree_without_javascript(browser, live_server, personas)
    assert plan.state == "agreed"


def _agree_without_javascript(browser, live_server, personas):
    """Agree the personas' plan through the check page with JavaScript off; the
    plan, read again."""
    plan = personas.person.support_plans.get()
    plan.if_support_cannot_come = "Isla comes instead"
    plan.save()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("Username").fill("prac_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    person_id = personas.person.public_id
    page.goto(f"{live_server.url}/people/{person_id}/plans/{plan.public_id}/agree/")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the agreement before you record it"
    )
    plan.refresh_from_db()
    assert plan.state == "draft"
    page.get_by_role("button", name="Confirm: record the agreement").click()
    expect(page.get_by_role("status")).to_contain_text("Support plan agreed")
    plan.refresh_from_db()
    assert plan.state == "agreed"
    context.close()
    return plan

"""The outcomes report as a quality lead: the chart with its tables, then a count
followed through to the people behind it; axe on both pages."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.insights.tests.outcomes_example import build
from tests.browser.test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey("plans")
def test_the_outcomes_report_and_its_drill_through(ui, personas) -> None:
    page: Page = ui.page
    build()
    sign_in(ui, "quality")
    page.get_by_role("link", name="Outcomes report").first.click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How reviewed outcomes went"
    )
    page.get_by_label("Financial year").select_option("2026")
    page.get_by_role("button", name="Show").click()
    ui.check()
    expect(page.locator(".sd-chart svg")).to_be_visible()
    team = page.locator("#by-team + .sd-table-scroll table")
    expect(team).to_contain_text("Team A")
    team.get_by_role("link", name="2 people – Team A: Met").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Met")
    expect(page.get_by_role("table")).to_contain_text("Ann Example")
    expect(page.get_by_role("table")).to_contain_text("Cat Example")
    page.get_by_role("link", name="Back to the outcomes report").click()
    ui.check()

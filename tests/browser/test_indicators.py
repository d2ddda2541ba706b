"""The SDS indicators dashboard: a quality lead reads an area, breaks it down, and
drills through to the people counted; finance enters a year's spend. axe checks
every page."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.insights.tests import worked_example

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_quality_lead_reads_the_indicators_and_sees_who_is_counted(
    ui, personas
) -> None:
    worked_example.build()
    page: Page = ui.page
    sign_in(ui, "quality")
    page.get_by_role("link", name="SDS indicators", exact=True).first.click()
    ui.check()
    page.get_by_role("link", name="SDS options and implementation").click()
    ui.check()
    page.get_by_label("Financial year").select_option("2025")
    page.get_by_label("Break down by").select_option("age_band")
    page.get_by_role("button", name="Show").click()
    ui.check()
    expect(page.get_by_text("As at")).to_be_visible()
    table = page.get_by_role("table", name="Implementation rate (PHS): age band")
    expect(table).to_contain_text("65+")
    page.get_by_role("link", name="1 people: see who").first.click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("People counted")


def test_finance_enters_a_years_spend(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "finance")
    page.get_by_role("link", name="Adult social care spend", exact=True).first.click()
    ui.check()
    page.get_by_role("link", name="Enter a year's spend").click()
    ui.check()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("alert")).to_be_visible()
    page.get_by_label("Total adult social care spend (£)").fill("2500000")
    page.get_by_label("Where the figure comes from").fill("Ledger report, May")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("table", name="Spend entered by finance")).to_contain_text(
        "2500000"
    )
    # A correction: the year stays, the figure changes, the list shows it.
    page.get_by_role("link", name="Change the spend for").click()
    ui.check()
    total = page.get_by_label("Total adult social care spend (£)")
    expect(total).to_have_value("2500000.00")
    total.fill("2600000")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("table", name="Spend entered by finance")).to_contain_text(
        "2600000"
    )


def test_first_contacts_drill_through_to_the_people_whose_contacts_counted(
    ui, personas
) -> None:
    example = worked_example.build()
    page: Page = ui.page
    sign_in(ui, "quality")
    page.get_by_role("link", name="SDS indicators", exact=True).first.click()
    page.get_by_role("link", name="SDS at first contact").click()
    page.get_by_label("Financial year").select_option("2025")
    page.get_by_role("button", name="Show").click()
    ui.check()
    # Contacts discussed: Ann's and Fay's (merged into Ann): one person listed.
    page.get_by_role("link", name="2 people: see who").first.click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("People counted")
    expect(page.get_by_role("main")).to_contain_text(example.ann.first_name)


def test_a_timings_row_drills_through_to_that_groups_people(ui, personas) -> None:
    from selfdirect.insights.tests import timings_example

    timings_example.build()
    page: Page = ui.page
    sign_in(ui, "quality")
    page.get_by_role("link", name="SDS indicators", exact=True).first.click()
    page.get_by_role("link", name="Timings and waiting").click()
    page.get_by_label("Financial year").select_option("2025")
    page.get_by_label("Break down by").select_option("locality")
    page.get_by_role("button", name="Show").click()
    ui.check()
    table = page.get_by_role("table", name="Panel submission to decision: locality")
    expect(table).to_contain_text("North")
    table.get_by_role("link", name="4 people: see who").click()
    ui.check()
    expect(page.get_by_text("Locality: North")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Dan")
    # A row that makes no sense is explained, not shown.
    page.goto(page.url.replace("by=locality", "by=nonsense"))
    ui.check()
    expect(page.get_by_role("alert")).to_be_visible()

"""Finance: the dashboard, the monitoring list and recording a return; a
practitioner sets up a direct payment. axe checks every page."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.delivery.models import DirectPaymentAgreement, MonitoringReturn

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey("delivery")
def test_a_finance_officer_records_a_monitoring_return_with_a_surplus(
    ui, personas
) -> None:
    page: Page = ui.page
    sign_in(ui, "finance")
    page.get_by_role("link", name="Finance", exact=True).first.click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spend on support")
    expect(
        page.get_by_role("img", name="Chart: Yearly committed spend by option (£)")
    ).to_be_visible()
    expect(
        page.get_by_role("table", name="Yearly committed spend by option")
    ).to_contain_text("Option 1")

    page.get_by_role("link", name="Direct payments due for monitoring").click()
    ui.check()
    expect(page.get_by_role("cell", name="Morag MacLeod", exact=True)).to_be_visible()
    page.get_by_role("link", name="record the return for Morag MacLeod").click()
    ui.check()
    page.get_by_label("Date received").fill("30/04/2026")
    page.get_by_text("Bank statements", exact=True).click()
    page.get_by_text("Timesheets", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("alert")).to_contain_text("Enter the balance held")
    page.get_by_label("Balance held at the end of the period (£)").fill("3000.00")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Monitoring return recorded")
    expect(page.get_by_role("table", name="Monitoring returns")).to_contain_text(
        "£1,400.00"
    )
    record = MonitoringReturn.objects.filter(received_on__isnull=False).get()
    assert str(record.surplus) == "1400.00"

    ui.goto("/finance/surplus/")
    expect(page.get_by_role("cell", name="£1,400.00")).to_be_visible()


def test_a_practitioner_sets_up_a_direct_payment(ui, personas) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")
    ui.goto(f"/people/{personas.person.public_id}/")
    page.get_by_role("link", name="See support and payments").click()
    ui.check()
    page.get_by_role("link", name="Set up a direct payment").click()
    ui.check()
    page.get_by_label("Start date").fill("01/12/2026")
    page.get_by_label("Amount each time (£)").fill("1200.00")
    page.get_by_text("Every month", exact=True).click()
    page.get_by_text("Buying support from a registered care agency", exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("alert")).to_contain_text(
        "must accept every responsibility"
    )
    for label in (
        "Keep the payment in a separate bank account",
        "Spend it only on the agreed support",
        "Keep receipts, bank statements and timesheets",
        "Send a monitoring return when asked",
    ):
        page.get_by_text(label, exact=True).click()
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text(
        "Direct payment agreement set up"
    )
    expect(page.get_by_role("table", name="Direct payment agreements")).to_contain_text(
        "£14,400.00"
    )
    assert DirectPaymentAgreement.objects.filter(yearly_amount="14400.00").exists()

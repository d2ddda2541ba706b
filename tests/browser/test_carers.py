"""A practitioner identifies an unpaid carer from a relationship, offers and
completes an adult carer support plan with an eligible need and a short break,
and downloads the carer's PDF, by keyboard alone; axe on every page."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from selfdirect.carers.models import Carer, CarerPlan, EligibilityDomain
from tests.browser.test_journeys import PASSWORD, press_and_wait, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(ui, label: str) -> None:
    tab_to(ui.page, "button[type=submit]", text=label)
    press_and_wait(ui.page, "Enter")
    ui.check()


def follow(ui, selector: str) -> None:
    tab_to(ui.page, selector)
    press_and_wait(ui.page, "Enter")
    ui.check()


def type_into(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


@pytest.mark.journey("carers")
def test_identify_a_carer_and_complete_a_plan_by_keyboard(ui, personas) -> None:
    page: Page = ui.page
    today = datetime.date.today()  # noqa: DTZ011
    ui.goto("/accounts/sign-in/")
    type_into(page, "#id_username", "prac_a")
    type_into(page, "#id_password", PASSWORD)
    press_and_wait(page, "Enter")
    ui.goto(f"/people/{personas.person.public_id}/")
    ui.check()

    follow(ui, "a[href*='/relationships/'][href$='/carer/new/']")
    type_into(page, "#id_first_name", "Kenny")
    type_into(page, "#id_last_name", "MacLeod")
    type_into(page, "#id_date_of_birth", "01/05/1975")
    submit(ui, "Identify the carer")
    expect(page.get_by_role("status")).to_contain_text("Carer identified")

    follow(ui, "a[href$='/offers/new/']")
    tab_to(page, "input[name=how]")
    page.keyboard.press("Space")  # in person
    tab_to(page, "input[name=answer]")
    page.keyboard.press("ArrowDown")  # accepted
    type_into(page, "#id_answered_on", today.strftime("%d/%m/%Y"))
    submit(ui, "Save")
    follow(ui, "a[href$='/plans/new/']")
    submit(ui, "Save")
    expect(page.get_by_role("status")).to_contain_text("Plan started")

    follow(ui, "a[href$='/sections/circumstances/']")
    type_into(page, "#id_circumstances", "Care for my mother every evening")
    tab_to(page, "input[name=hours_band]")
    page.keyboard.press("ArrowDown")  # 5 to 19 hours
    submit(ui, "Save")
    follow(ui, "a[href$='/sections/emergency/']")
    type_into(page, "#id_emergency_who", "My sister Ann")
    submit(ui, "Save")
    follow(ui, "a[href$='/sections/needs/']")
    type_into(page, "#id_needs", "Time to rest")
    submit(ui, "Save")
    follow(ui, "a[href$='/outcomes/new/']")
    type_into(page, "#id_words", "I have one evening a week for myself")
    submit(ui, "Save")
    follow(ui, "a[href$='/sections/breaks/']")
    tab_to(page, "input[name=break_from_caring]")
    page.keyboard.press("Space")  # yes
    submit(ui, "Save")
    follow(ui, "a[href$='/breaks/new/']")
    tab_to(page, "input[name=kind]")
    page.keyboard.press("ArrowDown")  # a short break away
    type_into(page, "#id_how_often", "One weekend a quarter")
    type_into(page, "#id_provided_by", "Clydeview Carers' Centre")
    submit(ui, "Save")
    follow(ui, "a[href$='/sections/review/']")
    type_into(page, "#id_review_on", "01/10/2027")
    submit(ui, "Save")

    follow(ui, "a[href$='/impacts/']")
    plan = CarerPlan.objects.get(carer__person__first_name="Kenny")
    for domain in EligibilityDomain.objects.filter(criteria=plan.criteria):
        tab_to(page, f"input[name=level_{domain.pk}]")
        page.keyboard.press("Space")  # no impact
        if domain.code == "health_wellbeing":
            for _ in range(3):
                page.keyboard.press("ArrowDown")  # substantial
    submit(ui, "Save")
    expect(page.get_by_text("The carer has an eligible need.")).to_be_visible()

    follow(ui, "a[href$='/agree/']")
    submit(ui, "Save")
    expect(page.get_by_role("status")).to_contain_text("The plan is agreed")
    plan.refresh_from_db()
    assert plan.state == CarerPlan.State.AGREED
    assert Carer.objects.get(person__first_name="Kenny").cared_for == personas.person

    # The carer's copy: the link opens the PDF (Chromium shows it, not a download).
    tab_to(page, "a[href$='mine.pdf']")
    with page.expect_response(
        lambda r: r.url.endswith("mine.pdf"), timeout=90_000
    ) as response:
        page.keyboard.press("Enter")
    assert response.value.status == 200
    assert response.value.headers["content-type"] == "application/pdf"
    assert "my-carer-support-plan.pdf" in response.value.headers["content-disposition"]
    # Chromium shows it in its viewer: the bytes behind it are the PDF.
    pdf = page.context.request.get(response.value.url)
    assert pdf.body().startswith(b"%PDF")

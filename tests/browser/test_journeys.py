"""A practitioner's first-contact journey, by mouse and by keyboard alone."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.people.models import FirstContact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


def sign_in(ui, username: str) -> None:
    ui.goto("/")
    ui.page.get_by_label("Username").fill(username)
    ui.page.get_by_label("Password").fill(PASSWORD)
    ui.page.get_by_role("button", name="Sign in").click()
    ui.check()


def test_a_practitioner_finds_a_person_and_records_a_first_contact(
    ui, personas
) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    page.get_by_label("Find a person").fill("macl")
    page.get_by_role("button", name="Search").click()
    ui.check()
    page.get_by_role("link", name="MacLeod, Morag").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morag MacLeod")
    page.get_by_role("link", name="Record a first contact").click()
    ui.check()

    page.get_by_label("Date of contact").fill("21/11/2026")
    page.get_by_text("Family member or unpaid carer", exact=True).click()
    page.get_by_label("Why did they get in touch?").fill("Mum is lonely since Dad died")
    page.get_by_role(
        "group", name="Did you talk about self-directed support"
    ).get_by_text("No", exact=True).click()
    page.get_by_text("Signposted to community support", exact=True).click()
    page.get_by_role("button", name="Save first contact").click()
    ui.check()  # the page with errors must be accessible too
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_role("alert")).to_contain_text("Say why SDS was not discussed")
    expect(page.get_by_label("Why did they get in touch?")).to_have_value(
        "Mum is lonely since Dad died"
    )

    page.get_by_label("If not, why not?").fill(
        "Her daughter asked to talk about options at the visit"
    )
    page.get_by_label("Other community supports, not in the directory").fill(
        "Dalmuir befriending service"
    )
    page.get_by_label("When to check how it went").fill("05/12/2026")
    page.get_by_role("button", name="Save first contact").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("First contact recorded")
    expect(
        page.get_by_role(
            "cell", name="Signposted to community support: Dalmuir befriending service"
        )
    ).to_be_visible()
    assert FirstContact.objects.filter(reason="Mum is lonely since Dad died").exists()

    page.get_by_role("button", name="Sign out").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")


def tab_to(page: Page, selector: str, *, text: str = "", limit: int = 80) -> None:
    """Press Tab until the element (with this text, if given) has focus: proves it
    is reachable by keyboard."""
    script = """([s, t]) => {
        const el = document.activeElement;
        return !!el && el.matches(s) && (!t || el.textContent.trim() === t);
    }"""
    for _ in range(limit):
        if page.evaluate(script, [selector, text]):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} {text} could not be reached with the Tab key")


def press_and_wait(page: Page, key: str) -> None:
    """Press a key that follows a link or submits a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_the_first_contact_journey_works_by_keyboard_alone(ui, personas) -> None:
    page: Page = ui.page
    ui.goto("/")
    tab_to(page, "#id_username")
    page.keyboard.type("prac_a")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    press_and_wait(page, "Enter")
    ui.check()
    tab_to(page, "#home-search")
    page.keyboard.type("MacLeod")
    press_and_wait(page, "Enter")
    ui.check()
    tab_to(page, "table a")
    press_and_wait(page, "Enter")
    ui.check()
    tab_to(page, "a[href$='/first-contacts/new/']")
    press_and_wait(page, "Enter")
    ui.check()

    tab_to(page, "#id_contact_date")
    page.keyboard.type("21/11/2026")
    tab_to(page, "input[name=made_by]")
    page.keyboard.press("Space")  # the first choice: the person themself
    tab_to(page, "#id_reason")
    page.keyboard.type("I can't get to the shops since my stroke")
    tab_to(page, "input[name=sds_discussed]")
    page.keyboard.press("Space")  # Yes
    tab_to(page, "input[name=outcome]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Referred for assessment
    tab_to(page, "button[type=submit]", text="Save first contact")
    press_and_wait(page, "Enter")
    ui.check()
    contact = FirstContact.objects.get(
        reason="I can't get to the shops since my stroke"
    )
    assert (contact.made_by, contact.sds_discussed, contact.outcome) == (
        "self",
        True,
        "assessment",
    )
    expect(page.get_by_role("status")).to_contain_text("First contact recorded")

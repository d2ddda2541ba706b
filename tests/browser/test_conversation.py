"""A practitioner records a whole good conversation by keyboard alone."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.conversations.models import Conversation
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


def test_a_whole_conversation_by_keyboard(ui, personas) -> None:
    page: Page = ui.page
    person = personas.person
    ui.goto("/accounts/sign-in/")
    tab_to(page, "#id_username")
    page.keyboard.type("prac_a")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    press_and_wait(page, "Enter")
    ui.goto(f"/people/{person.public_id}/")

    follow(ui, "a[href$='/conversations/new/']")
    tab_to(page, "#id_place")
    page.keyboard.type("At home, with her daughter")
    tab_to(page, "#id_participants_1")
    page.keyboard.press("Space")  # unpaid carer took part too
    tab_to(page, "#id_persons_account")
    page.keyboard.type("Since Jim died I don't go out much. I miss the bowling club.")
    submit(ui, "Save the conversation record")
    expect(page.get_by_role("status")).to_contain_text("Conversation record started")

    follow(ui, "a[href$='/outcomes/new/']")
    tab_to(page, "#id_words")
    page.keyboard.type("2 home care visits a day")
    expect(page.locator("#id_words-wording")).to_contain_text(
        "This reads like a service", timeout=5000
    )
    page.keyboard.press("Control+A")
    page.keyboard.type("I want to get back to the bowling club on Thursdays")
    expect(page.locator("#id_words-wording")).to_contain_text(
        "personal outcome", timeout=5000
    )
    ui.check()
    submit(ui, "Save outcome")

    follow(ui, "a[href$='/strengths/new/']")
    tab_to(page, "input[name=kind]")
    page.keyboard.press("ArrowDown")  # family, friends and neighbours
    tab_to(page, "#id_description")
    page.keyboard.type("Her neighbour Ann drives to the club every week")
    tab_to(page, "input[name=helps_with]")
    page.keyboard.press("Space")
    submit(ui, "Save strength")

    follow(ui, "a[href$='/risks/new/']")
    for field, text in [
        ("#id_risk", "Walking to the bus stop alone after dark"),
        ("#id_gain", "Keeps going to the club on her own terms"),
        ("#id_persons_view", "I'm not giving up my bowls"),
        ("#id_agreed_actions", "Morag carries her alarm pendant; Ann walks her back"),
        ("#id_agreed_by", "Morag, Ann and Sam (social worker)"),
        ("#id_review_on", "01/03/2027"),
    ]:
        tab_to(page, field)
        page.keyboard.type(text)
    submit(ui, "Save")

    follow(ui, "a[href$='/share/']")
    submit(ui, "Save")
    follow(ui, "a[href$='/agree/']")
    tab_to(page, "#id_agreed_by")
    page.keyboard.type("Morag (the person)")
    tab_to(page, "input[name=agreed_how]")
    page.keyboard.press("Space")
    submit(ui, "Save")
    follow(ui, "a[href$='/corrections/new/']")
    tab_to(page, "#id_words")
    page.keyboard.type("It's Thursday afternoons, not mornings")
    submit(ui, "Save")
    follow(ui, "a[href$='/my-record/']")
    expect(page.get_by_role("heading", level=1)).to_have_text("My conversation record")

    conversation = Conversation.objects.get(person=person)
    assert conversation.state == "agreed"
    assert conversation.participants == ["person", "unpaid_carer"]
    assert (
        conversation.outcomes.get().words
        == "I want to get back to the bowling club on Thursdays"
    )
    assert conversation.strengths.get().helps_with.count() == 1
    assert conversation.risks.count() == conversation.corrections.count() == 1

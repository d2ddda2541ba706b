"""A peer reader reads one case file with the keyboard alone: opens it from the
list of files given to them, changes the proposed answer, says why, and finishes.
Axe on every page."""

import pytest
from playwright.sync_api import Page, expect

from selfdirect.assurance.models import CriterionAnswer, FileReading
from tests.browser.test_conversation import follow, submit
from tests.browser.test_journeys import PASSWORD, press_and_wait, tab_to
from tests.browser.test_review_keyboard import choose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey("assurance")
def test_a_peer_reader_reads_a_file_by_keyboard_alone(ui, personas) -> None:
    page: Page = ui.page
    reading = FileReading.objects.get(sampled_file__person=personas.person)
    FileReading.objects.filter(pk=reading.pk).update(reader=personas.practitioner_b)

    ui.goto("/accounts/sign-in/")
    tab_to(page, "#id_username")
    page.keyboard.type("prac_b")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    press_and_wait(page, "Enter")
    ui.goto("/file-reading/exercises/")

    follow(ui, f"a[href$='/readings/{reading.public_id}/']")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Morag MacLeod")
    choose(page, "answer_plan_contingency", "yes")
    tab_to(page, "#id_note_plan_contingency")
    page.keyboard.type("The plan names her sister as back-up.")
    submit(ui, "Save and finish this file")
    expect(page.get_by_role("status")).to_contain_text("Your reading is saved")

    answer = CriterionAnswer.objects.get(reading=reading)
    assert (answer.confirmed_answer, answer.overridden) == ("yes", True)
    assert answer.note == "The plan names her sister as back-up."
    reading.refresh_from_db()
    assert reading.status == FileReading.Status.COMPLETE

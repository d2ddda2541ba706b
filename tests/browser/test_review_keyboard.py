"""A review done with the keyboard alone (Tab, Space, arrow keys, Enter and
typing; no clicks): two outcomes, one not met with a reason, a change of option
next, agreed, and the new choice recorded from the review. Axe on every page."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from selfdirect.choices.models import SupportChoice
from selfdirect.plans.models import SupportPlan
from selfdirect.plans.tests.factories import PlanOutcomeFactory
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason, Review
from tests.browser.test_conversation import follow, submit
from tests.browser.test_journeys import PASSWORD, press_and_wait, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IS_CHECKED = """([n, v]) => {
    const el = document.querySelector(`input[name="${n}"]:checked`);
    return !!el && el.value === v;
}"""


def choose(page: Page, name: str, value: str) -> None:
    """Tab into a radio group, then move through it with the arrow keys."""
    tab_to(page, f"input[name='{name}']", limit=120)
    page.keyboard.press("Space")
    for _ in range(12):
        if page.evaluate(IS_CHECKED, [name, value]):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{name}={value} could not be chosen with the keyboard")


def tick(page: Page, selector: str) -> None:
    tab_to(page, selector, limit=120)
    page.keyboard.press("Space")


@pytest.mark.journey("plans", "choices")
def test_a_review_by_keyboard_alone(ui, personas) -> None:
    page: Page = ui.page
    person = personas.person
    today = datetime.date.today()  # noqa: DTZ011
    plan = SupportPlan.objects.get(person=person)
    PlanOutcomeFactory.create(plan=plan, words="I want to cook my own tea again")
    SupportPlan.objects.filter(pk=plan.pk).update(
        state="agreed",
        agreed_on=today - datetime.timedelta(days=120),
        review_on=today - datetime.timedelta(days=10),
    )
    met = str(AttainmentLevel.objects.get(code="met").pk)
    not_met = str(AttainmentLevel.objects.get(code="not_met").pk)
    capacity = PoorOutcomeReason.objects.get(code="provider_capacity").pk

    ui.goto("/accounts/sign-in/")
    tab_to(page, "#id_username")
    page.keyboard.type("prac_a")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    press_and_wait(page, "Enter")
    ui.goto(f"/people/{person.public_id}/")

    follow(ui, "a[href$='/review/new/']")
    choose(page, "kind", "planned")
    submit(ui, "Start the review")
    expect(page.get_by_role("status")).to_contain_text("Review started")
    review = Review.objects.get(plan=plan)
    first, second = review.attainments.order_by("id")

    follow(ui, f"a[href$='/outcomes/{first.pk}/']")
    choose(page, "level", met)
    tab_to(page, "#id_persons_words")
    page.keyboard.type("I go swimming most Tuesdays now")
    submit(ui, "Save")

    follow(ui, f"a[href$='/outcomes/{second.pk}/']")
    choose(page, "level", not_met)
    tick(page, f"input[name='reasons'][value='{capacity}']")
    tab_to(page, "#id_reason_narrative")
    page.keyboard.type("The agency had no staff for the evenings.")
    submit(ui, "Save")
    expect(page.get_by_role("status")).to_contain_text("Saved")

    follow(ui, "a[href$='/who-took-part/']")
    choose(page, "took_part", "phone")
    submit(ui, "Save")
    follow(ui, "a[href$='/next/']")
    choose(page, "next_step", "change_of_option")
    submit(ui, "Save")

    follow(ui, "a[href$='/share/']")
    submit(ui, "Save")
    follow(ui, "a[href$='/agree/']")
    submit(ui, "Continue")  # check your answers
    submit(ui, "Confirm: record the agreement")
    expect(page.get_by_role("status")).to_contain_text("Review agreed")

    follow(ui, "a[href$='/next/change-of-option/']")
    choose(page, "element_personal_care", "1")
    submit(ui, "Record the new choice")
    expect(page.get_by_role("status")).to_contain_text("change of option is recorded")

    follow(ui, "a[href$='/my-review/']")
    expect(page.get_by_role("heading", level=1)).to_have_text("My review")
    expect(page.locator("article")).to_contain_text("The agency had no staff")

    review.refresh_from_db()
    assert review.state == "agreed"
    assert review.next_step == "change_of_option"
    levels = [a.level and a.level.code for a in review.attainments.order_by("id")]
    assert levels == ["met", "not_met"]
    choices = SupportChoice.objects.filter(person=person)
    assert choices.count() == 2  # the earlier choice kept
    assert review.new_choice is not None and review.new_choice == choices.first()
    assert review.new_choice.elements.get(element="personal_care").option == 1

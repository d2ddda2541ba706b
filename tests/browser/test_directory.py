"""Community directory: search by need and postcode, signpost a person from a first
contact to a directory service, then record the follow-up. axe checks every page."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from selfdirect.directory.models import Attribute, Postcode
from selfdirect.directory.tests.factories import (
    ServiceFactory,
    TaxonomyTermFactory,
    place,
)
from selfdirect.people.models import FirstContact, Signposting
from tests.browser.test_journeys import press_and_wait, sign_in, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(db):
    Postcode.objects.create(postcode="G81 1AA", latitude=55.9, longitude=-4.4)
    company = TaxonomyTermFactory.create(name="Company and friendship")
    near = ServiceFactory.create(
        name="Dalmuir lunch club",
        description="Soup, a main course and good company",
        fees_description="£3.50 a meal",
    )
    place(near, latitude=55.91, longitude=-4.4, postcode="G81 4AB")
    far = ServiceFactory.create(name="Balloch walking group")
    place(far, latitude=56.0, longitude=-4.58, postcode="G83 8AA")
    for service in (near, far):
        Attribute.objects.create(service=service, taxonomy_term=company)
    return near


def test_search_signpost_and_follow_up(ui, personas, directory) -> None:
    page: Page = ui.page
    sign_in(ui, "prac_a")

    # Search the directory by need and postcode, the postcode typed by keyboard.
    ui.goto(reverse("directory:search"))
    page.get_by_label("What do they need help with?").select_option(
        label="Company and friendship"
    )
    page.get_by_label("Within").select_option(label="5 miles")
    tab_to(page, "#id_postcode")
    page.keyboard.type("g81 1aa")
    press_and_wait(page, "Enter")
    ui.check()
    expect(page.get_by_role("heading", name="1 service found")).to_be_visible()
    expect(page.get_by_role("link", name="Dalmuir lunch club")).to_be_visible()
    expect(page.get_by_text("0.7 miles")).to_be_visible()
    expect(page.get_by_text("Balloch walking group")).to_have_count(0)

    # Signpost the person from a first contact, picking the directory service.
    personas.person.postcode = "G81 1AA"
    personas.person.save(update_fields=["postcode"])
    page.goto(ui.base_url + reverse("people:detail", args=[personas.person.public_id]))
    ui.check()
    page.get_by_role("link", name="Record a first contact").click()
    ui.check()
    page.get_by_label("Date of contact").fill("20/11/2026")
    page.get_by_text("Family member or unpaid carer", exact=True).click()
    page.get_by_label("Why did they get in touch?").fill("Mum is lonely since Dad died")
    page.get_by_role(
        "group", name="Did you talk about self-directed support"
    ).get_by_text("Yes", exact=True).click()
    page.get_by_text("Signposted to community support", exact=True).click()
    # Enter in the search box runs the search (it saves nothing), and the page
    # comes back with the worker in the search box; each result says where it is
    # and how far from the person's home.
    search = page.get_by_label("Find community services in the directory")
    search.fill("lunch")
    with page.expect_navigation():
        search.press("Enter")
    ui.check()
    assert not FirstContact.objects.filter(reason="Mum is lonely since Dad died")
    expect(search).to_be_focused()
    expect(page.get_by_label("Why did they get in touch?")).to_have_value(
        "Mum is lonely since Dad died"
    )
    expect(page.locator("label", has_text="Dalmuir lunch club")).to_contain_text(
        "Clydeview; "
    )
    expect(page.locator("label", has_text="Dalmuir lunch club")).to_contain_text(
        "miles away"
    )
    page.locator("label", has_text="Dalmuir lunch club").click()
    expect(page.get_by_text("(needed if you signpost someone)")).to_be_visible()
    page.get_by_label("When to check how it went").fill("22/11/2026")
    page.get_by_role("button", name="Save first contact").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("First contact recorded")
    contact = FirstContact.objects.get(reason="Mum is lonely since Dad died")
    signposting = Signposting.objects.get(first_contact=contact)
    assert signposting.service_id == directory.pk

    # Record the follow-up: they used it and it met their need.
    ui.goto(
        reverse(
            "people:first_contact", args=[personas.person.public_id, contact.public_id]
        )
    )
    expect(page.get_by_role("link", name="Dalmuir lunch club")).to_be_visible()
    page.get_by_role("link", name="Record the follow-up").click()
    ui.check()
    expect(page.locator("#later-assessment")).to_contain_text(
        "None recorded since this contact"
    )
    page.get_by_label("Date of follow-up").fill(
        datetime.date.today().strftime("%d/%m/%Y")  # noqa: DTZ011
    )
    page.get_by_text("Need met", exact=True).click()
    page.get_by_role("group", name="Did they use Dalmuir lunch club?").get_by_text(
        "Yes", exact=True
    ).click()
    page.get_by_role(
        "group", name="Did Dalmuir lunch club meet their need?"
    ).get_by_text("Yes", exact=True).click()
    page.get_by_role("button", name="Save follow-up").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Follow-up recorded")
    signposting.refresh_from_db()
    assert (signposting.used_it, signposting.need_met) == (True, True)


def test_a_curator_adds_a_place_and_its_opening_times(ui, personas, directory) -> None:
    page: Page = ui.page
    sign_in(ui, "manager_a")
    ui.goto(reverse("directory:service", args=[directory.pk]))
    page.get_by_role("link", name="Add a place and its opening times").click()
    ui.check()
    page.get_by_role("button", name="Save").click()
    ui.check()  # the page with errors must be accessible too
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    page.get_by_label("Name of the place").fill("Faifley Community Hall")
    page.get_by_label("Street address").fill("2 Faifley Road")
    page.get_by_label("Town").fill("Clydebank")
    page.get_by_label("Postcode").fill("G81 1AA")
    page.get_by_text("Wednesday", exact=True).click()
    page.get_by_label("Opens at").fill("10:00")
    page.get_by_label("Closes at").fill("12:00")
    page.get_by_role("button", name="Save").click()
    ui.check()
    expect(page.get_by_role("status")).to_contain_text("Place and opening times saved")
    expect(page.get_by_text("Faifley Community Hall")).to_be_visible()

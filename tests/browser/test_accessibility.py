"""Every page a team manager can reach passes axe-core's WCAG 2.2 AA rules."""

import pytest

from selfdirect.testing.journey import whole_journey
from selfdirect.testing.personas import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.journey(*whole_journey())
def test_every_page_passes_axe(ui, personas: Personas) -> None:
    person = personas.person
    contact = person.first_contacts.get()
    contact.signpostings.create(support_name="Dalmuir lunch club")
    base = f"/people/{person.public_id}"
    ui.goto("/accounts/sign-in/")
    ui.page.get_by_label("Username").fill("manager_a")
    ui.page.get_by_label("Password").fill("a-long-test-password")
    ui.page.get_by_role("button", name="Sign in").click()
    pages = [
        "/",
        "/people/?q=mac&status=",
        "/people/new/",
        "/people/follow-ups/",
        f"{base}/",
        f"{base}/edit/",
        f"{base}/allocate/",
        f"{base}/relationships/new/",
        f"{base}/first-contacts/{contact.public_id}/",
        f"{base}/first-contacts/{contact.public_id}/follow-up/",
        f"{base}/history/",
        f"{base}/access-log/",
        f"{base}/merge/",
        "/people/00000000-0000-4000-8000-000000000000/",  # the 404 page
    ]
    for path in pages:
        ui.goto(path)
    # a form with every error showing
    ui.goto("/people/new/")
    ui.page.get_by_role("button", name="Save").click()
    ui.check()
    assert ui.page.get_by_role("alert").is_visible()
    # the 403 page, seen by a role with no business here
    ui.page.get_by_role("button", name="Sign out").click()
    ui.page.get_by_label("Username").fill("finance")
    ui.page.get_by_label("Password").fill("a-long-test-password")
    ui.page.get_by_role("button", name="Sign in").click()
    ui.goto("/people/")
    assert "You cannot use this page" in ui.page.content()
    assert len(ui.checked) == len(pages) + 4  # sign-in, blank form, errors, 403

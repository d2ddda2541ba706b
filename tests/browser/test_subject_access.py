"""A data protection officer asks for a PDF of everything held, watches its progress
and downloads it; the start and progress pages pass axe-core."""

import pytest

from selfdirect.core.models import Job
from selfdirect.people.views import audit as audit_views
from selfdirect.testing.personas import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_pdf_is_asked_for_watched_and_downloaded(
    ui, personas: Personas, monkeypatch
) -> None:
    # The page must not reload under the checks on a slow machine.
    monkeypatch.setattr(audit_views, "REFRESH_SECONDS", 600)
    ui.goto("/accounts/sign-in/")
    ui.page.get_by_label("Username").fill("dpo")
    ui.page.get_by_label("Password").fill("a-long-test-password")
    ui.page.get_by_role("button", name="Sign in").click()
    ui.goto(f"/people/{personas.person.public_id}/")
    ui.page.get_by_role(
        "link", name="Make a PDF of everything held about this person"
    ).click()
    ui.check()
    # Tests run the job inside the request, and WeasyPrint can take a while on a
    # busy machine: give it longer than a page usually gets.
    ui.page.get_by_role("button", name="Make the PDF").click(timeout=60_000)
    ui.check()  # the jobs run at once in tests: the files are offered
    assert "Your files are ready" in ui.page.get_by_role("status").inner_text()
    link = ui.page.get_by_role("link", name="Everything held, with the history")
    assert "(PDF, " in link.inner_text()
    with ui.page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert download.value.path().read_bytes().startswith(b"%PDF")  # waits for it
    progress = ui.page.url
    # While the worker is busy the page says how far it has got, and refreshes.
    Job.objects.update(
        status=Job.Status.RUNNING, percent=45, stage="Reading Allocations"
    )
    ui.page.goto(progress)
    # axe flags any meta refresh; WCAG 2.2.1 is met by the link that turns it
    # off, first on the page, checked just below.
    ui.check(without=("meta-refresh",))
    assert "45% done" in ui.page.get_by_role("status").inner_text()
    assert ui.page.locator('meta[http-equiv="refresh"]').count() == 1
    stop = ui.page.get_by_role("link", name="Stop checking automatically")
    stop.click()
    ui.check()
    assert ui.page.locator('meta[http-equiv="refresh"]').count() == 0
    assert "45% done" in ui.page.get_by_role("status").inner_text()

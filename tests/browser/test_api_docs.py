"""The interactive API docs run under the Content Security Policy, from the app's
own copy of Swagger UI, for a signed-in user only."""

import re

import pytest
from playwright.sync_api import Page, expect

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_loads_from_the_app_and_the_policy_blocks_nothing(
    ui, personas
) -> None:
    page: Page = ui.page
    outside: list[str] = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(ui.base_url) or request.url.startswith("data:")
            else outside.append(request.url)
        ),
    )
    page.goto(ui.base_url + "/api/v1/docs")
    expect(page).to_have_url(re.compile(r"/sign-in/"))
    sign_in(ui, "prac_a")
    page.goto(ui.base_url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Selfdirect API")
    expect(page.get_by_text("/api/v1/people", exact=True).first).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
    assert outside == []

"""Phones (WCAG 1.4.10 Reflow): at 320 and 390 px wide every page in the URL walker
fits the screen, with no sideways scrolling of the page, and the Menu button opens
the navigation, with JavaScript and without."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from selfdirect.people.tests.test_url_permissions import NOT_PERSONAL, PERSONAL
from selfdirect.testing.journey import whole_journey
from selfdirect.testing.personas import Personas

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.journey(*whole_journey()),
]

WIDTHS = (320, 390)
# Who opens the pages that show nobody's record, first one allowed.
READERS = (
    "manager_a",
    "practitioner_a",
    "finance_officer",
    "panel_member",
    "dpo",
    "quality_lead",
    "administrator",
)
# The elements wider than the screen, to say what to fix.
TOO_WIDE = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const wide = (e) => e.getBoundingClientRect().right > width + 1;
  return [...document.querySelectorAll("body *")]
    .filter((e) => wide(e) && ![...e.children].some(wide))
    .filter((e) => !e.closest(".sd-table-scroll, .visually-hidden, .fully-hidden"))
    .slice(0, 4)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(
      e.getBoundingClientRect().right)}px`);
}"""


def _is_page(response: Any) -> bool:
    return response.status_code == 200 and "text/html" in response["Content-Type"]


def _walker_pages(personas: Personas) -> dict[str, list[str]]:
    """Every HTML page in the URL walker, by the persona who may open it."""
    clients: dict[str, Client] = {}

    def client(name: str) -> Client:
        if name not in clients:
            clients[name] = Client()
            clients[name].force_login(getattr(personas, name))
        return clients[name]

    pages: dict[str, list[str]] = {}
    for name, case in sorted(PERSONAL.items()):
        url = reverse(name, kwargs=case.build(personas))
        if _is_page(client(case.allowed).get(url)):
            pages.setdefault(case.allowed, []).append(url)
    for name in sorted(NOT_PERSONAL):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # needs a record of its own: reached from the pages above
        reader = next((r for r in READERS if _is_page(client(r).get(url))), None)
        if reader:
            pages.setdefault(reader, []).append(url)
    return pages


def _signed_in(
    browser: Browser, base_url: str, user: Any, *, javascript: bool = True
) -> BrowserContext:
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": WIDTHS[0], "height": 800}, java_script_enabled=javascript
    )
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": base_url,
            }
        ]
    )
    return context


@pytest.fixture
def contexts(browser: Browser, live_server) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def test_every_page_fits_a_phone_screen(
    browser: Browser, live_server, personas: Personas, contexts
) -> None:
    pages = _walker_pages(personas)
    assert sum(len(p) for p in pages.values()) > 50  # the walker's pages, not a few
    too_wide = []
    for name, paths in pages.items():
        context = _signed_in(browser, live_server.url, getattr(personas, name))
        contexts.append(context)
        page = context.new_page()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            for path in paths:
                page.goto(live_server.url + path)
                if wide := page.evaluate(TOO_WIDE):
                    too_wide.append(f"{path} at {width}px ({name}): {wide}")
    assert too_wide == [], "Pages scroll sideways:\n" + "\n".join(too_wide)


def _menu_opens(page: Page, open_menu: Any) -> None:
    links = page.locator("#mobile-navigation")
    expect(links.get_by_role("link", name="People")).to_be_hidden()
    open_menu()
    expect(links.get_by_role("link", name="People")).to_be_visible()
    expect(links.get_by_role("link", name="Finance")).to_be_visible()
    # the account block has its own row: it covers neither the name nor the button
    name = page.get_by_role("link", name="Selfdirect").bounding_box()
    account = page.locator(".sd-account").bounding_box()
    assert name and account and account["y"] >= name["y"] + name["height"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_menu_button_opens_the_navigation(
    browser: Browser, live_server, personas: Personas, contexts, width: int
) -> None:
    context = _signed_in(browser, live_server.url, personas.manager_a)
    contexts.append(context)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    _menu_opens(page, button.click)
    expect(button).to_have_attribute("aria-expanded", "true")
    # the desktop navigation is the menu's at this width, not shown twice
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()


def test_the_menu_opens_without_javascript_by_mouse_and_keyboard(
    browser: Browser, live_server, personas: Personas, contexts
) -> None:
    context = _signed_in(browser, live_server.url, personas.manager_a, javascript=False)
    contexts.append(context)
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.locator("label.js-toggle-menu")).to_be_visible()
    _menu_opens(page, page.locator("label.js-toggle-menu").click)
    page.goto(live_server.url + "/")
    page.locator(".sd-service-name").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name="Menu")).to_be_focused()
    _menu_opens(page, lambda: page.keyboard.press("Space"))

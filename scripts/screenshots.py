"""Take the README's screenshots from a running demo (`make demo` in another shell).

.venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000]
"""

import argparse
import base64
import shutil
import sys
from pathlib import Path

from django_otp.oath import TOTP
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfdirect.demo.people.data import DEMO_TOTP_KEY  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    base = parser.parse_args().base
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=FLAGS
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(f"{base}/accounts/sign-in/")
        page.screenshot(path=OUT / "sign-in.png")
        page.get_by_label("Username").fill("practitioner")
        page.get_by_label("Password").fill("demo-password-2026")
        page.get_by_role("button", name="Sign in").click()
        page.screenshot(path=OUT / "home.png")
        page.goto(f"{base}/people/")
        page.screenshot(path=OUT / "caseload.png")
        for row in range(10):  # the first person with a conversation record
            page.goto(f"{base}/people/")
            page.locator("table a").nth(row).click()
            conversation = page.locator(
                "a[href*='/conversations/']:not([href$='/new/'])"
            )
            if conversation.count():
                break
        page.screenshot(path=OUT / "person.png", full_page=True)
        person_url = page.url
        conversation.first.click()
        page.screenshot(path=OUT / "conversation.png", full_page=True)
        page.goto(person_url)
        page.get_by_role("link", name="Record a first contact").click()
        page.get_by_role("button", name="Save first contact").click()
        page.screenshot(path=OUT / "first-contact-errors.png", full_page=True)
        _later_stages(page, base)
        browser.close()


def _sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo-password-2026")
    page.get_by_role("button", name="Sign in").click()
    if "/two-factor/code/" in page.url:  # roles that require two-factor sign-in
        code = TOTP(base64.b32decode(DEMO_TOTP_KEY), step=30, t0=0, digits=6)
        page.get_by_label("Code").fill(f"{code.token():06d}")
        page.get_by_role("button", name="Continue").click()


def _person_with_plan_and_decision(page: Page, base: str) -> str:
    """The address of a person on the caseload with a plan and a panel decision."""
    plan = "main a[href*='/plans/']:not([href$='/new/'])"
    request = "main a[href*='/panel/']:not([href$='/new/'])"
    for number in range(1, 8):
        page.goto(f"{base}/people/?page={number}")
        for href in [a.get_attribute("href") for a in page.locator("table a").all()]:
            page.goto(f"{base}{href}")
            decided = page.locator("main td", has_text="Approved").count()
            if page.locator(plan).count() and page.locator(request).count() and decided:
                return page.url
    raise SystemExit("No person with a plan and a panel decision on the caseload")


def _later_stages(page: Page, base: str) -> None:
    person = _person_with_plan_and_decision(page, base)
    page.locator("main a[href*='/plans/']:not([href$='/new/'])").first.click()
    page.screenshot(path=OUT / "support-plan.png", full_page=True)
    page.goto(person)
    page.locator("main a[href*='/panel/']:not([href$='/new/'])").first.click()
    page.locator("main a[href$='/your-decision/']").first.click()
    page.screenshot(path=OUT / "panel-decision.png", full_page=True)
    page.goto(f"{base}/directory/?postcode=G81+1PF&miles=5")
    page.screenshot(path=OUT / "directory.png", full_page=True)
    _sign_in(page, base, "finance")
    page.goto(f"{base}/finance/")
    page.screenshot(path=OUT / "finance.png", full_page=True)


if __name__ == "__main__":
    main()

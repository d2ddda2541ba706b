"""Take the README's screenshots from a running demo (`make demo` in another shell).

.venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000]
"""

import argparse
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

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
        browser.close()


if __name__ == "__main__":
    main()

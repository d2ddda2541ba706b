"""Playwright driving Debian's Chromium, with axe-core checking every page visited."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; the live server does
# the database work in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# The Content Security Policy refuses inline scripts, so axe is given to each page
# from outside it (as an init script), and anything the policy blocks fails the test.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`
));
"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's chromium is not installed: run `make test`, which installs it"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


class AccessiblePage:
    """A page that checks every page it visits with axe-core and for anything the
    Content Security Policy blocked."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.check()

    def check(self, *, without: tuple[str, ...] = ()) -> None:
        """Run axe-core; `without` names rules a test has shown are met another
        way that axe cannot see (say why where it is used)."""
        self.page.wait_for_load_state("load")
        result = self.page.evaluate(
            "([tags, off]) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " rules: Object.fromEntries(off.map(id => [id, {enabled: false}]))})",
            [WCAG_22_AA, list(without)],
        )
        problems = [
            f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
            for v in result["violations"]
        ]
        assert problems == [], (
            f"axe found WCAG 2.2 AA violations on {self.page.url}: {problems}"
        )
        blocked = self.page.evaluate("window.__cspViolations")
        assert blocked == [], f"The CSP blocked on {self.page.url}: {blocked}"
        self.checked.append(self.page.url)


@pytest.fixture(autouse=True)
def _configuration_from_migrations(request: pytest.FixtureRequest) -> None:
    """The live server needs real transactions, so the database is emptied after
    each browser test, configuration included. Put back what the data migrations
    load (service groups, outcome domains, budget methods...): their functions are
    idempotent, so running them again is safe."""
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    graph = MigrationLoader(connection, ignore_no_migrations=True).graph
    ours = {c.label for c in apps.get_app_configs() if c.name.startswith("selfdirect.")}
    plan = dict.fromkeys(
        node for leaf in graph.leaf_nodes() for node in graph.forwards_plan(leaf)
    )
    for label, name in plan:
        if label not in ours:
            continue
        for operation in graph.nodes[(label, name)].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


@pytest.fixture
def ui(browser: Browser, live_server) -> Iterator[AccessiblePage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(script=CSP_WATCH)
    context.add_init_script(path=AXE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield AccessiblePage(page, live_server.url)
    context.close()

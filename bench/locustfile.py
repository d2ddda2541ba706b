"""The load model of docs/performance.md, for locust: staff who sign in, browse
their caseloads, search by name and open people, with 5-15 s think time.

Aimed only at this machine, and always bounded in time:

    .venv/bin/locust -f bench/locustfile.py --headless --host http://127.0.0.1:8000 \\
        --users 50 --spawn-rate 5 --run-time 5m

The server must be Selfdirect with the demo data (`make demo`, or gunicorn over the
bench database). The script refuses any host but 127.0.0.1 or localhost, and any
run without --run-time (or longer than MAX_RUN_TIME).
"""

from __future__ import annotations

import random
import re
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

# The demo sign-ins (selfdirect/demo/people/data.py) whose work is caseloads. The
# quality lead is left out: their sign-in asks for a two-factor code, which cannot
# be given twice in one 30-second step, and their work is reports, not caseloads.
USERNAMES = ("practitioner", "practitioner.b", "manager")
PASSWORD = "demo-password-2026"  # noqa: S105 (the published demo password)
SEARCHES = ("mac", "mc", "smith", "campbell", "ann", "john", "kel")
PERSON_LINK = re.compile(r'href="(/people/[0-9a-f-]{36}/)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
MAX_RUN_TIME = 10 * 60  # seconds


@events.init.add_listener
def _bounded_and_local(environment: Any, **_: Any) -> None:
    """Refuse to load anything but this machine, or to run without an end."""
    options = environment.parsed_options
    host = urlsplit(environment.host or "").hostname
    if host not in LOCAL_HOSTS:
        raise SystemExit(f"Refusing host {environment.host!r}: use http://127.0.0.1")
    run_time = getattr(options, "run_time", None) if options else None
    if not run_time or run_time > MAX_RUN_TIME:
        raise SystemExit(f"Give --run-time, at most {MAX_RUN_TIME // 60} minutes")


class Staff(HttpUser):
    """A member of staff reading their caseload between other work."""

    wait_time = between(5, 15)

    def on_start(self) -> None:
        self.people: list[str] = []
        page = self.client.get("/accounts/sign-in/", name="sign in page")
        token = CSRF.search(page.text)
        self.client.post(
            "/accounts/sign-in/",
            {
                "username": random.choice(USERNAMES),  # noqa: S311 (not security)
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": f"{self.host}/accounts/sign-in/"},
            name="sign in",
        )

    def _remember_people(self, html: str) -> None:
        found = PERSON_LINK.findall(html)
        if found:
            self.people = found

    @task(4)
    def caseload(self) -> None:
        response = self.client.get("/people/", name="caseload")
        self._remember_people(response.text)

    @task(2)
    def next_page(self) -> None:
        self.client.get("/people/?page=2", name="caseload page 2")

    @task(3)
    def search(self) -> None:
        query = random.choice(SEARCHES)  # noqa: S311
        response = self.client.get(f"/people/?q={query}", name="search")
        self._remember_people(response.text)

    @task(5)
    def open_person(self) -> None:
        if not self.people:
            self.caseload()
            return
        url = random.choice(self.people)  # noqa: S311
        self.client.get(url, name="person page")

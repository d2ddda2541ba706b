"""No page links to a page its reader is refused: each persona's pages are crawled
from the home page, following every link, and no link may answer 403 to them."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from selfdirect.testing.journey import whole_journey

pytestmark = pytest.mark.journey(*whole_journey())

# Every persona who reads or changes something; each crawls what it can reach.
PERSONAS = [
    "practitioner_a",
    "manager_a",
    "quality_lead",
    "inspector",
    "dpo",
    "finance_officer",
    "panel_member",
    "administrator",
    "org_worker_a",
    "org_manager_a",
]
# Not pages of ours: the administrators' own site, files, and the API's JSON.
SKIPPED = ("/admin/", "/static/", "/api/")
# Enough for every page of the personas' records, with room to grow.
MOST_PAGES = 400


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _links(html: str) -> list[str]:
    """The site's own pages a page links to, as paths with their query."""
    parser = _Links()
    parser.feed(html)
    found = []
    for href in parser.hrefs:
        url = urlsplit(urldefrag(href).url)
        if url.scheme or url.netloc or not url.path.startswith("/"):
            continue
        if url.path.startswith(SKIPPED):
            continue
        found.append(url.path + (f"?{url.query}" if url.query else ""))
    return found


def _refused_links(client, start: str = "/") -> tuple[list[str], int]:
    """Links to pages answering 403, as "page -> link", and how many were opened."""
    seen = {start}
    queue = deque([(start, start)])
    refused = []
    while queue and len(seen) <= MOST_PAGES:
        source, path = queue.popleft()
        response = client.get(path)
        if response.status_code == 403:
            refused.append(f"{source} -> {path}")
            continue
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for link in _links(response.content.decode()):
            if link not in seen:
                seen.add(link)
                queue.append((path, link))
    return refused, len(seen)


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_links_to_a_page_its_reader_is_refused(
    client, personas, persona: str
) -> None:
    client.force_login(getattr(personas, persona))
    refused, opened = _refused_links(client)
    assert opened > 1  # the home page links somewhere
    assert refused == [], f"{persona} is shown links to pages refused to them"


@pytest.mark.parametrize(
    ("persona", "name"),
    [
        ("quality_lead", "panel:waiting_list"),
        ("quality_lead", "panel:submissions"),
        ("quality_lead", "delivery:finance"),
        ("inspector", "panel:waiting_list"),
        ("inspector", "panel:submissions"),
        ("inspector", "delivery:finance"),
    ],
)
def test_read_only_roles_read_the_lists_they_inspect(
    client, personas, persona: str, name: str
) -> None:
    from django.urls import reverse

    client.force_login(getattr(personas, persona))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert reverse(name).encode() in client.get("/").content


@pytest.mark.parametrize("persona", ["quality_lead", "inspector", "dpo"])
def test_read_only_roles_are_not_offered_follow_ups_to_record(
    client, personas, persona: str
) -> None:
    client.force_login(getattr(personas, persona))
    home = client.get("/").content.decode()
    assert "/people/follow-ups/" not in home
    assert client.get("/people/follow-ups/").status_code == 403


def test_the_home_page_names_the_role_without_a_wrong_article(client, personas) -> None:
    client.force_login(personas.administrator)
    home = client.get("/").content.decode()
    assert "Your role: Administrator." in home
    assert " a administrator" not in home.lower()

"""A page with form errors follows the design system's error summary pattern
(issue 12): its title starts with "Error: " and the summary takes focus, with no
script (the page's CSP allows none inline)."""

import re

from django.urls import reverse


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found
    return found.group(1).strip()


def test_a_form_with_errors_says_error_in_the_title_and_focuses_the_summary(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    url = reverse(
        "people:record_first_contact", kwargs={"person_id": personas.person.public_id}
    )
    blank = client.get(url).content.decode()
    assert not _title(blank).startswith("Error:")
    assert 'id="error-summary"' not in blank

    page = client.post(url, {"contact_date": "0001-01-01"}).content.decode()
    assert _title(page).startswith("Error: ")
    summary = re.search(r'<div class="ds_error-summary"[^>]*>', page)
    assert summary
    assert "autofocus" in summary.group(0)
    assert 'tabindex="-1"' in summary.group(0)
    assert "Date of contact must be after 1 January 1900" in page
    assert "Select who made contact" in page
    assert "<script>" not in page

"""Headers that keep personal data out of caches and scripts out of pages (issue 11)."""

import re
import runpy
from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings
from django.urls import reverse

SELFDIRECT = Path(__file__).resolve().parents[2]


def _person(p: Any) -> str:
    return reverse("people:detail", args=[p.person.public_id])


def _record_pdf(p: Any) -> str:
    conversation = p.person.conversations.get()
    return reverse(
        "conversations:my_record_pdf", args=[p.person.public_id, conversation.public_id]
    )


def _export(p: Any) -> str:
    return reverse("people:export_json", args=[p.person.public_id])


SIGNED_IN = {
    "a person's page": ("practitioner_a", _person),
    "a PDF": ("practitioner_a", _record_pdf),
    "export.json": ("dpo", _export),
    "the API": ("practitioner_a", lambda p: "/api/v1/people"),
    "spend.csv": ("finance_officer", lambda p: reverse("delivery:finance_csv")),
    "the signposting CSV": (
        "quality_lead",
        lambda p: reverse("insights:signposting_report") + "?download=csv",
    ),
}


@pytest.mark.journey("conversations")
@pytest.mark.parametrize("what", SIGNED_IN)
def test_every_signed_in_response_is_kept_out_of_caches(client, personas, what):
    persona, url = SIGNED_IN[what]
    client.force_login(getattr(personas, persona))
    response = client.get(url(personas))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_page_has_a_policy_that_runs_no_inline_script(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    policy = client.get(_person(personas))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_a_chart_style_carries_the_nonce_in_the_policy(client, personas) -> None:
    client.force_login(personas.finance_officer)
    response = client.get(reverse("delivery:finance"))
    nonces = re.findall(r"<style[^>]* nonce=\"([^\"]+)\"", response.content.decode())
    assert nonces
    assert f"'nonce-{nonces[0]}'" in response["Content-Security-Policy"]
    assert ' style="' not in response.content.decode()


def _page_templates() -> list[Path]:
    """Templates a browser renders: WeasyPrint's PDF templates (with @page) are not."""
    return [
        path
        for path in SELFDIRECT.glob("*/templates/**/*.html")
        if "@page" not in path.read_text()
    ]


def test_no_page_template_has_inline_script_or_style() -> None:
    templates = _page_templates()
    assert len(templates) > 50
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)|<style|\sstyle=|\son[a-z]+="
    )
    offenders = [
        str(path.relative_to(SELFDIRECT))
        for path in templates
        if inline.search(path.read_text())
    ]
    assert offenders == []


def test_the_api_docs_need_sign_in(client, db) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_api_docs_load_swagger_from_the_apps_own_static_files(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "https://" not in html and "cdn" not in html.lower()
    assert finders.find("ninja/swagger-ui-bundle.js")
    assert "Content-Security-Policy" in response


def test_the_openapi_document_stays_public(client, db) -> None:
    assert client.get("/api/v1/openapi.json").status_code == 200


def _settings_with(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("selfdirect.config.settings")


@pytest.mark.filterwarnings("ignore:'selfdirect.config.settings' found in sys.modules")
def test_hsts_is_on_exactly_when_cookies_are_secure(monkeypatch) -> None:
    secure = _settings_with(monkeypatch, SECURE_COOKIES="1")
    assert secure["SECURE_HSTS_SECONDS"] == 365 * 24 * 60 * 60
    plain = _settings_with(monkeypatch, SECURE_COOKIES="0")
    assert plain["SECURE_HSTS_SECONDS"] == 0


@override_settings(SECURE_HSTS_SECONDS=31_536_000)
def test_an_https_response_sends_hsts(client, db) -> None:
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"

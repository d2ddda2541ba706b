"""Two-factor sign-in, password reset and administrators' resets in a browser:
every page passes axe-core and the Content Security Policy."""

import base64
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(key: bytes, steps_ahead: int = 0) -> str:
    clock = TOTP(key, step=30, t0=0, digits=6)
    clock.time = time.time() + 30 * steps_ahead
    return f"{clock.token():06d}"


def test_two_factor_set_up_and_sign_in(ui, personas, settings) -> None:
    settings.OTP_ENFORCE_REQUIRED = True
    page = ui.page
    personas.dpo.email = "dpo@example.org"
    personas.dpo.save()
    sign_in(ui, "dpo")  # a role that must use it: straight to set-up
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Set up two-factor sign-in"
    )
    expect(page.locator("img.sd-qr-code")).to_be_visible()
    key = base64.b32decode(page.locator(".sd-secret-key").inner_text().replace(" ", ""))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    ui.check()  # the error for no code
    page.get_by_label("Code from your authenticator app").fill(_code(key))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    ui.check()
    expect(page.locator(".sd-recovery-codes li")).to_have_count(10)
    for path in [
        "/accounts/two-factor/",
        "/accounts/two-factor/recovery-codes/",
        "/accounts/two-factor/remove/",
        "/accounts/password/",
    ]:
        ui.goto(path)
    page.get_by_role("button", name="Sign out").first.click()
    sign_in(ui, "dpo")  # now the code page
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your sign-in code")
    page.get_by_label("Code").fill(f"{(int(_code(key, 1)) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Continue").click()
    ui.check()
    expect(page.get_by_role("alert")).to_be_visible()
    page.wait_for_timeout(1500)  # the wait after one wrong code
    page.get_by_label("Code").fill(_code(key, 1))
    page.get_by_role("button", name="Continue").click()
    ui.check()
    expect(page.get_by_text("Signed in as")).to_be_visible()


def test_password_reset_and_staff_pages(ui, personas) -> None:
    page = ui.page
    ui.goto("/accounts/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    ui.check()
    page.get_by_role("button", name="Send the link").click()
    ui.check()  # the error for no address
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_role("button", name="Send the link").click()
    ui.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    ui.goto("/accounts/password-reset/MQ/not-a-token/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    sign_in(ui, "admin")
    page.get_by_role("link", name="Staff sign-in").first.click()
    ui.check()
    ui.goto(f"/accounts/staff/{personas.practitioner_a.pk}/")
    page.get_by_role("link", name="Give them a temporary password").click()
    ui.check()
    page.get_by_role("button", name="Set temporary password").click()
    ui.check()
    expect(page.get_by_role("alert")).to_be_visible()

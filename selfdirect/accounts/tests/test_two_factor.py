"""Two-factor sign-in: set-up, the code after the password, recovery codes,
throttling, who must use it, and the audit trail."""

import base64
import re
import time
from typing import Any

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from selfdirect.accounts import services
from selfdirect.accounts.roles import TWO_FACTOR_REQUIRED, Role
from selfdirect.audit.models import AuditEvent

GOOD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _enforced(settings: Any) -> None:
    settings.OTP_ENFORCE_REQUIRED = True


def _code(key: bytes, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for this key (RFC 6238), now or some
    30-second steps ahead."""
    clock = TOTP(key, step=30, t0=0, digits=6)
    clock.time = time.time() + 30 * steps_ahead
    return f"{clock.token():06d}"


def _sign_in(client: Any, username: str) -> Any:
    return client.post(reverse("login"), {"username": username, "password": GOOD})


def _set_up(user: Any) -> tuple[bytes, list[str]]:
    device = services.start_set_up(user)
    codes = services.finish_set_up(user, _code(device.bin_key))
    assert codes is not None
    return device.bin_key, codes


def _actions() -> list[str]:
    return list(
        AuditEvent.objects.order_by("at", "pk").values_list("action", flat=True)
    )


def test_required_for_administrators_dpos_and_partnership_wide_readers() -> None:
    expected = {
        Role.ADMINISTRATOR,
        Role.DATA_PROTECTION_OFFICER,
        Role.QUALITY_LEAD,
        Role.INSPECTOR,
        Role.FINANCE_OFFICER,  # every current record, for finance
        Role.PANEL_MEMBER,  # every record's panel papers
    }
    assert set(TWO_FACTOR_REQUIRED) == expected


def test_optional_for_others_unless_the_setting_requires_it(personas, settings) -> None:
    assert not services.two_factor_required(personas.practitioner_a)
    assert services.two_factor_required(personas.dpo)
    settings.OTP_REQUIRED_FOR_ALL = True
    assert services.two_factor_required(personas.practitioner_a)


def test_a_required_user_without_an_app_must_set_it_up_first(client, personas) -> None:
    response = _sign_in(client, "dpo")
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home["Location"] == reverse("two_factor_set_up")
    assert client.get("/people/").status_code == 302
    # the API answers 401, as for someone not signed in
    assert client.get("/api/v1/people").status_code == 401
    page = client.get(reverse("two_factor_set_up"))
    assert page.status_code == 200
    assert b'src="data:image/svg+xml;base64,' in page.content
    # set up with a code computed here from the key the page shows
    key = re.search(rb'class="sd-secret-key">([A-Z2-7 ]+)<', page.content)
    assert key is not None
    bin_key = base64.b32decode(key.group(1).replace(b" ", b""))
    done = client.post(reverse("two_factor_set_up"), {"code": _code(bin_key)})
    assert done.status_code == 200
    assert len(re.findall(rb"<li><code>[a-z2-7]{8}</code></li>", done.content)) == 10
    assert client.get(reverse("home")).status_code == 200
    assert _actions() == [
        "two_factor.device_added",
        "two_factor.recovery_codes_generated",
    ]


def test_an_optional_user_signs_in_with_a_password_only(client, personas) -> None:
    _sign_in(client, "prac_a")
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_set_up_code_is_refused_and_audited(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    client.get(reverse("two_factor_set_up"))
    device = TOTPDevice.objects.get(user=personas.practitioner_a)
    wrong = f"{(int(_code(device.bin_key)) + 1) % 1_000_000:06d}"
    page = client.post(reverse("two_factor_set_up"), {"code": wrong})
    assert b"That code is not right" in page.content
    assert services.authenticator(personas.practitioner_a) is None
    assert _actions() == ["two_factor.set_up_refused"]


def test_a_user_with_an_app_is_asked_for_a_code_after_the_password(
    client, personas
) -> None:
    key, _ = _set_up(personas.practitioner_a)
    response = _sign_in(client, "prac_a")
    assert response.status_code == 302
    page = client.get("/people/")
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("two_factor_verify"))
    assert client.get("/api/v1/people").status_code == 401
    # a code from the app, computed from the key as the app would
    done = client.post(
        reverse("two_factor_verify"),
        {"code": _code(key, steps_ahead=1), "next": "/people/"},
    )
    assert done.status_code == 302
    assert done["Location"] == "/people/"
    assert client.get("/people/").status_code == 200


def test_a_code_is_not_accepted_twice(client, personas) -> None:
    key, _ = _set_up(personas.practitioner_a)
    code = _code(key, steps_ahead=1)
    _sign_in(client, "prac_a")
    assert client.post(reverse("two_factor_verify"), {"code": code}).status_code == 302
    client.post(reverse("logout"))
    _sign_in(client, "prac_a")
    again = client.post(reverse("two_factor_verify"), {"code": code})
    assert again.status_code == 200
    assert b"That code is not right" in again.content


def test_wrong_codes_are_throttled_and_audited(client, personas, settings) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 30  # a wait the test cannot outlive
    key, _ = _set_up(personas.practitioner_a)
    _sign_in(client, "prac_a")
    right = _code(key, steps_ahead=1)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    first = client.post(reverse("two_factor_verify"), {"code": wrong})
    assert b"That code is not right" in first.content
    # straight after a wrong code even the right one must wait
    second = client.post(reverse("two_factor_verify"), {"code": right})
    assert re.search(rb"Too many wrong codes. Wait \d+ seconds", second.content)
    assert client.get("/people/").status_code == 302
    assert _actions()[-1] == "two_factor.code_refused"


def test_a_recovery_code_works_once(client, personas) -> None:
    _, codes = _set_up(personas.practitioner_a)
    _sign_in(client, "prac_a")
    used = client.post(reverse("two_factor_verify"), {"code": codes[0].upper()})
    assert used.status_code == 302
    assert services.recovery_codes_left(personas.practitioner_a) == 9
    assert "two_factor.recovery_code_used" in _actions()
    client.post(reverse("logout"))
    _sign_in(client, "prac_a")
    again = client.post(reverse("two_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200


def test_new_recovery_codes_replace_the_old(client, personas) -> None:
    key, old = _set_up(personas.practitioner_a)
    _sign_in(client, "prac_a")
    client.post(reverse("two_factor_verify"), {"code": _code(key, steps_ahead=1)})
    page = client.post(reverse("two_factor_recovery_codes"))
    new = re.findall(rb"<li><code>([a-z2-7]{8})</code></li>", page.content)
    assert len(new) == 10
    check = services.check_sign_in_code(personas.practitioner_a, old[1])
    assert check.device is None


def test_removing_it_signs_a_required_user_into_set_up_again(client, personas) -> None:
    key, _ = _set_up(personas.dpo)
    _sign_in(client, "dpo")
    client.post(reverse("two_factor_verify"), {"code": _code(key, steps_ahead=1)})
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("two_factor_remove"))
    assert services.authenticator(personas.dpo) is None
    assert client.get(reverse("home"))["Location"] == reverse("two_factor_set_up")
    assert "two_factor.device_removed" in _actions()


def test_an_administrator_removes_a_colleagues_app(client, personas, settings) -> None:
    settings.OTP_ENFORCE_REQUIRED = False  # the administrator's own second step
    _set_up(personas.practitioner_a)
    url = reverse("staff_remove_two_factor", args=[personas.practitioner_a.pk])
    client.force_login(personas.manager_a)
    assert client.post(url).status_code == 403
    client.force_login(personas.administrator)
    assert client.post(url).status_code == 302
    assert services.authenticator(personas.practitioner_a) is None
    event = AuditEvent.objects.get(action="two_factor.device_removed")
    assert event.actor == personas.administrator
    assert event.detail == {"user": "prac_a"}


def test_the_account_page_shows_the_state(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    assert b"Set up two-factor sign-in" in client.get(reverse("two_factor")).content
    _set_up(personas.practitioner_a)
    client.force_login(personas.practitioner_a)
    # signed in before the app was added: asked for a code first
    assert client.get(reverse("two_factor")).status_code == 302

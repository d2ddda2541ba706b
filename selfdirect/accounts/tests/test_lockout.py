"""Sign-in lockout: by username and address together, and a throttle per address."""

from typing import Any

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

GOOD = "a-long-test-password"


def _sign_in(client: Any, username: str, password: str, address: str) -> Any:
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_a_username_is_locked_only_at_the_address_that_failed(client, personas) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "prac_a", "wrong", "10.0.0.1")
    assert _sign_in(client, "prac_a", GOOD, "10.0.0.1").status_code == 429
    # Someone guessing from elsewhere cannot lock the practitioner out at work.
    assert _sign_in(client, "prac_a", GOOD, "10.0.0.2").status_code == 302


@override_settings(AXES_ADDRESS_FAILURE_LIMIT=8)
def test_an_address_spraying_passwords_is_throttled(client, personas) -> None:
    usernames = ["prac_a", "prac_b", "manager_a", "quality"]
    for _ in range(2):
        for username in usernames:
            _sign_in(client, username, "wrong", "10.0.0.9")
    assert _sign_in(client, "dpo", GOOD, "10.0.0.9").status_code == 429
    assert _sign_in(client, "dpo", GOOD, "10.0.0.10").status_code == 302


@override_settings(AXES_ADDRESS_FAILURE_LIMIT=8)
def test_an_office_below_the_address_limit_signs_in(client, personas) -> None:
    for username in ["prac_a", "prac_b", "manager_a", "quality"]:
        _sign_in(client, username, "wrong", "10.0.0.9")
    assert _sign_in(client, "dpo", GOOD, "10.0.0.9").status_code == 302


@override_settings(AXES_ADDRESS_FAILURE_LIMIT=8)
def test_a_good_password_clears_the_username_not_the_address(client, personas) -> None:
    for _ in range(7):
        _sign_in(client, "prac_b", "wrong", "10.0.0.9")
    assert _sign_in(client, "prac_a", GOOD, "10.0.0.9").status_code == 302
    client.post(reverse("logout"))
    _sign_in(client, "prac_b", "wrong", "10.0.0.9")
    assert _sign_in(client, "prac_a", GOOD, "10.0.0.9").status_code == 429

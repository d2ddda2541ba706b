from unittest import mock

from django.conf import settings
from django.db import OperationalError
from django.urls import reverse


def test_healthz_answers_ok_when_the_database_answers(client, db) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(client, db) -> None:
    with mock.patch(
        "selfdirect.core.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_anonymous_visitors_are_sent_to_sign_in(client, db) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_sign_in_page_follows_the_design_system(client, db) -> None:
    html = client.get(reverse("login")).content.decode()
    for part in (
        "ds_skip-links",
        "ds_site-header",
        "ds_phase-banner",
        "ds_site-footer",
        'for="id_username"',
    ):
        assert part in html


def test_a_wrong_password_shows_the_error_summary(client, personas) -> None:
    response = client.post(
        reverse("login"), {"username": "prac_a", "password": "wrong"}
    )
    assert "There is a problem" in response.content.decode()


def test_an_account_is_locked_after_repeated_failures(client, personas) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "prac_a", "password": "wrong"})
    locked = client.post(
        reverse("login"), {"username": "prac_a", "password": "a-long-test-password"}
    )
    assert locked.status_code == 429
    assert "This account is locked for now" in locked.content.decode()


def test_a_signed_in_user_reaches_home_and_passwords_use_argon2(
    client, personas
) -> None:
    response = client.post(
        reverse("login"), {"username": "prac_a", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert "Hello" in client.get("/").content.decode()
    assert (
        settings.PASSWORD_HASHERS
    )  # test settings use a fast hasher; production below


def test_production_settings_hash_with_argon2_and_expire_idle_sessions() -> None:
    from selfdirect.config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert production.SESSION_COOKIE_AGE == 30 * 60
    assert production.SESSION_SAVE_EVERY_REQUEST is False  # the middleware moves it


def test_the_403_page_says_who_can_use_the_page_and_who_to_ask(
    client, personas
) -> None:
    client.force_login(personas.finance_officer)
    response = client.get(reverse("people:caseload"))
    text = response.content.decode()
    assert response.status_code == 403
    assert "Practitioner" in text and "Inspector" in text
    assert "ask your team manager or the system administrator" in text


def test_an_inspector_whose_access_has_ended_cannot_sign_in(client, personas) -> None:
    response = client.post(
        reverse("login"),
        {"username": "old_inspector", "password": "a-long-test-password"},
    )
    assert "Your access has ended" in response.content.decode()


def test_roles_without_people_records_get_their_own_pages_on_home(
    client, personas
) -> None:
    from django.urls import reverse

    client.force_login(personas.finance_officer)
    finance = client.get(reverse("home")).content.decode()
    assert reverse("delivery:finance") in finance
    assert "still being built" not in finance
    client.force_login(personas.panel_member)
    panel = client.get(reverse("home")).content.decode()
    assert reverse("panel:waiting_list") in panel
    assert reverse("delivery:finance") not in panel

"""Password reset by email, administrators' resets, forced change, and the hasher."""

import re
from typing import Any

import pytest
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    check_password,
    identify_hasher,
    make_password,
)
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from selfdirect.accounts.hashers import TunedArgon2PasswordHasher
from selfdirect.audit.models import AuditEvent

GOOD = "a-long-test-password"
NEW = "heather-on-the-hill-2026"


def _reset_link(message: Any) -> str:
    found = re.search(r"http://testserver(/accounts/password-reset/\S+/)", message.body)
    assert found is not None
    return found.group(1)


def test_a_reset_link_is_emailed_and_sets_a_new_password(client, personas) -> None:
    user = personas.practitioner_a
    user.email = "prac.a@example.org"
    user.save()
    response = client.post(reverse("password_reset"), {"email": "prac.a@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["prac.a@example.org"]
    link = client.get(_reset_link(mail.outbox[0]), follow=True)
    assert b"Choose a new password" in link.content
    done = client.post(
        link.redirect_chain[-1][0],
        {"new_password1": NEW, "new_password2": NEW},
    )
    assert done["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert sorted(actions) == ["account.password_reset", "account.password_reset_sent"]
    # the link works once
    again = client.get(_reset_link(mail.outbox[0]), follow=True)
    assert b"This link does not work" in again.content


def test_the_reset_page_says_the_same_for_an_unknown_address(client, personas) -> None:
    personas.practitioner_a.email = "prac.a@example.org"
    personas.practitioner_a.save()
    known = client.post(reverse("password_reset"), {"email": "prac.a@example.org"})
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_no_reset_link_for_closed_or_expired_accounts(client, personas) -> None:
    expired = personas.expired_inspector
    expired.email = "old@example.org"
    expired.save()
    client.post(reverse("password_reset"), {"email": "old@example.org"})
    assert mail.outbox == []


def test_an_administrator_sends_a_reset_link(client, personas) -> None:
    colleague = personas.practitioner_a
    colleague.email = "prac.a@example.org"
    colleague.save()
    client.force_login(personas.administrator)
    response = client.post(reverse("staff_send_reset_link", args=[colleague.pk]))
    assert response.status_code == 302
    assert mail.outbox[0].to == ["prac.a@example.org"]
    event = AuditEvent.objects.get(action="account.password_reset_sent")
    assert event.actor == personas.administrator
    assert event.detail == {"user": "prac_a", "by_administrator": True}


def test_a_temporary_password_must_be_changed_at_next_sign_in(client, personas) -> None:
    colleague = personas.practitioner_a
    client.force_login(personas.administrator)
    page = client.get(reverse("staff_temporary_password", args=[colleague.pk]))
    assert page.status_code == 200
    temporary = "blue-kettle-morning-44"
    client.post(
        reverse("staff_temporary_password", args=[colleague.pk]),
        {"new_password1": temporary, "new_password2": temporary},
    )
    colleague.refresh_from_db()
    assert colleague.must_change_password
    assert AuditEvent.objects.get(action="account.temporary_password_set").actor == (
        personas.administrator
    )
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "prac_a", "password": temporary})
    assert client.get("/people/")["Location"] == reverse("password_change")
    changed = client.post(
        reverse("password_change"),
        {"old_password": temporary, "new_password1": NEW, "new_password2": NEW},
    )
    assert changed["Location"] == reverse("password_change_done")
    assert client.get("/people/").status_code == 200
    colleague.refresh_from_db()
    assert not colleague.must_change_password
    assert AuditEvent.objects.filter(action="account.password_changed").exists()


def test_a_weak_temporary_password_is_refused_in_plain_english(
    client, personas
) -> None:
    client.force_login(personas.administrator)
    url = reverse("staff_temporary_password", args=[personas.practitioner_a.pk])
    page = client.post(url, {"new_password1": "short", "new_password2": "other"})
    assert b"The two new passwords must be the same" in page.content


@pytest.mark.parametrize(
    "name", ["staff_accounts", "staff_account", "staff_temporary_password"]
)
def test_only_administrators_reset_colleagues(client, personas, name: str) -> None:
    kwargs = {} if name == "staff_accounts" else {"user_id": personas.dpo.pk}
    url = reverse(name, kwargs=kwargs)
    for persona in ["manager_a", "dpo", "quality_lead", "practitioner_a"]:
        client.force_login(getattr(personas, persona))
        assert client.get(url).status_code == 403
    client.force_login(personas.administrator)
    assert client.get(url).status_code == 200
    assert client.get(reverse("login")).status_code == 302  # already signed in


def test_sending_a_reset_link_needs_an_administrator(client, personas) -> None:
    client.force_login(personas.manager_a)
    url = reverse("staff_send_reset_link", args=[personas.practitioner_a.pk])
    assert client.post(url).status_code == 403


@override_settings(
    PASSWORD_HASHERS=["selfdirect.accounts.hashers.TunedArgon2PasswordHasher"],
    ARGON2_MEMORY_KIB=8 * 1024,
    ARGON2_TIME_COST=1,
    ARGON2_PARALLELISM=1,
)
def test_the_hasher_uses_the_configured_cost_and_upgrades_old_hashes() -> None:
    current = make_password(GOOD)
    assert "$m=8192,t=1,p=1$" in current
    assert identify_hasher(current).algorithm == "argon2"
    assert check_password(GOOD, current)
    assert not TunedArgon2PasswordHasher().must_update(current)
    # a hash made at Django's default cost still checks, and is re-made at the
    # configured cost when its owner next signs in
    old = Argon2PasswordHasher().encode(GOOD, "somesaltsomesalt")
    assert "$m=102400,t=2,p=8$" in old
    assert check_password(GOOD, old)
    assert TunedArgon2PasswordHasher().must_update(old)

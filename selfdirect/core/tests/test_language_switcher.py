"""The language switcher: a no-JS form in the footer, and the Gaelic catalogue."""

from django.urls import reverse


def test_anyone_can_change_language_even_before_signing_in(client, db) -> None:
    response = client.post(
        reverse("set_language"), {"language": "gd", "next": "/accounts/sign-in/"}
    )
    assert response.status_code == 302
    assert (
        ">Clàraich a-steach</button>"
        in client.get("/accounts/sign-in/").content.decode()
    )
    assert '<html lang="gd">' in client.get("/accounts/sign-in/").content.decode()


def test_the_footer_has_a_labelled_language_switcher(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert '<label class="ds_label" for="language-switcher">Language</label>' in html
    assert '<option value="gd" lang="gd">Gàidhlig</option>' in html
    assert '<option value="en-gb" lang="en-gb" selected>English</option>' in html
    assert ">Change language</button>" in html


def test_choosing_gaelic_uses_the_catalogue_and_falls_back_to_english(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        reverse("set_language"), {"language": "gd", "next": reverse("home")}
    )
    assert response.status_code == 302
    html = client.get(reverse("home")).content.decode()
    assert ">Clàraich a-mach</button>" in html  # "Sign out", translated
    assert "Find a person" in html  # not translated yet, so in English

"""The language switcher and WCAG 3.1.1: a page is marked Gaelic only when its
text is, so a translation is offered only once its catalogue is complete enough."""

from django.test import override_settings
from django.urls import reverse

from selfdirect.core.i18n import completeness, offered_languages

SIGN_IN = "/accounts/sign-in/"
ALL_OFFERED = override_settings(LANGUAGE_MIN_COMPLETENESS=0)


def test_completeness_is_read_from_our_own_catalogue() -> None:
    assert 0 < completeness("gd") < 95  # a few strings translated so far
    assert completeness("fr") == 0  # no catalogue at all


def test_an_incomplete_catalogue_is_not_offered() -> None:
    assert offered_languages() == [("en-gb", "English")]
    with ALL_OFFERED:
        assert offered_languages() == [("en-gb", "English"), ("gd", "Gàidhlig")]


def test_a_page_stays_english_when_gaelic_is_asked_for_but_not_offered(
    client, db
) -> None:
    client.post(reverse("set_language"), {"language": "gd", "next": SIGN_IN})
    html = client.get(SIGN_IN).content.decode()
    assert '<html lang="en-GB">' in html
    assert ">Sign in</button>" in html
    assert 'lang="gd"' not in html
    from_browser = client.get(SIGN_IN, headers={"accept-language": "gd"})
    assert '<html lang="en-GB">' in from_browser.content.decode()


def test_with_only_one_language_offered_there_is_no_switcher(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert 'id="language-switcher"' not in html


@ALL_OFFERED
def test_anyone_can_change_to_an_offered_language_before_signing_in(client, db) -> None:
    response = client.post(reverse("set_language"), {"language": "gd", "next": SIGN_IN})
    assert response.status_code == 302
    html = client.get(SIGN_IN).content.decode()
    assert ">Clàraich a-steach</button>" in html
    assert '<html lang="gd">' in html


@ALL_OFFERED
def test_the_footer_has_a_labelled_switcher_of_offered_languages(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert '<label class="ds_label" for="language-switcher">Language</label>' in html
    assert '<option value="gd" lang="gd">Gàidhlig</option>' in html
    assert '<option value="en-gb" lang="en-gb" selected>English</option>' in html
    assert ">Change language</button>" in html


@ALL_OFFERED
def test_the_switcher_button_is_translated(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    client.post(reverse("set_language"), {"language": "gd", "next": reverse("home")})
    html = client.get(reverse("home")).content.decode()
    assert ">Atharraich an cànan</button>" in html  # "Change language"
    assert ">Clàraich a-mach</button>" in html  # "Sign out"

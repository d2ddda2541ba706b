"""The language switcher: a no-JS form in the footer, and the Gaelic catalogue."""

import pytest
from django.urls import include, path, reverse

from selfdirect.config.urls import urlpatterns as site_urlpatterns

# The site's URLs plus Django's set_language view, as config/urls.py will have them.
urlpatterns = [*site_urlpatterns, path("i18n/", include("django.conf.urls.i18n"))]


def test_without_the_set_language_url_the_footer_has_no_switcher(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    assert 'name="language"' not in client.get(reverse("home")).content.decode()


@pytest.mark.urls(__name__)
def test_the_footer_has_a_labelled_language_switcher(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert '<label class="ds_label" for="language-switcher">Language</label>' in html
    assert '<option value="gd" lang="gd">Gàidhlig</option>' in html
    assert '<option value="en-gb" lang="en-gb" selected>English</option>' in html
    assert ">Change language</button>" in html


@pytest.mark.urls(__name__)
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

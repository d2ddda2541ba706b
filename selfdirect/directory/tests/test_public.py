"""The community directory opens to the public only where the partnership chooses
(settings.DIRECTORY_PUBLIC, off by default)."""

import pytest
from django.urls import reverse

from selfdirect.directory.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _pages() -> list[str]:
    service = ServiceFactory.create(name="Dalmuir lunch club")
    return [
        reverse("directory:search"),
        reverse("directory:search") + "?q=lunch",
        reverse("directory:service", args=[service.pk]),
    ]


def test_by_default_visitors_sign_in_first(client) -> None:
    for url in _pages():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_public_directory_is_searched_without_signing_in(client, settings) -> None:
    settings.DIRECTORY_PUBLIC = True
    search, results, service = _pages()
    assert client.get(search).status_code == 200
    assert "Dalmuir lunch club" in client.get(results).content.decode()
    page = client.get(service).content.decode()
    assert "Dalmuir lunch club" in page
    assert "Change this entry" not in page  # nor who changed it
    assert 'class="ds_site-navigation' not in page


def test_a_public_directory_still_refuses_roles_without_it(
    client, settings, personas
) -> None:
    settings.DIRECTORY_PUBLIC = True
    client.force_login(personas.administrator)
    assert client.get(reverse("directory:search")).status_code == 403

import datetime
import re
from unittest import mock

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.directory import rules
from selfdirect.directory.models import Service
from selfdirect.directory.selectors import stale_services
from selfdirect.directory.tests.factories import (
    OrganizationFactory,
    ServiceFactory,
    TaxonomyTermFactory,
)


@pytest.fixture
def curator(db):
    return UserFactory.create(role=Role.TEAM_MANAGER)


def test_stale_before_is_the_same_day_months_earlier(settings) -> None:
    assert rules.stale_before(datetime.date(2026, 11, 24), 12) == datetime.date(
        2025, 11, 24
    )
    assert rules.stale_before(datetime.date(2026, 3, 31), 1) == datetime.date(
        2026, 2, 28
    )
    settings.DIRECTORY_STALE_MONTHS = 6
    assert rules.stale_months() == 6


@pytest.mark.django_db
def test_stale_list_has_unchecked_and_old_active_entries_oldest_first(
    client, curator, django_assert_max_num_queries
) -> None:
    today = datetime.date(2026, 11, 24)
    ServiceFactory.create(name="Recent", last_checked_on=datetime.date(2026, 6, 1))
    ServiceFactory.create(name="Old", last_checked_on=datetime.date(2025, 1, 1))
    ServiceFactory.create(name="Older", last_checked_on=datetime.date(2024, 1, 1))
    ServiceFactory.create(name="Never", last_checked_on=None)
    ServiceFactory.create(name="Closed", last_checked_on=None, status="defunct")
    names = [s.name for s in stale_services(today, 12)]
    assert names == ["Never", "Older", "Old"]
    client.force_login(curator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("directory:stale"))
    assert "Older" in response.content.decode()


@pytest.mark.django_db
def test_a_curator_adds_a_service_with_its_needs_and_owns_it(client, curator) -> None:
    org, term = OrganizationFactory.create(), TaxonomyTermFactory.create(name="Company")
    client.force_login(curator)
    response = client.post(
        reverse("directory:add_service"),
        {
            "name": "Dalmuir lunch club",
            "organization": org.pk,
            "description": "Soup and a blether",
            "status": "active",
            "terms": [term.pk],
        },
    )
    service = Service.objects.get(name="Dalmuir lunch club")
    assert response.status_code == 302
    assert service.owner == curator and service.last_checked_on is not None
    assert list(service.attributes.values_list("taxonomy_term", flat=True)) == [term.pk]
    assert AuditEvent.objects.filter(action="directory.service_added").exists()


@pytest.mark.django_db
def test_bad_input_changes_nothing(client, curator) -> None:
    service = ServiceFactory.create(name="Walking group")
    client.force_login(curator)
    response = client.post(
        reverse("directory:edit_service", args=[service.pk]),
        {"name": "", "organization": service.organization_id, "version": 1},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    service.refresh_from_db()
    assert service.name == "Walking group" and service.version == 1


@pytest.mark.django_db
def test_two_curators_editing_at_once_never_overwrite_silently(client, curator) -> None:
    service = ServiceFactory.create(name="Walking group")
    data = {
        "name": "Walking group (Saturdays)",
        "organization": service.organization_id,
        "status": "active",
        "version": 1,
    }
    client.force_login(curator)
    first = client.post(reverse("directory:edit_service", args=[service.pk]), data)
    assert first.status_code == 302
    second = client.post(
        reverse("directory:edit_service", args=[service.pk]),
        {**data, "name": "Walking group (Sundays)"},
    )
    assert second.status_code == 200
    assert "Someone else changed this record" in second.content.decode()
    service.refresh_from_db()
    assert service.name == "Walking group (Saturdays)" and service.version == 2
    # The conflict page carries the version now saved: saving again goes through.
    version = re.search(r'name="version" value="(\d+)"', second.content.decode())
    assert version is not None and version[1] == "2"
    again = client.post(
        reverse("directory:edit_service", args=[service.pk]),
        {**data, "name": "Walking group (Sundays)", "version": version[1]},
    )
    assert again.status_code == 302
    service.refresh_from_db()
    assert service.name == "Walking group (Sundays)" and service.version == 3


@pytest.mark.django_db
def test_a_new_service_is_checked_on_the_local_date(client, curator) -> None:
    """Just after midnight in Scotland in summer (BST) is still the day before in UTC."""
    org = OrganizationFactory.create()
    client.force_login(curator)
    late = datetime.datetime(2026, 6, 10, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late):
        client.post(
            reverse("directory:add_service"),
            {"name": "Night owls", "organization": org.pk, "status": "active"},
        )
    service = Service.objects.get(name="Night owls")
    assert service.last_checked_on == datetime.date(2026, 6, 11)


@pytest.mark.django_db
def test_mark_checked_sets_today_and_refuses_a_stale_version(client, curator) -> None:
    service = ServiceFactory.create(last_checked_on=datetime.date(2024, 1, 1))
    client.force_login(curator)
    url = reverse("directory:mark_checked", args=[service.pk])
    client.post(url, {"version": 1})
    service.refresh_from_db()
    assert service.last_checked_on == datetime.date.today()  # noqa: DTZ011
    assert service.version == 2
    response = client.post(url, {"version": 1}, follow=True)
    assert "Someone changed this entry" in response.content.decode()
    service.refresh_from_db()
    assert service.version == 2


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["add_service", "stale"])
def test_practitioners_may_not_curate(client, name) -> None:
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    assert client.get(reverse(f"directory:{name}")).status_code == 403


@pytest.mark.django_db
def test_practitioners_may_not_change_or_check_an_entry(client) -> None:
    service = ServiceFactory.create()
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    edit = reverse("directory:edit_service", args=[service.pk])
    checked = reverse("directory:mark_checked", args=[service.pk])
    assert client.get(edit).status_code == 403
    assert client.post(checked, {"version": 1}).status_code == 403
    page = client.get(reverse("directory:service", args=[service.pk]))
    assert "Mark as checked today" not in page.content.decode()

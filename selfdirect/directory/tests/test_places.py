import datetime

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.directory.models import Postcode, Schedule, Service, ServiceAtLocation
from selfdirect.directory.selectors import SearchFilters, locate, search_services
from selfdirect.directory.tests.factories import ServiceFactory

PLACE = {
    "version": 1,
    "name": "Dalmuir Community Centre",
    "address_1": "1 Main Street",
    "city": "Clydebank",
    "postcode": "g81 4ab",
    "transportation": "Bus 60 stops outside",
    "accessibility": "Step-free access",
    "days": ["TU", "TH"],
    "opens_at": "11:30",
    "closes_at": "14:00",
    "times_note": "Tuesdays and Thursdays, 11:30 to 2pm",
}


@pytest.fixture
def curator(db):
    return UserFactory.create(role=Role.TEAM_MANAGER)


@pytest.fixture
def service(db):
    Postcode.objects.create(postcode="G81 4AB", latitude=55.91, longitude=-4.40)
    return ServiceFactory.create(name="Lunch club")


def test_a_curator_adds_a_place_with_opening_times_found_by_search(
    client, curator, service
) -> None:
    client.force_login(curator)
    response = client.post(reverse("directory:add_place", args=[service.pk]), PLACE)
    assert response.status_code == 302
    place = ServiceAtLocation.objects.get(service=service)
    location = place.location
    assert (location.latitude, location.longitude) == (55.91, -4.40)
    address = location.addresses.get()
    assert (address.city, address.postal_code) == ("Clydebank", "G81 4AB")
    schedule = place.schedules.get()
    assert (schedule.freq, schedule.byday) == ("WEEKLY", "TU,TH")
    assert schedule.opens_at == datetime.time(11, 30)
    service.refresh_from_db()
    assert service.version == 2
    near = search_services(
        SearchFilters(miles=1),
        now=datetime.datetime(2026, 11, 3, 12, tzinfo=datetime.UTC),
        origin=locate("G81 4AB"),
    )
    assert list(near) == [service]
    page = client.get(reverse("directory:service", args=[service.pk])).content.decode()
    assert "Change Dalmuir Community Centre and its opening times" in page
    assert "Tuesdays and Thursdays, 11:30 to 2pm" in page


def test_changing_a_place_updates_it_in_place_and_keeps_one_schedule(
    client, curator, service
) -> None:
    client.force_login(curator)
    client.post(reverse("directory:add_place", args=[service.pk]), PLACE)
    place = ServiceAtLocation.objects.get(service=service)
    url = reverse("directory:edit_place", args=[service.pk, place.pk])
    form = client.get(url).content.decode()
    assert 'value="Dalmuir Community Centre"' in form
    changed = {**PLACE, "version": 2, "days": ["WE"], "accessibility": ""}
    assert client.post(url, changed).status_code == 302
    place.refresh_from_db()
    assert [s.byday for s in place.schedules.all()] == ["WE"]
    assert not place.location.accessibility.exists()
    assert place.location.history.count() == 2


def test_a_stale_version_is_refused_and_nothing_changes(
    client, curator, service
) -> None:
    client.force_login(curator)
    client.post(reverse("directory:add_place", args=[service.pk]), PLACE)
    response = client.post(
        reverse("directory:add_place", args=[service.pk]),
        {**PLACE, "name": "Second place"},
    )
    assert "Someone else changed this record" in response.content.decode()
    assert ServiceAtLocation.objects.filter(service=service).count() == 1


def test_bad_times_or_postcode_get_errors_and_change_nothing(
    client, curator, service
) -> None:
    client.force_login(curator)
    response = client.post(
        reverse("directory:add_place", args=[service.pk]),
        {**PLACE, "postcode": "nowhere", "closes_at": "10:00", "days": []},
    )
    text = response.content.decode()
    assert "Enter a full postcode, like G81 4AB" in text
    assert "It must close after it opens" in text
    assert "Choose the days it is open" in text
    assert not ServiceAtLocation.objects.exists() and not Schedule.objects.exists()
    assert Service.objects.get().version == 1


def test_an_unknown_postcode_is_saved_with_a_warning(client, curator, service) -> None:
    client.force_login(curator)
    response = client.post(
        reverse("directory:add_place", args=[service.pk]),
        {**PLACE, "postcode": "G84 7ZZ"},
        follow=True,
    )
    assert "not in the postcode table" in response.content.decode()
    assert ServiceAtLocation.objects.get().location.latitude is None


def test_practitioners_may_not_change_places(client, service) -> None:
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    url = reverse("directory:add_place", args=[service.pk])
    assert client.post(url, PLACE).status_code == 403
    assert not ServiceAtLocation.objects.exists()


def test_a_place_of_another_service_is_not_found(client, curator, service) -> None:
    client.force_login(curator)
    client.post(reverse("directory:add_place", args=[service.pk]), PLACE)
    place = ServiceAtLocation.objects.get()
    other = ServiceFactory.create()
    url = reverse("directory:edit_place", args=[other.pk, place.pk])
    assert client.get(url).status_code == 404

import datetime
import re

import pytest
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.directory.models import (
    Accessibility,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
)
from selfdirect.directory.selectors import SearchFilters, locate, search_services
from selfdirect.directory.tests.factories import ServiceFactory, place

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


def test_after_a_conflict_saving_again_with_the_new_version_goes_through(
    client, curator, service
) -> None:
    client.force_login(curator)
    client.post(reverse("directory:add_place", args=[service.pk]), PLACE)
    url = reverse("directory:add_place", args=[service.pk])
    conflict = client.post(url, {**PLACE, "name": "Second place"})
    text = conflict.content.decode()
    assert "Someone else changed this record" in text
    version = re.search(r'name="version" value="(\d+)"', text)
    assert version is not None and version[1] == "2"
    assert 'value="Second place"' in text  # what was typed is kept
    again = client.post(url, {**PLACE, "name": "Second place", "version": version[1]})
    assert again.status_code == 302
    assert ServiceAtLocation.objects.filter(service=service).count() == 2


def _imported_place(service, **kwargs):
    location = place(service, postcode="G84 7ZZ", latitude=56.0, longitude=-4.7)
    return ServiceAtLocation.objects.get(location=location), location


def test_an_unknown_unchanged_postcode_keeps_imported_coordinates(
    client, curator, service
) -> None:
    sal, location = _imported_place(service)
    client.force_login(curator)
    url = reverse("directory:edit_place", args=[service.pk, sal.pk])
    response = client.post(
        url, {**PLACE, "postcode": "g84 7zz", "name": "Renamed"}, follow=True
    )
    assert "not in the postcode table" not in response.content.decode()
    location.refresh_from_db()
    assert location.name == "Renamed"
    assert (location.latitude, location.longitude) == (56.0, -4.7)
    # Moving it to another unknown postcode drops the old coordinates, with a warning.
    response = client.post(
        url, {**PLACE, "version": 2, "postcode": "G84 8YY"}, follow=True
    )
    assert "not in the postcode table" in response.content.decode()
    location.refresh_from_db()
    assert (location.latitude, location.longitude) == (None, None)


def test_only_the_first_of_several_imported_schedules_is_changed(
    client, curator, service
) -> None:
    sal, location = _imported_place(service)
    first, second = (
        Schedule.objects.create(
            service_at_location=sal,
            freq="WEEKLY",
            byday=day,
            opens_at=datetime.time(10),
            closes_at=datetime.time(12),
            description=words,
        )
        for day, words in (("MO", "Mondays"), ("FR", "Fridays"))
    )
    Accessibility.objects.create(location=location, description="Ramp")
    Accessibility.objects.create(location=location, description="Hearing loop")
    client.force_login(curator)
    url = reverse("directory:edit_place", args=[service.pk, sal.pk])
    page = client.get(url).content.decode()
    assert "This place has 2 more opening times or access notes" in page
    changed = {**PLACE, "days": ["WE"], "times_note": "Wednesdays"}
    assert client.post(url, changed).status_code == 302
    ordered = sorted([first, second], key=lambda s: s.pk)
    kept = Schedule.objects.get(pk=ordered[1].pk)
    assert kept.description == ordered[1].description
    assert Schedule.objects.get(pk=ordered[0].pk).byday == "WE"
    assert location.accessibility.count() == 2
    # Clearing the days removes only the first schedule, the one the form showed.
    cleared = {**PLACE, "version": 2, "days": [], "opens_at": "", "closes_at": ""}
    assert client.post(url, cleared).status_code == 302
    assert list(sal.schedules.values_list("pk", flat=True)) == [ordered[1].pk]

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.directory.models import Postcode
from selfdirect.directory.tests.factories import ServiceFactory, full_service, place

ONS = (
    "pcd,pcd2,pcds,dointr,lat,long\n"
    '"G811AA","G81  1AA","G81 1AA",198001,55.901234,-4.401234\n'
    '"G821ZZ","G82  1ZZ","G82 1ZZ",198001,99.999999,0.000000\n'
    '"G831BB","G83  1BB","G83 1BB",198001,56.001,-4.58\n'
)
# Code-Point Open: no header; postcode, quality, eastings, northings, ...
CODE_POINT = '"G81 1AA",10,250000,671000,"S92000003"\n"G82 9ZZ",90,0,0,""\n'


@pytest.mark.django_db
def test_ons_postcode_directory_imports_and_reimports_without_duplicates(
    tmp_path,
) -> None:
    path = tmp_path / "onspd.csv"
    path.write_text(ONS)
    call_command("postcodes", "import", str(path), verbosity=0)
    call_command("postcodes", "import", str(path), verbosity=0)
    assert Postcode.objects.count() == 2  # the 99.999999 row has no location
    row = Postcode.objects.get(postcode="G81 1AA")
    assert (row.latitude, row.longitude) == (55.901234, -4.401234)


@pytest.mark.django_db
def test_code_point_open_eastings_and_northings_become_latitude_and_longitude(
    tmp_path,
) -> None:
    path = tmp_path / "g.csv"
    path.write_text(CODE_POINT)
    call_command("postcodes", "import", str(path), verbosity=0)
    row = Postcode.objects.get()
    assert row.postcode == "G81 1AA"
    # Around Clydebank: OSGB (250000, 671000) is about 55.90 N, 4.39 W.
    assert 55.8 < row.latitude < 56.0 and -4.5 < row.longitude < -4.3
    Postcode.objects.filter(pk="G81 1AA").update(latitude=0)
    call_command("postcodes", "import", str(path), verbosity=0)
    assert Postcode.objects.get().latitude > 55  # updated, not duplicated


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(CommandError, match="No such file"):
        call_command("postcodes", "import", str(tmp_path / "nope.csv"))


@pytest.mark.django_db
def test_the_api_lists_services_in_the_hsds_page_shape(client) -> None:
    full_service(name="Dalmuir lunch club")
    for n in range(3):
        ServiceFactory.create(name=f"Walking group {n}")
    client.force_login(UserFactory.create())
    page = client.get(
        reverse("api-v1:list_directory_services"), {"per_page": 2, "page": 2}
    ).json()
    assert {k: page[k] for k in page if k != "contents"} == {
        "total_items": 4,
        "total_pages": 2,
        "page_number": 2,
        "size": 2,
        "first_page": False,
        "last_page": True,
        "empty": False,
    }
    found = client.get(
        reverse("api-v1:list_directory_services"), {"search": "lunch"}
    ).json()
    assert found["total_items"] == 1
    service = found["contents"][0]
    assert service["name"] == "Dalmuir lunch club"
    assert service["organization"]["name"]
    assert service["schedules"] and service["contacts"]
    assert service["service_at_locations"][0]["location"]["addresses"]


@pytest.mark.django_db
def test_the_api_gives_one_service_and_404_for_an_unknown_one(client) -> None:
    service = full_service()
    client.force_login(UserFactory.create())
    url = reverse("api-v1:get_directory_service", args=[service.pk])
    body = client.get(url).json()
    assert body["id"] == str(service.pk) and body["name"] == "Lunch club"
    missing = reverse(
        "api-v1:get_directory_service", args=["00000000-0000-0000-0000-000000000000"]
    )
    assert client.get(missing).status_code == 404


@pytest.mark.django_db
def test_the_api_refuses_administrators_and_anonymous_callers(client) -> None:
    url = reverse("api-v1:list_directory_services")
    assert client.get(url).status_code in (401, 403, 404)
    client.force_login(UserFactory.create(role=Role.ADMINISTRATOR))
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_importing_postcodes_locates_places_that_had_no_coordinates(tmp_path) -> None:
    service = ServiceFactory.create()
    waiting = place(service, postcode="G81 1AA", latitude=None, longitude=None)
    imported = place(service, postcode="G83 1BB", latitude=56.5, longitude=-4.1)
    unknown = place(service, postcode="G84 7ZZ", latitude=None, longitude=None)
    path = tmp_path / "onspd.csv"
    path.write_text(ONS)
    call_command("postcodes", "import", str(path), verbosity=0)
    for location in (waiting, imported, unknown):
        location.refresh_from_db()
    assert (waiting.latitude, waiting.longitude) == (55.901234, -4.401234)
    assert (imported.latitude, imported.longitude) == (56.5, -4.1)  # never overwritten
    assert (unknown.latitude, unknown.longitude) == (None, None)

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.directory import rules
from selfdirect.directory.models import (
    Attribute,
    CostOption,
    Postcode,
    Schedule,
    Service,
)
from selfdirect.directory.selectors import (
    SearchFilters,
    localities,
    locate,
    normalise_postcode,
    outward_code,
    search_services,
)
from selfdirect.directory.tests.factories import (
    ServiceFactory,
    TaxonomyTermFactory,
    place,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
# A Tuesday, the 3rd of November 2026 (first Tuesday of the month), 12:00.
TUESDAY_NOON = datetime.datetime(2026, 11, 3, 12, 0, tzinfo=LONDON)
HOME = (55.9000, -4.4000)  # G81 1AA in these tests


def _names(filters: SearchFilters, **kwargs) -> list[str]:
    now = kwargs.pop("now", TUESDAY_NOON)
    return list(
        search_services(filters, now=now, **kwargs).values_list("name", flat=True)
    )


def _at(name: str, miles_north: float, **kwargs) -> Service:
    service = ServiceFactory.create(name=name)
    place(
        service,
        latitude=HOME[0] + miles_north / rules.MILES_PER_DEGREE_LATITUDE,
        longitude=HOME[1],
        **kwargs,
    )
    return service


@pytest.fixture
def postcodes(db) -> None:
    Postcode.objects.create(postcode="G81 1AA", latitude=HOME[0], longitude=HOME[1])


def test_postcodes_are_normalised_and_districts_found() -> None:
    assert normalise_postcode(" g811aa ") == "G81 1AA"
    assert normalise_postcode("not one") == ""
    assert outward_code("G81 1AA") == "G81"
    assert outward_code("g82") == "G82"
    assert outward_code("hello") == ""


@pytest.mark.django_db
def test_need_includes_services_of_its_sub_needs() -> None:
    company = TaxonomyTermFactory.create(name="Company")
    lunch = TaxonomyTermFactory.create(name="Lunch clubs", parent=company)
    walks = TaxonomyTermFactory.create(name="Walking", parent=lunch)
    for name, term in (("Club", lunch), ("Walk", walks), ("Lonely", company)):
        Attribute.objects.create(
            service=ServiceFactory.create(name=name), taxonomy_term=term
        )
    ServiceFactory.create(name="Unrelated")
    ServiceFactory.create(name="Closed", status=Service.Status.DEFUNCT)
    assert _names(SearchFilters(term=company.pk)) == ["Club", "Lonely", "Walk"]
    assert _names(SearchFilters(term=lunch.pk)) == ["Club", "Walk"]
    assert "Closed" not in _names(SearchFilters())


@pytest.mark.django_db
def test_postcode_distance_keeps_those_within_range_nearest_first(postcodes) -> None:
    _at("Three miles", 3)
    _at("One mile", 1)
    _at("Eight miles", 8)
    far_and_near = _at("Has a near branch", 7)
    place(far_and_near, latitude=HOME[0] + 2 / 69.05, longitude=HOME[1])
    origin = locate("g81 1aa")
    assert origin.located
    results = search_services(
        SearchFilters(postcode="G81 1AA", miles=5), now=TUESDAY_NOON, origin=origin
    )
    found = [(s.name, round(s.distance, 1)) for s in results]  # type: ignore[attr-defined]
    assert found == [
        ("One mile", 1.0),
        ("Has a near branch", 2.0),
        ("Three miles", 3.0),
    ]
    assert _names(SearchFilters(miles=10), origin=origin)[-1] == "Eight miles"


@pytest.mark.django_db
def test_unknown_postcode_falls_back_to_its_district(postcodes) -> None:
    _at("In G82", 1, postcode="G82 1AB")
    _at("In G81", 30, postcode="G81 9ZZ")
    origin = locate("G81 7XX")  # not in the table
    assert not origin.located and origin.fallback_district == "G81"
    assert _names(SearchFilters(), origin=origin) == ["In G81"]


@pytest.mark.django_db
def test_without_a_postcode_table_the_page_says_it_used_the_district(client) -> None:
    _at("In G81", 1, postcode="G81 9ZZ")
    client.force_login(UserFactory.create())
    response = client.get(reverse("directory:search"), {"postcode": "G81 1AA"})
    text = response.content.decode()
    assert 'id="fallback-note"' in text
    assert "services with a postcode in G81" in text
    assert "In G81" in text


@pytest.mark.django_db
def test_locality_filter_matches_the_town() -> None:
    _at("Dumbarton", 1, city="Dumbarton")
    _at("Clydebank", 1, city="Clydebank")
    assert _names(SearchFilters(locality="dumbarton")) == ["Dumbarton"]
    assert localities() == ["Clydebank", "Dumbarton"]


@pytest.mark.django_db
def test_free_text_needs_every_word_in_name_description_or_organisation() -> None:
    ServiceFactory.create(name="Lunch club", description="Soup and company")
    ServiceFactory.create(name="Walking group", description="Gentle walks, then lunch")
    ServiceFactory.create(name="Befriending", organization__name="Lunch Trust")
    assert _names(SearchFilters(query="lunch")) == [
        "Befriending",
        "Lunch club",
        "Walking group",
    ]
    assert _names(SearchFilters(query="LUNCH soup")) == ["Lunch club"]


def _schedule(name: str, **fields) -> None:
    Schedule.objects.create(service=ServiceFactory.create(name=name), **fields)


@pytest.mark.django_db
def test_open_now_reads_weekly_and_monthly_schedules_and_edge_times() -> None:
    noon, two = datetime.time(12), datetime.time(14)
    _schedule("Weekly Tue", freq="WEEKLY", byday="MO,TU", opens_at=noon, closes_at=two)
    _schedule("Weekly Wed", freq="WEEKLY", byday="WE", opens_at=noon, closes_at=two)
    _schedule("First Tue", freq="MONTHLY", byday="1TU", opens_at=noon, closes_at=two)
    _schedule("Last Tue", freq="MONTHLY", byday="-1TU", opens_at=noon, closes_at=two)
    _schedule(
        "Closes at noon",
        freq="WEEKLY",
        byday="TU",
        opens_at=datetime.time(9),
        closes_at=noon,
    )
    _schedule("Every day", opens_at=datetime.time(8), closes_at=datetime.time(20))
    _schedule("No times", freq="WEEKLY", byday="TU")
    _schedule(
        "Ended",
        freq="WEEKLY",
        byday="TU",
        opens_at=noon,
        closes_at=two,
        valid_to=datetime.date(2026, 10, 31),
    )
    # Opens at 12:00 exactly (open), closes at 12:00 exactly (closed).
    assert _names(SearchFilters(open_now=True)) == [
        "Every day",
        "First Tue",
        "Weekly Tue",
    ]
    last_tuesday = datetime.datetime(2026, 11, 24, 13, 59, tzinfo=LONDON)
    assert _names(SearchFilters(open_now=True), now=last_tuesday) == [
        "Every day",
        "Last Tue",
        "Weekly Tue",
    ]
    assert _names(SearchFilters(open_now=True), now=last_tuesday.replace(hour=14)) == [
        "Every day"
    ]


@pytest.mark.django_db
def test_free_and_accessibility_filters() -> None:
    free = _at("Free with ramp", 1, accessibility="Ramp at the side door")
    free.is_free = True
    free.save()
    CostOption.objects.create(service=free, amount=0)
    _at("Paid with loop", 1, accessibility="Hearing loop in the hall")
    _at("Nothing said", 1)
    assert _names(SearchFilters(free=True)) == ["Free with ramp"]
    assert _names(SearchFilters(accessibility=("step_free",))) == ["Free with ramp"]
    assert _names(SearchFilters(accessibility=("hearing_loop",))) == ["Paid with loop"]
    assert (
        rules.is_free([Decimal(0), None])
        and not rules.is_free([])
        and not rules.is_free([Decimal(2)])
    )


@pytest.mark.django_db
def test_search_page_shows_results_in_a_fixed_number_of_queries(
    client, postcodes, django_assert_max_num_queries
) -> None:
    term = TaxonomyTermFactory.create(name="Company")
    for n in range(25):
        service = _at(f"Club {n:02}", n / 10)
        Attribute.objects.create(service=service, taxonomy_term=term)
        Schedule.objects.create(service=service, freq="WEEKLY", byday="TU")
    client.force_login(UserFactory.create())
    query = {"need": str(term.pk), "postcode": "G81 1AA", "miles": "5"}
    with django_assert_max_num_queries(20):
        response = client.get(reverse("directory:search"), query)
    text = response.content.decode()
    assert "25 services found" in text
    assert text.index("Club 00") < text.index("Club 01")
    assert "Club 24" not in text  # page 2
    assert "0.1 miles" in text and "Bus 60 stops outside." in text
    page_two = client.get(reverse("directory:search"), {**query, "page": "2"})
    assert "Club 24" in page_two.content.decode()


@pytest.mark.django_db
def test_a_bad_postcode_gets_an_error_and_no_results(client) -> None:
    client.force_login(UserFactory.create())
    response = client.get(reverse("directory:search"), {"postcode": "nonsense"})
    text = response.content.decode()
    assert "Enter a postcode, like G81 1QF" in text
    assert "results-heading" not in text


@pytest.mark.django_db
def test_administrators_cannot_search_but_open_entries_they_curate(client) -> None:
    service = ServiceFactory.create()
    client.force_login(UserFactory.create(role="administrator"))
    assert client.get(reverse("directory:search")).status_code == 403
    assert (
        client.get(reverse("directory:service", args=[service.pk])).status_code == 200
    )

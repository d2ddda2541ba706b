import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selfdirect.audit.models import AuditEvent
from selfdirect.people.models import Person
from selfdirect.people.tests.factories import PersonFactory, valid_chi


def _new_person(personas, **overrides):
    data = {
        "first_name": "Isla",
        "last_name": "Docherty",
        "date_of_birth": "14/02/1939",
        "chi_number": "",
        "postcode": "G81 2AB",
        "consent_to_share": "given",
        "team": personas.team_a.pk,
        "preferred_language": "English",
    }
    data.update(overrides)
    return data


def test_a_practitioner_adds_a_person_who_is_allocated_to_their_team(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(reverse("people:add"), _new_person(personas))
    person = Person.objects.get(last_name="Docherty")
    assert response.status_code == 302
    assert person.allocations.get().team == personas.team_a
    assert person.history.count() == 1
    assert person.history.get().history_user == personas.practitioner_a


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("chi_number", "1402391235", "This CHI number is not valid"),
        ("chi_number", "12345", "A CHI number is 10 digits"),
        ("date_of_birth", "01/01/2099", "Date of birth must be today or in the past"),
        ("first_name", "", "Enter the first name"),
        ("postcode", "not a postcode", "Enter a real postcode"),
        (
            "communication_needs",
            "x" * (10 * 1024 * 1024),
            "Communication needs must be 10000 characters or fewer",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(
    client, personas, field: str, value: str, message: str
) -> None:
    client.force_login(personas.practitioner_a)
    before = Person.objects.count()
    response = client.post(
        reverse("people:add"), _new_person(personas, **{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert Person.objects.count() == before


def test_a_second_record_with_the_same_chi_is_refused_without_naming_the_team(
    client, personas
) -> None:
    chi = valid_chi(datetime.date(1939, 2, 14), 100)
    held = PersonFactory.create(
        chi_number=chi, first_name="Isla", last_name="Zebedee", team=personas.team_b
    )
    client.force_login(personas.practitioner_a)
    response = client.post(reverse("people:add"), _new_person(personas, chi_number=chi))
    text = response.content.decode()
    assert "A record with this CHI number already exists for this person" in text
    assert "Dumbarton East" not in text  # the holding team is not named
    assert "Zebedee" not in text  # the record itself is not shown
    assert "Ask for access" in text
    insisted = client.post(
        reverse("people:add"),
        _new_person(personas, chi_number=chi, not_a_duplicate="on"),
    ).content.decode()
    assert "A record with this CHI number already exists in the partnership" in insisted
    assert "Dumbarton East" not in insisted
    assert not Person.objects.filter(last_name="Docherty").exists()
    assert AuditEvent.objects.filter(
        action="person.duplicate_found", person=held, actor=personas.practitioner_a
    ).exists()


def test_a_likely_duplicate_is_shown_before_saving(client, personas) -> None:
    PersonFactory.create(
        first_name="Isla",
        last_name="Docherty",
        date_of_birth=datetime.date(1939, 2, 14),
        team=personas.team_b,
    )
    client.force_login(personas.practitioner_a)
    response = client.post(reverse("people:add"), _new_person(personas))
    assert "This person may already have a record" in response.content.decode()
    text = response.content.decode()
    assert "A record already exists for this person in the partnership" in text
    assert "Dumbarton East" not in text
    assert "Ask for access" in text
    assert Person.objects.filter(last_name="Docherty").count() == 1
    confirmed = client.post(
        reverse("people:add"), _new_person(personas, not_a_duplicate="on")
    )
    assert confirmed.status_code == 302
    assert Person.objects.filter(last_name="Docherty").count() == 2


def _edit_data(person, **overrides):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "date_of_birth": person.date_of_birth.strftime("%d/%m/%Y"),
        "postcode": person.postcode,
        "consent_to_share": person.consent_to_share,
        "status": person.status,
        "version": person.version,
    }
    data.update(overrides)
    return data


def test_an_edit_is_kept_in_history_with_before_and_after(client, personas) -> None:
    person = personas.person
    client.force_login(personas.practitioner_a)
    client.post(
        reverse("people:edit", args=[person.public_id]),
        _edit_data(person, postcode="G82 1AA"),
    )
    person.refresh_from_db()
    assert person.postcode == "G82 1AA"
    assert person.version == 2
    latest = person.history.first()
    change = latest.diff_against(latest.prev_record).changes
    assert [(c.field, c.old, c.new) for c in change if c.field == "postcode"] == [
        ("postcode", "G81 1UE", "G82 1AA")
    ]


def test_the_second_of_two_edits_is_refused_showing_what_changed_and_keeping_what_was_typed(
    client, personas
) -> None:
    person = personas.person
    url = reverse("people:edit", args=[person.public_id])
    client.force_login(personas.practitioner_a)
    first = client.post(url, _edit_data(person, postcode="G82 1AA"))
    assert first.status_code == 302
    client.force_login(personas.manager_a)
    second = client.post(
        url, _edit_data(person, phone="07700 900123")
    )  # still version 1
    text = second.content.decode()
    assert second.status_code == 200
    assert "Someone else changed this record while you were editing" in text
    assert "G81 1UE" in text and "G82 1AA" in text  # what changed, before and after
    assert 'value="07700 900123"' in text  # nothing typed is lost
    assert 'name="version" value="2"' in text
    person.refresh_from_db()
    assert person.phone == ""
    assert person.postcode == "G82 1AA"


def test_a_form_posted_after_the_session_ended_comes_back_filled_after_signing_in(
    client, personas
) -> None:
    person = personas.person
    url = reverse("people:record_first_contact", args=[person.public_id])
    client.force_login(personas.practitioner_a)
    client.get(url)
    # the session expired while the form was open: the browser drops its cookie
    del client.cookies[settings.SESSION_COOKIE_NAME]
    typed = {
        "reason": "My husband can't manage the stairs any more",
        "made_by": "family",
    }
    response = client.post(url, typed)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert person.first_contacts.count() == 1  # nothing saved while signed out
    # sign in again through the real sign-in form, in the same browser session
    signed_in = client.post(
        response["Location"], {"username": "prac_a", "password": "a-long-test-password"}
    )
    assert signed_in.status_code == 302
    page = client.get(url).content.decode()
    assert "My husband can&#x27;t manage the stairs any more" in page
    assert 'value="family" checked' in page
    # only once: reloading shows a fresh form
    assert "manage the stairs" not in client.get(url).content.decode()


def test_the_caseload_list_runs_a_fixed_number_of_queries(client, personas) -> None:
    for n in range(30):
        PersonFactory.create(first_name=f"Person{n}", team=personas.team_a)
    client.force_login(personas.practitioner_a)
    client.get(reverse("people:caseload"))  # the first page sets the session's expiry
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("people:caseload"))
    for n in range(30, 60):
        PersonFactory.create(first_name=f"Person{n}", team=personas.team_a)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("people:caseload") + "?page=2")
    assert response.status_code == 200
    assert len(many) == len(few)
    # 8: the session, the user, their two-factor device (django-otp's middleware),
    # their teams, the page's count and ids, the filter's choice lists (one
    # statement) and the page's rows with their allocations (one statement). The
    # session is saved only when its expiry moves by a minute (issue 18).
    assert len(many) <= 8


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("macl", True),
        ("mcleod", True),
        ("morag mac", True),
        ("G81 1UE", True),
        ("G81", True),
        ("smith", False),
    ],
)
def test_search_by_name_or_postcode(client, personas, query: str, found: bool) -> None:
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("people:caseload"), {"q": query})
    assert ("MacLeod" in response.content.decode()) is found


def test_search_by_chi_number(client, personas) -> None:
    chi = valid_chi(datetime.date(1948, 3, 27), 5)
    Person.objects.filter(pk=personas.person.pk).update(chi_number=chi)
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("people:caseload"), {"q": f"{chi[:6]} {chi[6:]}"})
    assert "MacLeod" in response.content.decode()


def test_filters_narrow_the_caseload(client, personas) -> None:
    other = PersonFactory.create(
        first_name="Ewan", last_name="Baird", team=personas.team_a
    )
    other.service_groups.set([1])
    client.force_login(personas.practitioner_a)
    response = client.get(
        reverse("people:caseload"), {"service_group": 1, "status": "open"}
    )
    text = response.content.decode()
    assert "Baird" in text and "MacLeod" not in text


def test_a_very_long_list_is_not_counted_in_full(client, personas, monkeypatch) -> None:
    monkeypatch.setattr("selfdirect.core.pagination.COUNT_CAP", 3)
    for n in range(5):
        PersonFactory.create(first_name=f"Extra{n}", team=personas.team_a)
    client.force_login(personas.practitioner_a)
    text = client.get(reverse("people:caseload")).content.decode()
    assert "More than 3 people" in text
    assert "Search by name, CHI number or postcode" in text


def test_people_in_their_life_held_by_another_team_are_named_without_a_link(
    client, personas
) -> None:
    carer_elsewhere = PersonFactory.create(
        first_name="Iona", last_name="Grant", team=personas.team_b
    )
    carer_here = PersonFactory.create(
        first_name="Calum", last_name="Reid", team=personas.team_a
    )
    for carer in (carer_elsewhere, carer_here):
        personas.person.relationships.create(kind="unpaid_carer", related_person=carer)
    client.force_login(personas.practitioner_a)
    text = client.get(reverse("people:detail", args=[personas.person.public_id]))
    html = text.content.decode()
    assert reverse("people:detail", args=[carer_here.public_id]) in html
    assert reverse("people:detail", args=[carer_elsewhere.public_id]) not in html
    assert "Iona Grant" in html
    assert "their record is held by another team" in html
    assert "Dumbarton East" not in html

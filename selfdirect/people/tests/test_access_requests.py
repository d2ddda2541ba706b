"""Asking for access to a record another team holds, deciding it, and emergency
(break-glass) access: the rule, the chokepoint honouring it, and the pages."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Purpose, Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AccessLog, AuditEvent
from selfdirect.people import access_requests, rules
from selfdirect.people.access import access_person
from selfdirect.people.access_requests import reference_for
from selfdirect.people.models import AccessRequest, FirstContact, Person

from .factories import AccessRequestFactory

# --- The rule -------------------------------------------------------------------


@override_settings(ACCESS_GRANT_DAYS=10, BREAK_GLASS_HOURS=3)
def test_a_grant_lasts_days_and_an_emergency_opening_hours() -> None:
    assert rules.access_lasts(break_glass=False) == datetime.timedelta(days=10)
    assert rules.access_lasts(break_glass=True) == datetime.timedelta(hours=3)


def test_a_request_is_decided_once_and_never_by_who_asked() -> None:
    assert (
        rules.decision_problem(status="pending", requested_by_id=1, deciding_id=2)
        is None
    )
    assert rules.decision_problem(status="granted", requested_by_id=1, deciding_id=2)
    assert rules.decision_problem(status="pending", requested_by_id=2, deciding_id=2)


# --- The chokepoint honours a grant in lists and single records ----------------


def _grant(
    personas, *, until: datetime.datetime, status: str = "granted"
) -> AccessRequest:
    return AccessRequestFactory.create(
        person=personas.person,
        requested_by=personas.practitioner_b,
        status=status,
        access_until=until,
    )


def _reaches(user, person, purpose=Purpose.PRACTICE) -> bool:
    return Person.objects.visible_to(user, purpose).filter(pk=person.pk).exists()


def test_an_open_grant_opens_the_record_in_lists_and_single_records(personas) -> None:
    outsider, person = personas.practitioner_b, personas.person
    assert not _reaches(outsider, person)
    _grant(personas, until=timezone.now() + datetime.timedelta(hours=1))
    assert _reaches(outsider, person)
    assert _reaches(outsider, person, Purpose.FINANCE)
    contacts = FirstContact.objects.visible_to(outsider, Purpose.PRACTICE)
    assert contacts.filter(person=person).exists()
    assert access_person(outsider, person.public_id) == person
    # A grant opens the record, never the panel's or data protection pages.
    assert not _reaches(outsider, person, Purpose.DATA_PROTECTION)


@pytest.mark.parametrize(
    ("status", "hours"),
    [("granted", -1), ("pending", 1), ("refused", 1)],
)
def test_an_ended_waiting_or_refused_request_opens_nothing(
    personas, status: str, hours: int
) -> None:
    until = timezone.now() + datetime.timedelta(hours=hours)
    _grant(personas, until=until, status=status)
    assert not _reaches(personas.practitioner_b, personas.person)
    with pytest.raises(Http404):
        access_person(personas.practitioner_b, personas.person.public_id)


def test_a_grant_opens_the_record_only_to_who_asked(personas) -> None:
    _grant(personas, until=timezone.now() + datetime.timedelta(hours=1))
    colleague = UserFactory.create(teams=[personas.team_b])
    assert not _reaches(colleague, personas.person)


def test_reach_with_grants_is_one_query(personas, django_assert_num_queries) -> None:
    _grant(personas, until=timezone.now() + datetime.timedelta(hours=1))
    user = personas.practitioner_b
    user.team_ids()
    with django_assert_num_queries(1):
        assert len(list(Person.objects.visible_to(user, Purpose.PRACTICE))) == 1


# --- Services ---------------------------------------------------------------------


def test_asking_waits_for_the_manager_and_is_audited(personas) -> None:
    asked = access_requests.ask_for_access(
        person=personas.person, by=personas.practitioner_b, reason="Duty call"
    )
    assert asked.status == AccessRequest.Status.PENDING
    assert AuditEvent.objects.filter(action="access.asked", person=personas.person)
    with pytest.raises(ValidationError):
        access_requests.ask_for_access(
            person=personas.person, by=personas.practitioner_b, reason="Again"
        )


@override_settings(ACCESS_GRANT_DAYS=28)
def test_a_grant_lasts_the_set_days_and_is_audited(personas) -> None:
    asked = AccessRequestFactory.create(
        person=personas.person, requested_by=personas.practitioner_b
    )
    access_requests.decide_access_request(
        request=asked, by=personas.manager_a, version=1, grant=True, reason="Yes"
    )
    asked.refresh_from_db()
    assert asked.status == AccessRequest.Status.GRANTED
    assert asked.decided_by == personas.manager_a
    expected = timezone.now() + datetime.timedelta(days=28)
    assert asked.access_until is not None
    assert abs(asked.access_until - expected) < datetime.timedelta(minutes=1)
    assert AuditEvent.objects.filter(action="access.granted", person=personas.person)
    assert _reaches(personas.practitioner_b, personas.person)
    with pytest.raises(ValidationError):
        access_requests.decide_access_request(
            request=asked, by=personas.manager_a, version=2, grant=False, reason="No"
        )


def test_a_refusal_gives_no_access_and_is_audited(personas) -> None:
    asked = AccessRequestFactory.create(
        person=personas.person, requested_by=personas.practitioner_b
    )
    access_requests.decide_access_request(
        request=asked, by=personas.manager_a, version=1, grant=False, reason="No"
    )
    asked.refresh_from_db()
    assert asked.status == AccessRequest.Status.REFUSED
    assert asked.access_until is None
    assert AuditEvent.objects.filter(action="access.refused", person=personas.person)
    assert not _reaches(personas.practitioner_b, personas.person)


@override_settings(BREAK_GLASS_HOURS=4)
def test_break_glass_opens_the_record_for_hours_logged_and_audited(personas) -> None:
    opened = access_requests.break_glass(
        person=personas.person,
        by=personas.practitioner_b,
        reason="Found unwell",
        page="people:break_glass",
    )
    expected = timezone.now() + datetime.timedelta(hours=4)
    assert opened.access_until is not None
    assert abs(opened.access_until - expected) < datetime.timedelta(minutes=1)
    assert _reaches(personas.practitioner_b, personas.person)
    assert AuditEvent.objects.filter(
        action="access.break_glass", person=personas.person
    )
    assert AccessLog.objects.filter(
        user=personas.practitioner_b, person=personas.person, action="break_glass"
    ).exists()


# --- Pages ------------------------------------------------------------------------


def _look_for_morag(client, personas) -> str:
    """Team B's practitioner adds Morag, whom team A holds: the duplicate check."""
    client.force_login(personas.practitioner_b)
    data = {
        "first_name": "Morag",
        "last_name": "MacLeod",
        "date_of_birth": "27/03/1948",
        "chi_number": "",
        "postcode": "G81 2AB",
        "consent_to_share": "given",
        "team": personas.team_b.pk,
        "preferred_language": "English",
    }
    return client.post(reverse("people:add"), data).content.decode()


def test_the_duplicate_check_says_a_record_exists_audits_and_offers_to_ask(
    client, personas
) -> None:
    html = _look_for_morag(client, personas)
    assert "A record already exists for this person in the partnership" in html
    assert personas.team_a.name not in html
    assert AuditEvent.objects.filter(
        action="person.duplicate_found",
        person=personas.person,
        actor=personas.practitioner_b,
    ).exists()
    ask = re.search(r'href="(/people/ask-for-access/[^"]+)"', html)
    assert ask is not None
    page = client.get(ask.group(1))
    assert page.status_code == 200
    assert b"MacLeod" not in page.content
    sent = client.post(ask.group(1), {"reason": "Her GP asked us to visit"})
    assert sent.status_code == 302
    assert (
        AccessRequest.objects.get(
            person=personas.person, requested_by=personas.practitioner_b
        ).reason
        == "Her GP asked us to visit"
    )


def test_a_reference_works_only_for_who_it_was_signed_for(client, personas) -> None:
    reference = reference_for(person=personas.person, user=personas.practitioner_b)
    url = reverse("people:ask_for_access", kwargs={"reference": reference})
    glass = reverse("people:break_glass", kwargs={"reference": reference})
    other = UserFactory.create(teams=[personas.team_b])
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.get(glass).status_code == 404
    bad = reverse("people:ask_for_access", kwargs={"reference": reference + "x"})
    client.force_login(personas.practitioner_b)
    assert client.get(bad).status_code == 404
    client.force_login(personas.finance_officer)
    assert client.get(url).status_code == 403


def test_someone_who_already_sees_the_record_is_sent_to_it(client, personas) -> None:
    reference = reference_for(person=personas.person, user=personas.practitioner_a)
    client.force_login(personas.practitioner_a)
    response = client.get(
        reverse("people:ask_for_access", kwargs={"reference": reference})
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "people:detail", kwargs={"person_id": personas.person.public_id}
    )


def test_only_the_holding_teams_manager_decides_and_the_requester_sees_it(
    client, personas
) -> None:
    asked = AccessRequestFactory.create(
        person=personas.person, requested_by=personas.practitioner_b
    )
    decide = reverse(
        "people:decide_access_request", kwargs={"request_id": asked.public_id}
    )
    manager_b = UserFactory.create(role=Role.TEAM_MANAGER, teams=[personas.team_b])
    client.force_login(manager_b)
    assert b"MacLeod" not in client.get(reverse("people:access_requests")).content
    assert client.get(decide).status_code == 404
    client.force_login(personas.practitioner_a)
    assert client.get(reverse("people:access_requests")).status_code == 403
    assert client.get(decide).status_code == 403
    client.force_login(personas.manager_a)
    assert b"MacLeod" in client.get(reverse("people:access_requests")).content
    response = client.post(
        decide, {"version": 1, "decision": "grant", "reason": "She agreed to it"}
    )
    assert response.status_code == 302
    client.force_login(personas.practitioner_b)
    mine = client.get(reverse("people:my_access_requests")).content.decode()
    assert "Granted" in mine
    assert "She agreed to it" in mine
    detail = client.get(
        reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    )
    assert detail.status_code == 200
    assert b"You were granted access until" in detail.content


def test_break_glass_says_it_is_audited_and_the_dpo_reviews_it(
    client, personas
) -> None:
    reference = reference_for(person=personas.person, user=personas.practitioner_b)
    url = reverse("people:break_glass", kwargs={"reference": reference})
    client.force_login(personas.practitioner_b)
    assert b"This is audited" in client.get(url).content
    opened = client.post(url, {"reason": "Found unwell at home"})
    assert opened["Location"] == reverse(
        "people:detail", kwargs={"person_id": personas.person.public_id}
    )
    assert b"in an emergency" in client.get(opened["Location"]).content
    assert client.get(reverse("people:break_glass_openings")).status_code == 403
    client.force_login(personas.dpo)
    listed = client.get(reverse("people:break_glass_openings")).content.decode()
    assert "Not reviewed" in listed
    opening = AccessRequest.objects.get(kind=AccessRequest.Kind.BREAK_GLASS)
    review = reverse(
        "people:review_break_glass", kwargs={"request_id": opening.public_id}
    )
    assert "Found unwell at home" in client.get(review).content.decode()
    done = client.post(review, {"version": 1, "outcome": "justified", "notes": ""})
    assert done.status_code == 302
    opening.refresh_from_db()
    assert opening.reviewed_by == personas.dpo
    assert opening.review_outcome == "justified"
    assert AuditEvent.objects.filter(action="access.break_glass_reviewed").exists()

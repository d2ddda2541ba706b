"""Signposting from a first contact to directory services, and its follow-up."""

import datetime

import pytest
from django.urls import reverse

from selfdirect.conversations.tests.factories import ConversationFactory
from selfdirect.directory.tests.factories import ServiceFactory
from selfdirect.people.models import FirstContact, Signposting
from selfdirect.people.tests.factories import FirstContactFactory


def _contact(**overrides):
    data = {
        "contact_date": "20/11/2026",
        "made_by": "family",
        "made_by_name": "Jean, daughter",
        "reason": "Mum is lonely since Dad died",
        "what_matters": "Company at lunchtime",
        "sds_discussed": "yes",
        "outcome": "signposted",
        "signposted_to": "",
        "follow_up_due": "04/12/2026",
    }
    data.update(overrides)
    return data


@pytest.fixture
def club(db):
    return ServiceFactory.create(
        name="Dalmuir lunch club", description="Soup and company"
    )


def test_find_lists_matching_directory_services_and_saves_nothing(
    client, personas, club
) -> None:
    ServiceFactory.create(name="Walking group")
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    before = FirstContact.objects.count()
    response = client.post(url, _contact(directory_search="lunch", find="1"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "Dalmuir lunch club" in text and "Walking group" not in text
    assert FirstContact.objects.count() == before


def test_a_first_contact_signposts_to_directory_services_and_named_others(
    client, personas, club
) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    response = client.post(
        url, _contact(services=[str(club.pk)], signposted_to="Church coffee morning")
    )
    assert response.status_code == 302
    contact = personas.person.first_contacts.get(made_by="family")
    rows = list(contact.signpostings.values_list("service", "support_name"))
    assert rows == [
        (club.pk, "Dalmuir lunch club"),
        (None, "Church coffee morning"),
    ]


def test_signposting_without_a_service_or_follow_up_date_changes_nothing(
    client, personas, club
) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    before = Signposting.objects.count()
    response = client.post(url, _contact(follow_up_due=""))
    text = response.content.decode()
    assert "Choose a directory service or name another community support" in text
    assert "Enter when to follow up the signposting" in text
    assert Signposting.objects.count() == before


def _signposted(personas, club):
    contact = FirstContactFactory.create(
        person=personas.person,
        team=personas.team_a,
        contact_date=datetime.date(2026, 10, 1),
        follow_up_due=datetime.date(2026, 10, 15),
    )
    signposting = Signposting.objects.create(
        first_contact=contact, service=club, support_name=club.name
    )
    return contact, signposting


def test_the_follow_up_records_use_and_need_met_per_service(
    client, personas, club
) -> None:
    contact, signposting = _signposted(personas, club)
    url = reverse(
        "people:record_follow_up",
        args=[personas.person.public_id, contact.public_id],
    )
    client.force_login(personas.practitioner_a)
    response = client.post(
        url,
        {
            "version": contact.version,
            "followed_up_on": "16/10/2026",
            "result": FirstContact.FollowUpResult.values[0],
            "notes": "Goes every Wednesday now",
            f"used_{signposting.pk}": "yes",
            f"met_{signposting.pk}": "yes",
        },
    )
    assert response.status_code == 302
    signposting.refresh_from_db()
    assert signposting.used_it is True and signposting.need_met is True


def test_a_bad_follow_up_changes_nothing(client, personas, club) -> None:
    contact, signposting = _signposted(personas, club)
    url = reverse(
        "people:record_follow_up",
        args=[personas.person.public_id, contact.public_id],
    )
    client.force_login(personas.practitioner_a)
    response = client.post(
        url,
        {
            "version": contact.version,
            "followed_up_on": "",
            f"used_{signposting.pk}": "yes",
            f"met_{signposting.pk}": "perhaps",
        },
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    signposting.refresh_from_db()
    contact.refresh_from_db()
    assert signposting.used_it is None and signposting.need_met is None
    assert contact.followed_up_on is None


@pytest.mark.journey("conversations")
def test_the_follow_up_pages_say_whether_a_formal_assessment_followed(
    client, personas, club
) -> None:
    contact, _ = _signposted(personas, club)
    client.force_login(personas.practitioner_a)
    args = [personas.person.public_id, contact.public_id]
    detail = reverse("people:first_contact", args=args)
    follow_up = reverse("people:record_follow_up", args=args)
    # The personas' own conversation (2 Nov 2026) came after this contact.
    for url in (detail, follow_up):
        text = client.get(url).content.decode()
        assert "Yes, a good conversation on 2 November 2026" in text
    ConversationFactory._meta.model.objects.filter(person=personas.person).update(
        conversation_date=datetime.date(2026, 9, 1)
    )
    text = client.get(detail).content.decode()
    assert "None recorded since this contact" in text


def test_an_outsider_cannot_follow_up(client, personas, club) -> None:
    contact, _ = _signposted(personas, club)
    url = reverse(
        "people:record_follow_up",
        args=[personas.person.public_id, contact.public_id],
    )
    client.force_login(personas.practitioner_b)
    assert client.get(url).status_code == 404


def test_without_a_search_the_signposting_error_is_on_the_field_shown(
    client, personas, club
) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    text = client.post(url, _contact()).content.decode()
    assert 'href="#id_signposted_to"' in text
    assert 'id="id_signposted_to"' in text
    assert 'href="#id_services"' not in text
    # With services listed, the error points at them.
    text = client.post(url, _contact(directory_search="lunch")).content.decode()
    assert 'href="#id_services' in text


def test_find_builds_the_form_and_searches_once(
    client, personas, club, monkeypatch
) -> None:
    from selfdirect.people import first_contact_forms as forms

    calls = []
    real = forms.signposting_choices

    def counted(search, chosen, postcode=""):
        calls.append(search)
        return real(search, chosen, postcode)

    monkeypatch.setattr(forms, "signposting_choices", counted)
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    client.post(url, _contact(directory_search="lunch", find="1"))
    assert calls == ["lunch"]


def test_changing_a_follow_up_without_touching_it_keeps_the_answers(
    client, personas, club
) -> None:
    contact, signposting = _signposted(personas, club)
    signposting.used_it, signposting.need_met = True, False
    signposting.save()
    contact.followed_up_on = datetime.date(2026, 10, 16)
    contact.follow_up_result = FirstContact.FollowUpResult.values[0]
    contact.save()
    url = reverse(
        "people:record_follow_up",
        args=[personas.person.public_id, contact.public_id],
    )
    client.force_login(personas.practitioner_a)
    page = client.get(url)
    form = page.context["form"]
    assert form[f"used_{signposting.pk}"].value() == "yes"
    assert form[f"met_{signposting.pk}"].value() == "no"
    # Save again with what the page shows, as a browser posts checked radios.
    data = {
        name: field.value()
        for name, field in ((f.name, f) for f in form)
        if field.value() is not None
    }
    data["followed_up_on"] = "16/10/2026"
    assert client.post(url, data).status_code == 302
    signposting.refresh_from_db()
    assert signposting.used_it is True and signposting.need_met is False
    # A question left unanswered does not erase an earlier answer either.
    contact.refresh_from_db()
    data = {**data, "version": contact.version}
    del data[f"used_{signposting.pk}"]
    assert client.post(url, data).status_code == 302
    signposting.refresh_from_db()
    assert signposting.used_it is True

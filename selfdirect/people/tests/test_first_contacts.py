import datetime

from django.urls import reverse

from selfdirect.people.models import FirstContact
from selfdirect.people.selectors import follow_ups_due


def _contact(**overrides):
    data = {
        "contact_date": "20/11/2026",
        "made_by": "family",
        "made_by_name": "Jean, daughter",
        "reason": "Mum fell last week and is frightened to go out",
        "what_matters": "Getting back to her lunch club on a Wednesday",
        "sds_discussed": "yes",
        "outcome": "signposted",
        "signposted_to": "Dalmuir lunch club\n\nCommunity transport",
        "follow_up_due": "04/12/2026",
    }
    data.update(overrides)
    return data


def test_it_records_a_first_contact_with_its_signposting(client, personas) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    response = client.post(url, _contact())
    assert response.status_code == 302
    contact = personas.person.first_contacts.get(made_by="family")
    assert contact.sds_discussed is True
    assert contact.team == personas.team_a
    assert [s.support_name for s in contact.signpostings.all()] == [
        "Dalmuir lunch club",
        "Community transport",
    ]
    assert contact.history.count() == 1


def test_it_asks_why_sds_was_not_discussed_and_for_a_follow_up_when_signposting(
    client, personas
) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    response = client.post(
        url, _contact(sds_discussed="no", signposted_to="", follow_up_due="")
    )
    text = response.content.decode()
    assert "Say why SDS was not discussed" in text
    assert "Choose a directory service or name another community support" in text
    assert "Enter when to follow up the signposting" in text
    assert personas.person.first_contacts.count() == 1


def test_a_contact_date_in_the_future_is_refused(client, personas) -> None:
    url = reverse("people:record_first_contact", args=[personas.person.public_id])
    client.force_login(personas.practitioner_a)
    response = client.post(url, _contact(contact_date="01/01/2099"))
    assert "Date of contact must be today or in the past" in response.content.decode()


def test_the_follow_up_records_the_result_and_whether_each_support_was_used(
    client, personas
) -> None:
    contact = personas.person.first_contacts.get()
    signposting = contact.signpostings.create(support_name="Walking group")
    url = reverse(
        "people:record_follow_up", args=[personas.person.public_id, contact.public_id]
    )
    client.force_login(personas.practitioner_a)
    response = client.post(
        url,
        {
            "version": contact.version,
            "followed_up_on": "18/11/2026",
            "result": "need_met",
            "notes": "Goes every week now",
            f"used_{signposting.pk}": "yes",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    signposting.refresh_from_db()
    assert (contact.follow_up_result, contact.followed_up_on) == (
        "need_met",
        datetime.date(2026, 11, 18),
    )
    assert signposting.used_it is True
    assert not follow_ups_due(personas.practitioner_a).exists()


def test_follow_ups_due_lists_outstanding_ones_oldest_first(personas) -> None:
    contact = personas.person.first_contacts.get()
    later = FirstContact.objects.create(
        person=personas.person,
        team=personas.team_a,
        recorded_by=personas.practitioner_a,
        contact_date=datetime.date(2026, 11, 1),
        made_by="self",
        reason="x",
        sds_discussed=True,
        outcome="signposted",
        follow_up_due=datetime.date(2026, 11, 20),
    )
    due = list(follow_ups_due(personas.practitioner_a, on=datetime.date(2026, 11, 22)))
    assert due == [contact, later]
    assert list(follow_ups_due(personas.practitioner_b)) == []


def test_two_follow_ups_of_one_contact_never_silently_overwrite(
    client, personas
) -> None:
    contact = personas.person.first_contacts.get()
    url = reverse(
        "people:record_follow_up", args=[personas.person.public_id, contact.public_id]
    )
    data = {"version": 1, "followed_up_on": "18/11/2026", "result": "need_met"}
    client.force_login(personas.practitioner_a)
    assert client.post(url, data).status_code == 302
    second = client.post(
        url, {**data, "result": "still_needs_help", "notes": "Still isolated"}
    )
    assert "Someone else changed this record" in second.content.decode()
    assert "Still isolated" in second.content.decode()
    contact.refresh_from_db()
    assert contact.follow_up_result == "need_met"

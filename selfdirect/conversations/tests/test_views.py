import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from selfdirect.conversations.models import Conversation
from selfdirect.conversations.tests.factories import OutcomeFactory

pytestmark = pytest.mark.journey("conversations")


def _urls(personas):
    conversation = personas.person.conversations.get()
    kwargs = {
        "person_id": personas.person.public_id,
        "conversation_id": conversation.public_id,
    }
    return conversation, kwargs


def test_a_practitioner_records_a_conversation_from_the_person_page(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    person_page = client.get(reverse("people:detail", args=[personas.person.public_id]))
    assert "Good conversations" in person_page.content.decode()
    response = client.post(
        reverse("conversations:start", args=[personas.person.public_id]),
        {
            "conversation_date": "19/11/2026",
            "place": "At home",
            "participants": ["person", "unpaid_carer"],
            "participation_support": ["interpreter"],
            "persons_account": "I miss my pals at the bowling club",
            "eligibility_level": "",
            "carer_offered_support_plan": "",
        },
    )
    assert response.status_code == 302
    conversation = personas.person.conversations.get(
        place="At home", conversation_date=datetime.date(2026, 11, 19)
    )
    assert conversation.participants == ["person", "unpaid_carer"]
    assert conversation.state == "draft"


def test_what_matters_is_written_on_the_new_conversation_form(client, personas) -> None:
    """Up to three personal outcomes go in with the record itself: one page, not
    three page loads for each; empty boxes add nothing."""
    client.force_login(personas.practitioner_a)
    url = reverse("conversations:start", args=[personas.person.public_id])
    assert "What matters to them (3)" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "conversation_date": "19/11/2026",
            "place": "At the day centre",
            "participants": ["person"],
            "outcome_1": "I want to get back to the bowling club on Thursdays",
            "outcome_2": "",
            "outcome_3": "Day centre place 3 days a week",
        },
        follow=True,
    )
    conversation = personas.person.conversations.get(place="At the day centre")
    assert [(o.words, o.wording_kind) for o in conversation.outcomes.all()] == [
        ("I want to get back to the bowling club on Thursdays", "outcome"),
        ("Day centre place 3 days a week", "service"),
    ]
    assert "with 2 personal outcomes" in response.content.decode()


def test_save_and_add_another_outcome_comes_back_to_an_empty_form(
    client, personas
) -> None:
    conversation, kwargs = _urls(personas)
    client.force_login(personas.practitioner_a)
    url = reverse("conversations:add_outcome", kwargs=kwargs)
    response = client.post(
        url,
        {"words": "I want to cook my own tea", "priority": "2", "another": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == url
    assert conversation.outcomes.filter(words="I want to cook my own tea").exists()


def test_an_eligibility_level_needs_a_reason(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        reverse("conversations:start", args=[personas.person.public_id]),
        {
            "conversation_date": "19/11/2026",
            "place": "At home",
            "participants": ["person"],
            "eligibility_level": "1",
        },
    )
    assert "Give the reason for the eligibility level" in response.content.decode()


def test_a_service_led_outcome_is_saved_with_a_hint_beside_it(client, personas) -> None:
    conversation, kwargs = _urls(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        reverse("conversations:add_outcome", kwargs=kwargs),
        {"words": "Day centre place 3 days a week", "priority": "2"},
        follow=True,
    )
    text = response.content.decode()
    assert conversation.outcomes.filter(words="Day centre place 3 days a week").exists()
    assert "A thought about the wording" in text
    assert "This reads like a service" in text


def test_two_edits_of_one_outcome_never_silently_overwrite(client, personas) -> None:
    conversation, kwargs = _urls(personas)
    outcome = conversation.outcomes.get()
    url = reverse(
        "conversations:edit_outcome", kwargs={**kwargs, "outcome_id": outcome.pk}
    )
    client.force_login(personas.practitioner_a)
    assert (
        client.post(
            url, {"words": "Swim on Tuesdays again", "priority": "1", "version": "1"}
        ).status_code
        == 302
    )
    second = client.post(
        url, {"words": "Go swimming with my daughter", "priority": "1", "version": "1"}
    )
    assert "Someone else changed this record" in second.content.decode()
    assert "Go swimming with my daughter" in second.content.decode()
    outcome.refresh_from_db()
    assert outcome.words == "Swim on Tuesdays again"


def test_the_carer_is_prompted_when_the_person_has_an_unpaid_carer(
    client, personas
) -> None:
    _, kwargs = _urls(personas)
    personas.person.relationships.create(kind="unpaid_carer", name="Jean")
    client.force_login(personas.practitioner_a)
    page = client.get(reverse("conversations:detail", kwargs=kwargs)).content.decode()
    assert "offer the carer their own adult carer support plan" in page


def test_my_conversation_record_pdf_has_the_persons_words_as_real_text(
    client, personas
) -> None:
    conversation, kwargs = _urls(personas)
    OutcomeFactory.create(
        conversation=conversation, words="I'd like to see my grandweans every Sunday"
    )
    client.force_login(personas.practitioner_a)
    response = client.get(reverse("conversations:my_record_pdf", kwargs=kwargs))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "My conversation record" in text
    assert "I'd like to see my grandweans every Sunday" in text
    assert "Since Jim died I hardly go out." in text
    assert "/StructTreeRoot" in reader.root_object  # a tagged PDF


def test_the_printable_page_shows_the_record_in_plain_english(client, personas) -> None:
    _, kwargs = _urls(personas)
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse("conversations:my_record", kwargs=kwargs)
    ).content.decode()
    assert (
        "What matters to me" in page
        and "I want to get back to my Tuesday swimming group" in page
    )


def test_the_wording_check_endpoint_answers_as_the_practitioner_types(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        "/api/v1/check-outcome",
        {"text": "unable to manage stairs"},
        content_type="application/json",
    )
    assert response.json()["kind"] == "deficit"
    blank = client.post(
        "/api/v1/check-outcome", {"text": "   "}, content_type="application/json"
    )
    assert blank.status_code == 400
    assert blank.json()["detail"] == "Type the outcome to check it."
    client.force_login(personas.inspector)
    assert (
        client.post(
            "/api/v1/check-outcome", {"text": "x"}, content_type="application/json"
        ).status_code
        == 403
    )


def test_the_subject_access_export_includes_conversations(personas) -> None:
    from selfdirect.audit.subject_access import export_person

    titles = {
        s["title"]: s["records"] for s in export_person(personas.person)["sections"]
    }
    assert (
        titles["Personal outcomes"][0]["values"]["words"]
        == "I want to get back to my Tuesday swimming group"
    )
    assert Conversation.objects.count() == 1


def test_a_blank_outcome_is_refused_with_a_message_and_nothing_saved(
    client, personas
) -> None:
    conversation, kwargs = _urls(personas)
    client.force_login(personas.practitioner_a)
    response = client.post(
        reverse("conversations:add_outcome", kwargs=kwargs),
        {"words": "   ", "priority": "2"},
    )
    assert (
        "Answer “What matters to the person, in their own words”"
        in response.content.decode()
    )
    assert conversation.outcomes.count() == 1


def test_the_history_page_shows_changes_to_conversation_records(
    client, personas
) -> None:
    conversation, kwargs = _urls(personas)
    client.force_login(personas.practitioner_a)
    client.post(
        reverse("conversations:add_outcome", kwargs=kwargs),
        {"words": "To feel safe at night", "priority": "1"},
    )
    client.force_login(personas.manager_a)
    history = client.get(
        reverse("people:history", args=[personas.person.public_id])
    ).content.decode()
    assert "Personal outcome" in history and "Conversation" in history

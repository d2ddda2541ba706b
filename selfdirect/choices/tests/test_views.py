import datetime
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from selfdirect.choices import selectors, services
from selfdirect.choices.models import (
    IndependentSupport,
    InformationGiven,
    SupportChoice,
)
from selfdirect.choices.services import ChoiceDetails

pytestmark = pytest.mark.journey("choices")


def _url(name, personas, **kwargs):
    return reverse(name, kwargs={"person_id": personas.person.public_id, **kwargs})


def test_information_given_records_the_amount_for_each_option_explained(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    data = {
        "given_on": "01/10/2026",
        "options_explained": ["1", "3"],
        "amount_1": "250.00",
        "period": "week",
        "formats": ["conversation", "easy_read"],
        "language": "English",
    }
    refused = client.post(_url("choices:information", personas), data)
    assert "Enter the amount stated for option 3" in refused.content.decode()
    assert not InformationGiven.objects.exists()
    assert (
        client.post(
            _url("choices:information", personas), {**data, "amount_3": "240"}
        ).status_code
        == 302
    )
    information = InformationGiven.objects.get()
    assert [(a.option, a.amount) for a in information.amounts.all()] == [
        (1, Decimal("250.00")),
        (3, Decimal("240.00")),
    ]
    assert information.history.count() == 1


def test_a_mixed_choice_is_option_four_and_a_change_is_kept_in_history(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("choices:record_choice", personas),
        {
            "made_on": "05/11/2026",
            "decided_by": "person",
            "element_personal_care": "1",
            "element_respite": "3",
            "reasons": "I want my own PA for mornings",
        },
        follow=True,
    )
    assert "Review the support plan" in response.content.decode()
    summary = selectors.choice_summary(personas.person)
    assert summary.option == 4
    assert summary.changed_from == 3
    assert SupportChoice.objects.filter(person=personas.person).count() == 2


def test_no_choice_is_recorded_as_deemed_option_three(personas) -> None:
    choice = services.record_choice(
        person=personas.person,
        by=personas.practitioner_a,
        elements={},
        details=ChoiceDetails(made_on=datetime.date(2026, 11, 6), decided_by="person"),
    )
    assert choice.deemed
    assert selectors.option_of(choice) == 3


def test_an_empty_choice_form_explains_what_to_do(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("choices:record_choice", personas),
        {"made_on": "05/11/2026", "decided_by": "person"},
    )
    assert (
        "Choose an option for at least one element of support"
        in response.content.decode()
    )


def test_a_legal_representative_needs_their_authority(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("choices:record_choice", personas),
        {
            "made_on": "05/11/2026",
            "decided_by": "legal_representative",
            "element_personal_care": "2",
        },
    )
    assert (
        "Say what legal authority the representative has" in response.content.decode()
    )


def test_informed_choice_shows_what_is_missing_on_the_person_page(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse("people:detail", args=[personas.person.public_id])
    ).content.decode()
    assert "No record of information about the options given before the choice" in page
    services.record_information_given(
        person=personas.person,
        by=personas.practitioner_a,
        given_on=datetime.date(2026, 10, 1),
        options_explained=["1", "2", "3"],
        formats=["leaflet"],
        language="English",
        who_else_can_help="",
        amounts={
            1: (Decimal(200), "week"),
            2: (Decimal(200), "week"),
            3: (Decimal(200), "week"),
        },
    )
    assert selectors.choice_summary(personas.person).informed.informed  # type: ignore[union-attr]


def test_a_referral_is_updated_with_a_version_check(client, personas) -> None:
    support = IndependentSupport.objects.get()
    url = _url(
        "choices:update_independent_support", personas, support_id=support.public_id
    )
    client.force_login(personas.practitioner_a)
    assert (
        client.post(
            url, {"version": 1, "status": "supporting", "feedback": "Meeting weekly"}
        ).status_code
        == 302
    )
    second = client.post(url, {"version": 1, "status": "closed", "feedback": "Done"})
    assert "Someone else changed this record" in second.content.decode()
    support.refresh_from_db()
    assert support.status == "supporting"


def test_offering_independent_support_with_a_referral(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("choices:independent_support", personas),
        {
            "kind": "brokerage",
            "offered_on": "02/11/2026",
            "response": "accepted",
            "organisation": "Clydeview Brokerage",
            "referred_on": "03/11/2026",
        },
    )
    assert response.status_code == 302
    assert IndependentSupport.objects.get(kind="brokerage").status == "referred"


def test_informed_choice_can_be_counted_in_the_database(personas) -> None:
    from selfdirect.people.models import Person
    from selfdirect.people.tests.factories import PersonFactory

    # Give the support records ids unlike the person's, so a query that mixed
    # them up could not pass by coincidence.
    other = PersonFactory.create(first_name="Other", team=personas.team_a)
    support = IndependentSupport.objects.get()
    for _ in range(3):
        support.pk, support.public_id, support.person = None, uuid.uuid4(), other
        support.save()
    original = IndependentSupport.objects.filter(person=personas.person).get()
    original.delete()
    original.pk, original.public_id = None, uuid.uuid4()
    original.save()
    row: Any = selectors.with_informed_choice(
        Person.objects.filter(pk=personas.person.pk)
    ).get()
    assert row.has_choice and row.support_offered_before_choice
    assert not row.information_before_choice
    late = selectors.with_informed_choice(Person.objects.filter(pk=other.pk)).get()
    assert not late.has_choice  # type: ignore[attr-defined]

"""The persona's person is offered independent advocacy, chooses Option 3 for
personal care, and is refused a direct payment with reasons."""

import datetime
from typing import Any

from selfdirect.choices.models import IndependentSupport, SupportChoice

BUILDS_ON = ("conversations",)


def add_records(personas: Any) -> None:
    person = personas.person
    recorded_by = person.conversations.get().recorded_by
    IndependentSupport.objects.create(
        person=person,
        kind="advocacy",
        offered_on=datetime.date(2026, 10, 5),
        response="accepted",
        organisation="Clydeview Advocacy",
        recorded_by=recorded_by,
    )
    choice = SupportChoice.objects.create(
        person=person,
        made_on=datetime.date(2026, 10, 20),
        decided_by="person",
        recorded_by=recorded_by,
    )
    choice.elements.create(element="personal_care", option=3)
    person.direct_payment_checks.create(
        checked_on=datetime.date(2026, 10, 18),
        decision="refused",
        refusal_reasons="Your last direct payment was stopped because it was misused.",
        review_on=datetime.date(2027, 4, 18),
        recorded_by=recorded_by,
    )

"""'Your panel decision' as a letter: dated, from the partnership, naming the
worker, with the review and complaints routes, in the person's language."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from selfdirect.panel.models import PanelDecision, PanelMeeting
from selfdirect.testing.pdfs import pdf_language, pdf_text

pytestmark = pytest.mark.journey("panel")

PARTNERSHIP = override_settings(
    LETTER_ADDRESS="Council Offices|1 High Street|Clydeview G81 1AA",
    LETTER_PHONE="0141 496 0000",
    LETTER_EMAIL="sds@clydeview.example",
)


def _letter(client, decision: PanelDecision) -> bytes:
    kwargs = {"person_id": decision.person.public_id, "decision_id": decision.public_id}
    response = client.get(reverse("panel:your_decision_pdf", kwargs=kwargs))
    assert response["Content-Type"] == "application/pdf"
    return bytes(response.content)


@PARTNERSHIP
def test_the_letter_is_dated_and_names_sender_worker_and_routes(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    text = pdf_text(_letter(client, personas.person.panel_decisions.get()))
    assert f"Date: {date_format(timezone.localdate(), 'j F Y')}" in text
    assert "1 High Street" in text
    assert f"Your worker is {personas.practitioner_a.display_name}." in text
    assert "Phone 0141 496 0000" in text
    assert "ask us to look at a decision again" in text
    assert "Scottish Public Services Ombudsman (SPSO)" in text
    assert "Your worker will tell you how" not in text


def test_the_letter_names_the_allocated_worker_not_whoever_printed_it(
    client, personas
) -> None:
    personas.person.allocations.update(worker=personas.manager_a)
    client.force_login(personas.practitioner_a)
    text = pdf_text(_letter(client, personas.person.panel_decisions.get()))
    assert f"Your worker is {personas.manager_a.display_name}." in text


def test_the_letter_gives_the_day_the_panel_met_not_the_day_recorded(
    client, personas
) -> None:
    decision = personas.person.panel_decisions.get()
    meeting: PanelMeeting = decision.meeting
    met_on = meeting.meets_on
    PanelDecision.objects.filter(pk=decision.pk).update(
        decided_on=met_on - datetime.timedelta(days=7)
    )
    client.force_login(personas.practitioner_a)
    text = pdf_text(_letter(client, decision))
    assert (
        f"looked at your request for support on {date_format(met_on, 'j F Y')}" in text
    )


@override_settings(LANGUAGE_MIN_COMPLETENESS=0)
def test_a_worker_reading_gaelic_produces_the_letter_in_the_persons_language(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    client.post(reverse("set_language"), {"language": "gd", "next": "/"})
    decision = personas.person.panel_decisions.get()
    english = _letter(client, decision)
    assert pdf_language(english) == "en-GB"
    with translation.override("en-gb"):
        assert date_format(decision.considered_on, "j F Y") in pdf_text(english)
    personas.person.__class__.objects.filter(pk=personas.person.pk).update(
        preferred_language="Gaelic"
    )
    gaelic = _letter(client, decision)
    assert pdf_language(gaelic) == "gd"
    assert "November" not in pdf_text(gaelic)


def test_the_considered_date_is_the_meetings_or_else_the_decisions() -> None:
    meeting = PanelMeeting(meets_on=datetime.date(2026, 11, 12))
    decided = datetime.date(2026, 11, 5)
    assert PanelDecision(meeting=meeting, decided_on=decided).considered_on == (
        meeting.meets_on
    )
    assert PanelDecision(decided_on=decided).considered_on == decided

"""Panel pages through HTTP."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from selfdirect.panel.models import PanelDecision, PanelSubmission

pytestmark = pytest.mark.journey("panel")


def test_a_practitioner_submits_and_the_panel_lists_and_decides(
    client, personas
) -> None:
    person = personas.person
    client.force_login(personas.practitioner_a)
    url = reverse("panel:new_submission", kwargs={"person_id": person.public_id})
    assert b"Submit to the resource panel" in client.get(url).content
    answers = {
        "budget": str(person.indicative_budgets.get().public_id),
        "plan": "",
        "amount_requested": "14000.00",
        "persons_words": "I want to keep going to the lunch club.",
        "contribution": "written",
    }
    checking = client.post(url, answers)
    assert "Check the request before you send it to the panel" in (
        checking.content.decode()
    )
    assert "£14,000.00" in checking.content.decode()
    assert not person.panel_submissions.filter(state="submitted").exists()
    response = client.post(url, {**answers, "confirmed": "yes"})
    assert response.status_code == 302
    submission = person.panel_submissions.get(state="submitted")
    assert submission.assessed_on == person.conversations.get().conversation_date

    client.force_login(personas.panel_member)
    meetings = reverse("panel:meetings")
    client.post(meetings, {"meets_on": "30/12/2030", "place": "Room 2"})
    kwargs = {"submission_id": submission.public_id}
    listing = client.get(reverse("panel:list_for_meeting", kwargs=kwargs))
    meeting = listing.context["form"].fields["meeting"].queryset.get()
    client.post(
        reverse("panel:list_for_meeting", kwargs=kwargs), {"meeting": meeting.pk}
    )
    decide = reverse("panel:decide", kwargs=kwargs)
    refused = client.post(decide, {"outcome": "declined", "decided_on": "30/12/2030"})
    assert b"There is a problem" in refused.content
    assert not PanelDecision.objects.filter(submission=submission).exists()
    deferral = {
        "outcome": "deferred",
        "reasons": "We need the OT assessment first.",
        "decided_on": "30/12/2030",
        "present": "Chair; finance; worker",
    }
    checking = client.post(decide, deferral).content.decode()
    assert "Check the panel&#x27;s decision before you record it" in checking
    assert "Deferred for more information" in checking
    assert not PanelDecision.objects.filter(submission=submission).exists()
    client.post(decide, {**deferral, "confirmed": "yes"})
    submission.refresh_from_db()
    assert submission.state == PanelSubmission.State.DEFERRED


def test_the_person_sees_the_decision_and_reasons_and_a_pdf_letter(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    decision = personas.person.panel_decisions.get()
    kwargs = {"person_id": personas.person.public_id, "decision_id": decision.public_id}
    page = client.get(reverse("panel:your_decision", kwargs=kwargs)).content.decode()
    assert "Your panel decision" in page
    assert escape(decision.reasons) in page
    assert "We told you on 13 November 2026, by phone" in page
    pdf = client.get(reverse("panel:your_decision_pdf", kwargs=kwargs))
    assert pdf.content.startswith(b"%PDF")


def test_the_person_page_shows_the_panel_section(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    ).content.decode()
    assert "Resource panel" in page
    assert "Approved" in page


def test_the_nav_shows_panel_links_to_panel_members_only(client, personas) -> None:
    client.force_login(personas.panel_member)
    home = client.get(reverse("home")).content.decode()
    assert "Waiting list" in home and "Resource panel" in home
    client.force_login(personas.practitioner_a)
    assert "Waiting list" not in client.get(reverse("home")).content.decode()


def test_deciding_an_already_decided_request_shows_why_and_saves_nothing(
    client, personas
) -> None:
    submission = personas.person.panel_submissions.get()
    client.force_login(personas.panel_member)
    response = client.post(
        reverse("panel:decide", kwargs={"submission_id": submission.public_id}),
        {
            "outcome": "declined",
            "reasons": "Too late.",
            "decided_on": "30/12/2030",
            "present": "Chair",
            "confirmed": "yes",
        },
    )
    assert response.status_code == 200
    assert "cannot be decided now" in response.content.decode()
    assert submission.decisions.count() == 1


def test_recording_telling_the_person_is_logged_as_a_change(client, personas) -> None:
    from selfdirect.audit.models import AccessLog

    decision = personas.person.panel_decisions.get()
    kwargs = {"person_id": personas.person.public_id, "decision_id": decision.public_id}
    url = reverse("panel:record_told", kwargs=kwargs)
    client.force_login(personas.practitioner_a)
    page = client.get(url).content.decode()
    assert (
        AccessLog.objects.filter(user=personas.practitioner_a).latest("pk").action
        == "change"
    )
    submission_url = reverse(
        "panel:person_submission",
        kwargs={
            "person_id": personas.person.public_id,
            "submission_id": decision.submission.public_id,
        },
    )
    assert f'class="sd-cancel" href="{submission_url}"' in page
    client.force_login(personas.inspector)
    assert client.get(url).status_code in (403, 404)


def test_the_panel_sees_the_sds_option_by_name(client, personas) -> None:
    from selfdirect.plans.tests.factories import SupportFactory

    submission = personas.person.panel_submissions.get()
    SupportFactory.create(plan=submission.support_plan, option=2)
    client.force_login(personas.panel_member)
    page = client.get(
        reverse("panel:submission", kwargs={"submission_id": submission.public_id})
    ).content.decode()
    assert "Option 2: the person chooses, the council arranges" in page

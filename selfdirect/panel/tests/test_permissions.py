"""Panel members see only what is submitted; teams see their own people."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from selfdirect.accounts.roles import Action
from selfdirect.audit.models import AccessLog
from selfdirect.panel.models import PanelSubmission
from selfdirect.panel.permissions import access_submission

pytestmark = pytest.mark.journey("panel")


def test_a_panel_member_opens_a_submission_and_the_read_is_logged(personas) -> None:
    submission = personas.person.panel_submissions.get()
    found = access_submission(personas.panel_member, submission.public_id, page="t")
    assert found == submission
    assert AccessLog.objects.filter(
        person=personas.person, user=personas.panel_member
    ).exists()


def test_a_draft_is_not_shown_to_the_panel(personas) -> None:
    submission = personas.person.panel_submissions.get()
    PanelSubmission.objects.filter(pk=submission.pk).update(state="draft")
    with pytest.raises(Http404):
        access_submission(personas.panel_member, submission.public_id)
    assert not AccessLog.objects.exists()


def test_roles_without_panel_business_are_refused(personas) -> None:
    submission = personas.person.panel_submissions.get()
    for user in (personas.practitioner_a, personas.finance_officer):
        with pytest.raises(PermissionDenied):
            access_submission(user, submission.public_id)


def test_only_panel_members_decide(personas) -> None:
    submission = personas.person.panel_submissions.get()
    with pytest.raises(PermissionDenied):
        access_submission(
            personas.manager_a, submission.public_id, action=Action.DECIDE
        )
    assert access_submission(
        personas.panel_member, submission.public_id, action=Action.DECIDE
    )


def test_a_team_manager_sees_only_their_teams_submissions(personas) -> None:
    submission = personas.person.panel_submissions.get()
    assert access_submission(personas.manager_a, submission.public_id)
    other = personas.practitioner_b
    other.role = "team_manager"
    other.save()
    with pytest.raises(Http404):
        access_submission(other, submission.public_id)


def test_a_panel_member_cannot_open_the_person_record(client, personas) -> None:
    client.force_login(personas.panel_member)
    person = personas.person
    assert (
        client.get(
            reverse("people:detail", kwargs={"person_id": person.public_id})
        ).status_code
        == 403
    )
    conversation = person.conversations.get()
    url = reverse(
        "conversations:detail",
        kwargs={
            "person_id": person.public_id,
            "conversation_id": conversation.public_id,
        },
    )
    assert client.get(url).status_code == 403


def test_the_panel_page_shows_the_submission_not_the_conversation(
    client, personas
) -> None:
    client.force_login(personas.panel_member)
    submission = personas.person.panel_submissions.get()
    page = client.get(
        reverse("panel:submission", kwargs={"submission_id": submission.public_id})
    ).content.decode()
    assert submission.persons_words in page
    assert "The support plan" in page
    conversation = personas.person.conversations.get()
    assert conversation.persons_account not in page

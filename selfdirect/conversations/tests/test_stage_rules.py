"""The first stage of the task list (rules, no database)."""

import pytest

from selfdirect.conversations.rules import conversation_stage


@pytest.mark.parametrize(
    ("first_contact", "conversation", "agreed", "status"),
    [
        (False, False, False, "not_started"),
        (True, False, False, "in_progress"),
        (False, True, False, "in_progress"),
        (True, True, True, "done"),
    ],
)
def test_the_conversation_stage(first_contact, conversation, agreed, status) -> None:
    found = conversation_stage(
        first_contact=first_contact,
        conversation=conversation,
        agreed_with_outcomes=agreed,
    )
    assert found[0] == status

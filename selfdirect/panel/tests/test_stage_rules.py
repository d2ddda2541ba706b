"""The resource panel stage of the task list (rules, no database)."""

import pytest

from selfdirect.panel.rules import panel_stage


@pytest.mark.parametrize(
    ("needed", "state", "outcome", "status"),
    [
        (None, None, None, "not_started"),
        (False, None, None, "not_needed"),
        (True, None, None, "not_started"),
        (True, "submitted", None, "in_progress"),
        (True, "listed", None, "in_progress"),
        (True, "deferred", "deferred", "needs_review"),
        (True, "decided", "declined", "needs_review"),
        (True, "decided", "approved", "done"),
        (False, "decided", "approved_with_changes", "done"),
    ],
)
def test_the_panel_stage(needed, state, outcome, status) -> None:
    assert panel_stage(needed=needed, state=state, outcome=outcome)[0] == status

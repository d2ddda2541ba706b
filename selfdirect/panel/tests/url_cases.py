import uuid
from typing import Any

from selfdirect.testing.url_cases import UrlCase

MISSING = uuid.UUID("00000000-0000-4000-8000-000000000001")
ONLY_PANEL_DECIDES = (
    "panel members see every submitted request; other roles are refused (403)"
)


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _submission(p: Any) -> dict[str, Any]:
    submission = p.person.panel_submissions.get()
    return {"person_id": p.person.public_id, "submission_id": submission.public_id}


def _decision(p: Any) -> dict[str, Any]:
    decision = p.person.panel_decisions.get()
    return {"person_id": p.person.public_id, "decision_id": decision.public_id}


def _panel(p: Any) -> dict[str, Any]:
    return {"submission_id": p.person.panel_submissions.get().public_id}


def _missing_panel(p: Any) -> dict[str, Any]:
    return {"submission_id": MISSING}


PERSONAL: dict[str, UrlCase] = {
    "panel:new_submission": UrlCase(_person, "practitioner_a"),
    "panel:person_submission": UrlCase(_submission, "practitioner_a"),
    "panel:resubmit": UrlCase(_submission, "practitioner_a"),
    "panel:service_started": UrlCase(_submission, "practitioner_a"),
    "panel:record_told": UrlCase(_decision, "practitioner_a"),
    "panel:your_decision": UrlCase(_decision, "practitioner_a"),
    "panel:your_decision_pdf": UrlCase(_decision, "practitioner_a"),
    "panel:submission": UrlCase(
        _panel,
        "panel_member",
        outsider_role="team_manager",
        missing=_missing_panel,
    ),
    "panel:list_for_meeting": UrlCase(
        _panel, "panel_member", outsider=None, why_no_outsider=ONLY_PANEL_DECIDES
    ),
    "panel:decide": UrlCase(
        _panel, "panel_member", outsider=None, why_no_outsider=ONLY_PANEL_DECIDES
    ),
}

NOT_PERSONAL = {
    "panel:submissions": "a list, scoped by visible_to: see test_views",
    "panel:waiting_list": "a list, scoped by visible_to: see test_views",
    "panel:meetings": "meeting dates and counts only",
    "panel:meeting": "an agenda, scoped by visible_to: see test_views",
}

"""Panel transitions, decisions, telling the person and service starts (DB)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from selfdirect.audit.models import AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.panel import services
from selfdirect.panel.models import PanelSubmission
from selfdirect.panel.services import TransitionRefused

pytestmark = pytest.mark.journey("panel")

D = datetime.date


def _submit(personas) -> PanelSubmission:  # type: ignore[no-untyped-def]
    person = personas.person
    return services.submit_to_panel(
        person=person,
        by=personas.practitioner_a,
        budget=person.indicative_budgets.first(),
        plan=person.support_plans.first(),
        amount_requested=Decimal("14000.00"),
        persons_words="I want to stay at home.",
        contribution="attended",
        contribution_notes="",
        assessed_on=D(2026, 10, 20),
        submitted_on=D(2026, 11, 2),
    )


FIRST_MEETING = D(2026, 11, 5)


def _meeting(personas, on=FIRST_MEETING):  # type: ignore[no-untyped-def]
    return services.schedule_meeting(by=personas.panel_member, meets_on=on, place="")


def _decide(personas, submission, **kw):  # type: ignore[no-untyped-def]
    values = {
        "outcome": "approved",
        "reasons": "It meets the outcomes.",
        "conditions": "",
        "approved_amount": submission.amount_requested,
        "decided_on": D(2026, 11, 5),
        "present": "Chair; finance",
    }
    values.update(kw)
    return services.record_decision(
        submission=submission, by=personas.panel_member, **values
    )


def test_the_workflow_runs_submitted_listed_decided_with_audit_events(
    personas,
) -> None:
    submission = _submit(personas)
    assert submission.state == "submitted"
    assert submission.team == personas.team_a
    services.list_for_meeting(
        submission=submission, by=personas.panel_member, meeting=_meeting(personas)
    )
    assert submission.state == "listed"
    decision = _decide(personas, submission)
    submission.refresh_from_db()
    assert (submission.state, submission.outcome) == ("decided", "approved")
    assert submission.decided_on == decision.decided_on
    actions = set(
        AuditEvent.objects.filter(person=personas.person).values_list(
            "action", flat=True
        )
    )
    assert {"panel.submitted", "panel.listed", "panel.decided"} <= actions


def test_it_refuses_to_decide_what_is_not_on_an_agenda(personas) -> None:
    submission = _submit(personas)
    with pytest.raises(TransitionRefused):
        _decide(personas, submission)


def test_a_decision_without_reasons_changes_nothing(personas) -> None:
    submission = _submit(personas)
    services.list_for_meeting(
        submission=submission, by=personas.panel_member, meeting=_meeting(personas)
    )
    with pytest.raises(ValidationError) as error:
        _decide(personas, submission, reasons="")
    assert "reasons" in error.value.error_dict
    submission.refresh_from_db()
    assert submission.state == "listed"
    assert not submission.decisions.exists()


def test_a_meeting_before_the_submission_is_refused(personas) -> None:
    submission = _submit(personas)
    with pytest.raises(ValidationError):
        services.list_for_meeting(
            submission=submission,
            by=personas.panel_member,
            meeting=_meeting(personas, D(2026, 10, 1)),
        )


def test_a_deferred_request_is_resubmitted_version_checked(personas) -> None:
    submission = _submit(personas)
    services.list_for_meeting(
        submission=submission, by=personas.panel_member, meeting=_meeting(personas)
    )
    _decide(personas, submission, outcome="deferred", approved_amount=None)
    submission.refresh_from_db()
    assert submission.state == "deferred"
    stale = submission.version
    services.resubmit_to_panel(
        submission=submission,
        by=personas.practitioner_a,
        version=stale,
        amount_requested=Decimal("13500"),
        persons_words="I still want to stay at home.",
        contribution="written",
        contribution_notes="OT report attached.",
        resubmitted_on=D(2026, 11, 20),
    )
    assert submission.state == "submitted" and submission.meeting is None
    with pytest.raises((EditConflict, TransitionRefused)):
        services.resubmit_to_panel(
            submission=submission,
            by=personas.practitioner_a,
            version=stale,
            amount_requested=Decimal("1"),
            persons_words="x",
            contribution="written",
            contribution_notes="x",
            resubmitted_on=D(2026, 11, 21),
        )


def test_telling_the_person_is_recorded_and_checked(personas) -> None:
    decision = personas.person.panel_decisions.get()
    with pytest.raises(ValidationError):
        services.record_person_told(
            decision=decision,
            by=personas.practitioner_a,
            version=decision.version,
            told_on=D(2026, 11, 1),
            told_how="letter",
        )
    services.record_person_told(
        decision=decision,
        by=personas.practitioner_a,
        version=decision.version,
        told_on=D(2026, 11, 14),
        told_how="in_person",
    )
    decision.refresh_from_db()
    assert (decision.told_on, decision.told_how) == (D(2026, 11, 14), "in_person")
    with pytest.raises(EditConflict):
        services.record_person_told(
            decision=decision,
            by=personas.practitioner_a,
            version=decision.version - 1,
            told_on=D(2026, 11, 15),
            told_how="letter",
        )


def test_a_service_start_ends_the_wait_only_after_approval(personas) -> None:
    submission = personas.person.panel_submissions.get()
    with pytest.raises(ValidationError):
        services.record_service_start(
            submission=submission,
            by=personas.practitioner_a,
            version=submission.version,
            started_on=D(2026, 11, 1),
        )
    services.record_service_start(
        submission=submission,
        by=personas.practitioner_a,
        version=submission.version,
        started_on=D(2026, 11, 30),
    )
    submission.refresh_from_db()
    assert submission.service_started_on == D(2026, 11, 30)


def test_deciding_what_someone_else_has_just_decided_is_refused(personas) -> None:
    submission = _submit(personas)
    services.list_for_meeting(
        submission=submission, by=personas.panel_member, meeting=_meeting(personas)
    )
    stale = PanelSubmission.objects.get(pk=submission.pk)
    _decide(personas, submission)
    assert stale.state == "listed"
    with pytest.raises(TransitionRefused) as refused:
        _decide(personas, stale, outcome="declined", approved_amount=None)
    assert "cannot be decided now" in str(refused.value)
    assert submission.decisions.count() == 1
    submission.refresh_from_db()
    assert submission.outcome == "approved"


def test_listing_a_decided_request_is_refused_and_changes_nothing(personas) -> None:
    submission = _submit(personas)
    services.list_for_meeting(
        submission=submission, by=personas.panel_member, meeting=_meeting(personas)
    )
    stale = PanelSubmission.objects.get(pk=submission.pk)
    _decide(personas, submission)
    with pytest.raises(TransitionRefused):
        services.list_for_meeting(
            submission=stale,
            by=personas.panel_member,
            meeting=_meeting(personas, D(2026, 12, 3)),
        )
    submission.refresh_from_db()
    assert submission.state == "decided"
    assert submission.meeting is not None
    assert submission.meeting.meets_on == FIRST_MEETING

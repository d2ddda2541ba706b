"""Importing a case file's resource panel requests and decisions through the panel
services, in the order the panel's workflow allows: submitted
(`submit_to_panel`), listed for the meeting on the day of the decision
(`list_for_meeting`, scheduling the meeting if there is none that day), decided
(`record_decision`), resubmitted after a deferral (`resubmit_to_panel`) before the
next decision, and the person told (`record_person_told`).

A request imported before is matched, and only what the workflow adds is imported
again: decisions not imported yet, and when the person was told. Its amount and
words are not changed (the panel changes a request only by resubmitting a
deferred one). A draft request is not imported: the panel sees a request once it
is submitted, and so does the case file's reader.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.panel import services as panel
from selfdirect.panel.models import PanelDecision, PanelMeeting, PanelSubmission
from selfdirect.people.models import Person

from .import_common import Record, day, fresh, money, within


def import_request(importer: Any, person: Person, record: Record) -> None:
    submission = importer._match(PanelSubmission, record)
    if submission is None:
        submission = _submit(importer, person, record)
        importer._remember(person, submission, record, new=True)
    else:
        importer._remember(person, submission, record, new=False)
    for index, item in enumerate(record.get("decisions", [])):
        with within(f"decisions/{index}"):
            _decision(importer, person, submission, item)
    submission = fresh(submission)
    if record["state"] == "listed" and submission.state == "submitted":
        if not record.get("meeting_on"):
            raise ValidationError(
                {"meeting_on": "a listed request needs the day of its meeting"}
            )
        with within("meeting_on"):
            panel.list_for_meeting(
                submission=submission,
                by=importer.by,
                meeting=_meeting(importer, record["meeting_on"]),
            )


def _submit(importer: Any, person: Person, record: Record) -> PanelSubmission:
    if record["state"] == "draft":
        raise ValidationError(
            {
                "state": "a draft request is not imported: a request goes to the "
                "panel when it is submitted"
            }
        )
    budget = importer.known.get(record.get("budget_ref") or "")
    if budget is None:
        raise ValidationError(
            {
                "budget_ref": "a panel request asks about an indicative budget: name "
                "it in budget_ref, with the budget in the file"
            }
        )
    plan = importer.known.get(record.get("plan_ref") or "")
    submitted_on = day(record.get("submitted_on"))
    if submitted_on is None:
        raise ValidationError(
            {"submitted_on": "a request sent to the panel needs the day it was sent"}
        )
    assessed_on = day(record.get("assessed_on"))
    if assessed_on is None and plan is not None:
        assessed_on = plan.conversation.conversation_date
    return panel.submit_to_panel(
        person=person,
        by=importer.by,
        budget=budget,
        plan=fresh(plan) if plan is not None else None,
        amount_requested=money(record["amount_requested"]),  # type: ignore[arg-type]
        persons_words=record.get("persons_words", ""),
        contribution=record.get("contribution")
        or PanelSubmission.Contribution.NOT_INVITED,
        contribution_notes=record.get("contribution_notes", ""),
        assessed_on=assessed_on or submitted_on,
        submitted_on=submitted_on,
    )


def _meeting(importer: Any, on: str) -> PanelMeeting:
    """The panel meeting on that day, scheduled if there is none."""
    meets_on = datetime.date.fromisoformat(on)
    found = PanelMeeting.objects.filter(meets_on=meets_on).order_by("id").first()
    return found or panel.schedule_meeting(by=importer.by, meets_on=meets_on, place="")


def _decision(
    importer: Any, person: Person, submission: PanelSubmission, item: Record
) -> None:
    by = importer.by
    decision = importer._match(PanelDecision, item)
    if decision is None:
        current = fresh(submission)
        if current.state == PanelSubmission.State.DEFERRED:
            panel.resubmit_to_panel(
                submission=current,
                by=by,
                version=current.version,
                amount_requested=current.amount_requested,
                persons_words=current.persons_words,
                contribution=current.contribution,
                contribution_notes=current.contribution_notes,
                resubmitted_on=current.decided_on,  # type: ignore[arg-type]
            )
            current = fresh(submission)
        if current.state == PanelSubmission.State.SUBMITTED or (
            current.meeting is not None
            and current.meeting.meets_on > day(item["decided_on"])  # type: ignore[operator]
        ):
            panel.list_for_meeting(
                submission=current,
                by=by,
                meeting=_meeting(importer, item["decided_on"]),
            )
        decision = panel.record_decision(
            submission=fresh(submission),
            by=by,
            outcome=item["outcome"],
            reasons=item.get("reasons", ""),
            conditions=item.get("conditions", ""),
            approved_amount=money(item.get("approved_amount")),
            decided_on=day(item["decided_on"]),  # type: ignore[arg-type]
            present=item.get("present", ""),
            as_recorded=importer.as_recorded,
        )
        importer._remember(person, decision, item, new=True)
    else:
        importer._remember(person, decision, item, new=False)
    told = (day(item.get("told_on")), item.get("told_how", ""))
    if told[0] is not None and told != (decision.told_on, decision.told_how):
        decision = fresh(decision)
        panel.record_person_told(
            decision=decision,
            by=by,
            version=decision.version,
            told_on=told[0],
            told_how=told[1],
        )

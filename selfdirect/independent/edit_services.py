"""Changing the organisation's records: each change is checked against the version
the editor read (two people editing never silently overwrite), kept in history and
audited; the rules that hold for a new record hold for a changed one."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.core.concurrency import update_versioned

from . import rules
from .case_studies import unchoose_if_not_agreed
from .models import (
    Client,
    ClientOutcome,
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    Session,
    VoiceEntry,
)
from .services import _audit


@dataclass(frozen=True)
class RecordChanges:
    """What an edit form says a record should now hold, and the version the editor
    read it at."""

    version: int
    values: Mapping[str, Any]


def _change(row: Any, *, by: User, changes: RecordChanges, action: str) -> Any:
    update_versioned(row, by=by, version=changes.version, details=dict(changes.values))
    _audit(by, action, row)
    return row


@transaction.atomic
def change_client(*, client: Client, by: User, changes: RecordChanges) -> Client:
    """Change a client's details (a name may be added or taken away: anonymous)."""
    team = changes.values.get("team")
    if team is not None and team.organization_id != client.organization_id:
        raise ValidationError({"team": _("Choose one of your organisation's teams")})
    changed: Client = _change(
        client, by=by, changes=changes, action="independent_client.changed"
    )
    return changed


@dataclass(frozen=True)
class ClientClosing:
    version: int
    closed_on: datetime.date | None  # None: reopen


@transaction.atomic
def close_or_reopen_client(*, client: Client, by: User, details: ClientClosing) -> None:
    """Close a client's record on a day (on or after first contact), or reopen it."""
    closing = details.closed_on is not None
    if closing and client.closed_on is not None:
        raise ValidationError(_("This client's record is already closed."))
    if not closing and client.closed_on is None:
        raise ValidationError(_("This client's record is open."))
    if closing and details.closed_on < client.first_contact_on:  # type: ignore[operator]
        raise ValidationError(
            {"closed_on": _("The record closes on or after the first contact")}
        )
    update_versioned(
        client, by=by, version=details.version, details={"closed_on": details.closed_on}
    )
    _audit(
        by,
        "independent_client.closed" if closing else "independent_client.reopened",
        client,
    )


@transaction.atomic
def change_session(*, session: Session, by: User, changes: RecordChanges) -> Session:
    changed: Session = _change(
        session, by=by, changes=changes, action="independent_session.changed"
    )
    return changed


def _story_needs_consent(values: Mapping[str, Any], field: str) -> None:
    if values.get("story") and not values.get("story_consent"):
        raise ValidationError(
            {field: _("Tick that the people agreed, or leave out the story")}
        )


@transaction.atomic
def change_outcome(
    *, outcome: ClientOutcome, by: User, changes: RecordChanges
) -> ClientOutcome:
    """Change a client's outcome, and its story (told only with the client's
    agreement). A story no longer agreed to stops being a case study."""
    if changes.values.get("story") and not changes.values.get("story_consent"):
        raise ValidationError(
            {"story_consent": _("Tick that the client agreed, or leave out the story")}
        )
    changed: ClientOutcome = _change(
        outcome, by=by, changes=changes, action="independent_outcome.changed"
    )
    unchoose_if_not_agreed(changed, by)
    return changed


@transaction.atomic
def change_group(
    *, group: GroupSession, by: User, changes: RecordChanges
) -> GroupSession:
    changed: GroupSession = _change(
        group, by=by, changes=changes, action="independent_group.changed"
    )
    return changed


@transaction.atomic
def change_engagement(
    *, entry: EngagementEntry, by: User, changes: RecordChanges
) -> EngagementEntry:
    """Change an engagement entry; not attending still needs a reason."""
    values = dict(changes.values)
    errors = rules.not_attended_needs_a_reason(
        values["attended"], values["not_attended_reason"]
    )
    if errors:
        raise ValidationError(errors)
    if values["attended"]:
        values["not_attended_reason"] = ""
    changed: EngagementEntry = _change(
        entry,
        by=by,
        changes=RecordChanges(changes.version, values),
        action="independent_engagement.changed",
    )
    return changed


@transaction.atomic
def change_influence(
    *, entry: InfluenceEntry, by: User, changes: RecordChanges
) -> InfluenceEntry:
    """Change an influence entry, its result included (pending until decided)."""
    changed: InfluenceEntry = _change(
        entry, by=by, changes=changes, action="independent_influence.changed"
    )
    return changed


@transaction.atomic
def change_evidence(
    *, evidence: InfluenceEvidence, by: User, changes: RecordChanges
) -> InfluenceEvidence:
    """Change a piece of evidence's title, or its link (a file stays as it was)."""
    if not evidence.file and not changes.values.get("link"):
        raise ValidationError({"link": _("Enter a link: this evidence has no file")})
    changed: InfluenceEvidence = _change(
        evidence, by=by, changes=changes, action="independent_evidence.changed"
    )
    return changed


@transaction.atomic
def change_voice(*, entry: VoiceEntry, by: User, changes: RecordChanges) -> VoiceEntry:
    """Change client voice work; a story is kept only with the people's agreement,
    and one no longer agreed to stops being a case study."""
    _story_needs_consent(changes.values, "story_consent")
    changed: VoiceEntry = _change(
        entry, by=by, changes=changes, action="independent_voice.changed"
    )
    unchoose_if_not_agreed(changed, by)
    return changed

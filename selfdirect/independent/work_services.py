"""The organisation's own work: group sessions, strategic engagement, influence and
its evidence, client voice. No personal data; each write is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User

from . import rules
from .models import (
    EngagementEntry,
    GroupSession,
    InfluenceEntry,
    InfluenceEvidence,
    VoiceEntry,
)
from .services import create_record


def _in_own_organisation(row: Any, by: User) -> Any:
    row.organization_id = by.organization_id
    return row


@transaction.atomic
def record_group_session(*, by: User, group: GroupSession) -> GroupSession:
    """Record group work: attendance counted, nobody named."""
    saved: GroupSession = create_record(
        _in_own_organisation(group, by), by=by, action="independent_group.added"
    )
    return saved


@transaction.atomic
def record_engagement(*, by: User, entry: EngagementEntry) -> EngagementEntry:
    """Record a meeting or forum of the partnership, invited or not."""
    errors = rules.not_attended_needs_a_reason(
        entry.attended, entry.not_attended_reason
    )
    if errors:
        raise ValidationError(errors)
    if entry.attended:
        entry.not_attended_reason = ""
    saved: EngagementEntry = create_record(
        _in_own_organisation(entry, by), by=by, action="independent_engagement.added"
    )
    return saved


@transaction.atomic
def record_influence(*, by: User, entry: InfluenceEntry) -> InfluenceEntry:
    """Record a change sought, what was done and the result so far."""
    saved: InfluenceEntry = create_record(
        _in_own_organisation(entry, by), by=by, action="independent_influence.added"
    )
    return saved


@transaction.atomic
def add_evidence(
    *, entry: InfluenceEntry, by: User, title: str, upload: Any = None, link: str = ""
) -> InfluenceEvidence:
    """Add evidence to an influence entry: a checked file (kept in private storage)
    or a link."""
    if upload is None and not link:
        raise ValidationError({"file": _("Choose a file or enter a link")})
    evidence = InfluenceEvidence(entry=entry, title=title, link=link)
    if upload is not None:
        errors = rules.evidence_file_errors(upload)
        if errors:
            raise ValidationError(errors)
        evidence.filename = upload.name[-200:]
        evidence.content_type = (upload.content_type or "")[:100]
        evidence.size = upload.size
        evidence.file.save(upload.name[-100:], upload, save=False)
    saved: InfluenceEvidence = create_record(
        evidence, by=by, action="independent_evidence.added"
    )
    return saved


@transaction.atomic
def record_voice(*, by: User, entry: VoiceEntry) -> VoiceEntry:
    """Record client voice work; a story is kept only with the people's agreement."""
    if entry.story and not entry.story_consent:
        raise ValidationError(
            {"story_consent": _("Tick that the people agreed, or leave out the story")}
        )
    saved: VoiceEntry = create_record(
        _in_own_organisation(entry, by), by=by, action="independent_voice.added"
    )
    return saved

"""Writes to the audit trail: reads of personal records and named actions."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from selfdirect.accounts.models import User

from .models import AccessLog, AuditEvent

# Every named action that may appear in the audit trail, with its plain meaning.
ACTIONS = {
    "person.added": _("Added the person's record"),
    "person.merged": _("Merged a duplicate record into this one"),
    "person.merged_away": _("Record merged into another"),
    "person.exported": _("Exported everything held (subject access)"),
}


def log_access(*, user: User, person_id: int, page: str, action: str) -> None:
    """Record that a user opened (or changed) a person's record on a page."""
    AccessLog.objects.create(
        user=user, person_id=person_id, page=page[:200], action=action
    )


def record_event(
    *, actor: User | None, action: str, person_id: int | None, **detail: Any
) -> AuditEvent:
    """Record a named action; the name must be one of ACTIONS."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    return AuditEvent.objects.create(
        actor=actor, action=action, person_id=person_id, detail=detail
    )

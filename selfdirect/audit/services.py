"""Writes to the audit trail: reads of personal records and named actions."""

import uuid
from typing import Any

from selfdirect.accounts.models import User
from selfdirect.core.hooks import audit_actions

from .models import AccessLog, AccessRefusal, AuditEvent, OrganisationAccessLog


def log_access(*, user: User, person_id: int, page: str, action: str) -> None:
    """Record that a user opened (or changed) a person's record on a page."""
    AccessLog.objects.create(
        user=user, person_id=person_id, page=page[:200], action=action
    )


def log_organisation_access(
    *,
    user: User,
    organization_id: uuid.UUID,
    record_type: str,
    record_id: Any,
    page: str,
    action: str,
) -> None:
    """Record that a user opened (or changed) one of their organisation's records."""
    OrganisationAccessLog.objects.create(
        user=user,
        organization_id=organization_id,
        record_type=record_type[:100],
        record_id=record_id,
        page=page[:200],
        action=action,
    )


def record_event(
    *, actor: User | None, action: str, person_id: int | None, **detail: Any
) -> AuditEvent:
    """Record a named action; the name must be declared in some app's hooks.py."""
    if action not in audit_actions():
        raise ValueError(f"Unknown audit action {action!r}")
    return AuditEvent.objects.create(
        actor=actor, action=action, person_id=person_id, detail=detail
    )


def log_refusal(*, user: User, method: str, path: str, status: int) -> None:
    """Record that a signed-in user was refused a page (403 or 404)."""
    AccessRefusal.objects.create(
        user=user, method=method[:10], path=path[:500], status=status
    )


def log_list_access(
    *, user: User, person_ids: list[int], page: str, action: str = "view"
) -> None:
    """Record that a user was shown these people's names on a list page (one
    access log row each, written in one statement)."""
    AccessLog.objects.bulk_create(
        [
            AccessLog(user=user, person_id=pk, page=page[:200], action=action)
            for pk in person_ids
        ]
    )

"""A client's subject access export (UK GDPR Article 15) from the organisation that
holds the record: it is the controller, so its manager makes the export, never the
council. JSON: every record about the client, with its change history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from selfdirect.accounts.roles import Capability
from selfdirect.audit.services import record_event

from .models import CaseStudy, Client

if TYPE_CHECKING:
    from selfdirect.accounts.models import User

EXPORT_CLIENT = Capability.EXPORT_CLIENT
_SKIP = {"id", "version", "recorded_by", "organization", "client", "voice"}


def _value(row: models.Model, field: models.Field[Any, Any]) -> Any:
    if field.choices:
        return getattr(row, f"get_{field.name}_display")()
    value = getattr(row, field.name)
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value if isinstance(value, int | float | bool | type(None)) else str(value)


def _record(row: models.Model) -> dict[str, Any]:
    values = {
        field.name: _value(row, field)
        for field in row._meta.concrete_fields
        if field.name not in _SKIP and not field.name.endswith("_id")
    }
    history = [
        {
            "at": h.history_date.isoformat(),
            "change": {"+": "created", "~": "changed", "-": "deleted"}[h.history_type],
        }
        for h in row.history.order_by("history_date")  # type: ignore[attr-defined]
    ]
    return {"values": values, "history": history}


def export_client(client: Client, *, by: User) -> dict[str, Any]:
    """Everything held about the client, in sections; the export is audited."""
    sections = [
        ("Client", [client]),
        ("Consent to share with the council", client.consents.all()),
        ("Referrals received", client.referrals.select_related("outcome")),
        ("Sessions", client.sessions.all()),
        ("Outcomes", client.outcomes.select_related("outcome")),
        (
            "Case studies chosen for funders",
            CaseStudy.objects.filter(outcome__client=client),
        ),
    ]
    record_event(
        actor=by,
        action="independent_client.exported",
        person_id=None,
        organisation=str(client.organization_id),
        record=str(client.public_id),
    )
    return {
        "controller": str(client.organization),
        "made_at": timezone.now().isoformat(),
        "sections": [
            {"title": title, "records": [_record(row) for row in rows]}
            for title, rows in sections
        ],
    }

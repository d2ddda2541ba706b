"""Rules of independent support (issue 17): consent gates sharing, evidence files are
checked, referral answers follow one path. Each returns field errors (empty when
the rule holds)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Consent, Referral

# A referral's status moves only along these (from, to) steps.
REFERRAL_STEPS: dict[str | None, frozenset[str]] = {
    None: frozenset({Referral.Status.ACCEPTED, Referral.Status.DECLINED}),
    Referral.Status.ACCEPTED: frozenset(
        {Referral.Status.SUPPORTING, Referral.Status.CLOSED}
    ),
    Referral.Status.SUPPORTING: frozenset(
        {Referral.Status.SUPPORTING, Referral.Status.CLOSED}
    ),
    Referral.Status.DECLINED: frozenset(),
    Referral.Status.CLOSED: frozenset(),
}


def referral_step_allowed(current: str | None, new: str) -> bool:
    """A referral is first accepted or declined, then supported, then closed; a
    declined or closed referral does not change."""
    return new in REFERRAL_STEPS.get(current, frozenset())


def consent_allows(consent: Consent | None, *, outcome: bool = False) -> bool:
    """Sharing with the council needs a consent not withdrawn; sending the outcome
    needs the wider scope."""
    if consent is None or consent.withdrawn_at is not None:
        return False
    return not outcome or consent.scope == Consent.Scope.REFERRALS_AND_OUTCOMES


def closing_needs_an_outcome(status: str, outcome: Any) -> dict[str, str]:
    """A referral is closed with an outcome."""
    if status == Referral.Status.CLOSED and outcome is None:
        return {"outcome": _("Select the outcome to close the referral")}
    return {}


def evidence_file_errors(upload: Any) -> dict[str, str]:
    """An evidence file must be one of the allowed types (by its name's ending and
    the first bytes of its content) and no larger than the limit in settings."""
    limit = settings.INDEPENDENT_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        return {
            "file": _("The file must be smaller than %(size)s MB")
            % {"size": limit // (1024 * 1024)}
        }
    name = upload.name.lower()
    allowed = settings.INDEPENDENT_EVIDENCE_TYPES
    ending = name.rsplit(".", 1)[-1] if "." in name else ""
    if ending not in allowed:
        return {
            "file": _("The file must be a %(types)s")
            % {"types": ", ".join(sorted(allowed))}
        }
    head = upload.read(8)
    upload.seek(0)
    signature = allowed[ending]
    if signature and not head.startswith(signature):
        return {"file": _("The file's content is not a %(type)s") % {"type": ending}}
    return {}


def not_attended_needs_a_reason(attended: bool, reason: str) -> dict[str, str]:
    """A meeting not attended says why."""
    if not attended and not reason:
        return {"not_attended_reason": _("Select why the organisation did not attend")}
    return {}


def closed_after_received(received_on: datetime.date, closed_on: datetime.date) -> bool:
    """A referral closes on or after the day it was made."""
    return closed_on >= received_on

"""Asking for access to a record another team holds, and opening one in an
emergency (break-glass). Each action is one transaction, audited; the grant it
makes is honoured by the chokepoint's reach (`PersonQuerySet.visible_to`)."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import log_access, record_event
from selfdirect.core.concurrency import save_new, update_versioned

from . import rules
from .models import AccessRequest, Allocation, Person

REFERENCE_SALT = "selfdirect.people.ask-for-access"
REFERENCE_MAX_AGE = 24 * 60 * 60  # seconds: a day to ask after the duplicate check


def reference_for(*, person: Person, user: User) -> str:
    """A signed reference to a person the duplicate check found, for this user
    only, so they can ask for access without being shown who holds the record."""
    return signing.dumps(
        {"p": str(person.public_id), "u": user.pk}, salt=REFERENCE_SALT
    )


def person_id_in(reference: str, *, user: User) -> str | None:
    """The person's public id in a reference signed for this user, or None."""
    try:
        data = signing.loads(reference, salt=REFERENCE_SALT, max_age=REFERENCE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != user.pk:
        return None
    return str(data.get("p", ""))


@transaction.atomic
def note_duplicates_found(*, by: User, person_ids: list[int]) -> None:
    """Record that the duplicate check told a user that records they may not see
    exist (on each record, so its team sees who was told)."""
    for person_id in person_ids:
        record_event(actor=by, action="person.duplicate_found", person_id=person_id)


def _event(by: User, action: str, request: AccessRequest, **detail: object) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=request.person_id,
        request=str(request.public_id),
        **detail,
    )


@transaction.atomic
def ask_for_access(*, person: Person, by: User, reason: str) -> AccessRequest:
    """Ask the manager of the team holding a person's record for access to it."""
    if not Allocation.objects.current().filter(person=person).exists():
        raise ValidationError(
            _("No team holds this record at present, so nobody can grant access.")
        )
    asked = AccessRequest(
        person=person,
        requested_by=by,
        recorded_by=by,
        kind=AccessRequest.Kind.ASKED,
        reason=reason,
    )
    try:
        with transaction.atomic():
            request = save_new(asked, by)
    except IntegrityError:  # one waiting request per person and user
        raise ValidationError(
            _("You have already asked. Wait for the decision.")
        ) from None
    _event(by, "access.asked", request)
    return request


@transaction.atomic
def decide_access_request(
    *, request: AccessRequest, by: User, version: int, grant: bool, reason: str
) -> AccessRequest:
    """Grant or refuse a request for access, with a reason (the holding team's
    manager). A grant lasts ACCESS_GRANT_DAYS."""
    current = AccessRequest.objects.select_for_update().filter(pk=request.pk)
    status = current.values_list("status", flat=True).get()
    problem = rules.decision_problem(
        status=status, requested_by_id=request.requested_by_id, deciding_id=by.pk
    )
    if problem:
        raise ValidationError(problem)
    now = timezone.now()
    details = {
        "status": AccessRequest.Status.GRANTED
        if grant
        else AccessRequest.Status.REFUSED,
        "decided_by": by,
        "decided_at": now,
        "decision_reason": reason,
        "access_until": now + rules.access_lasts(break_glass=False) if grant else None,
    }
    update_versioned(request, by=by, version=version, details=details)
    _event(by, "access.granted" if grant else "access.refused", request)
    return request


@transaction.atomic
def break_glass(*, person: Person, by: User, reason: str, page: str) -> AccessRequest:
    """Open a record the user cannot otherwise reach, in an emergency, for
    BREAK_GLASS_HOURS: logged, audited and listed for the data protection officer."""
    now = timezone.now()
    request = save_new(
        AccessRequest(
            person=person,
            requested_by=by,
            recorded_by=by,
            kind=AccessRequest.Kind.BREAK_GLASS,
            reason=reason,
            status=AccessRequest.Status.GRANTED,
            decided_at=now,
            access_until=now + rules.access_lasts(break_glass=True),
        ),
        by,
    )
    _event(by, "access.break_glass", request)
    log_access(user=by, person_id=person.pk, page=page, action="break_glass")
    return request


@transaction.atomic
def review_break_glass(
    *, request: AccessRequest, by: User, version: int, outcome: str, notes: str
) -> AccessRequest:
    """Record the data protection officer's review of an emergency opening."""
    if request.kind != AccessRequest.Kind.BREAK_GLASS:
        raise ValidationError(_("Only emergency openings are reviewed here."))
    details = {
        "reviewed_by": by,
        "reviewed_at": timezone.now(),
        "review_outcome": outcome,
        "review_notes": notes,
    }
    update_versioned(request, by=by, version=version, details=details)
    _event(by, "access.break_glass_reviewed", request, outcome=outcome)
    return request

"""What an independent organisation's staff do: clients, consent, referrals received,
sessions and outcomes. Each writes history and an audit event; consent decides what
goes back to the council. The organisation's other work is in `work_services.py`."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.audit.services import record_event
from selfdirect.choices.models import IndependentSupport
from selfdirect.choices.services import OrganisationAnswer, record_organisation_answer
from selfdirect.core.concurrency import save_new, save_new_or_refuse, update_versioned

from . import rules
from .models import Client, ClientOutcome, Consent, OutcomeType, Referral, Session


def _audit(by: User, action: str, row: Any, person_id: int | None = None) -> None:
    record_event(
        actor=by,
        action=action,
        person_id=person_id,
        organisation=str(by.organization_id),
        record=str(row.public_id),
    )


def create_record(row: Any, *, by: User, action: str) -> Any:
    """Save a new organisation record made by `by`, with its audit event."""
    row.recorded_by = by
    save_new(row, by)
    _audit(by, action, row)
    return row


@transaction.atomic
def add_client(*, by: User, client: Client) -> Client:
    """Add a client to the user's own organisation (named or anonymous)."""
    client.organization_id = by.organization_id  # type: ignore[assignment]
    saved: Client = create_record(client, by=by, action="independent_client.added")
    return saved


@dataclass(frozen=True)
class ConsentDetails:
    """The client's consent to link with the council's record: found through the
    reference of a referral the council made to this organisation and the person's
    date of birth, so an organisation can link only people referred to it."""

    referral_reference: uuid.UUID
    date_of_birth: datetime.date
    scope: str
    given_on: datetime.date
    how_given: str


@transaction.atomic
def record_consent(*, client: Client, by: User, details: ConsentDetails) -> Consent:
    """Record a client's consent, linking them with the council's person record."""
    support = (
        IndependentSupport.objects.filter(
            public_id=details.referral_reference,
            provider_id=client.organization_id,
            person__date_of_birth=details.date_of_birth,
        )
        .select_related("person")
        .first()
    )
    if support is None:
        raise ValidationError(
            {
                "referral_reference": _(
                    "No referral to your organisation has that reference and date "
                    "of birth. Check both with the person or the council worker."
                )
            }
        )
    consent = Consent(
        client=client,
        person=support.person,
        scope=details.scope,
        given_on=details.given_on,
        how_given=details.how_given,
        recorded_by=by,
    )
    save_new_or_refuse(
        consent,
        by,
        refusal=_("This client's consent is already recorded: withdraw it first."),
    )
    _audit(by, "independent_consent.recorded", consent, support.person_id)
    return consent


@transaction.atomic
def withdraw_consent(
    *, consent: Consent, by: User, version: int, at: datetime.datetime | None = None
) -> Consent:
    """Withdraw consent: nothing more is shared with the council from now (or `at`,
    for the demo); the history keeps when."""
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    withdrawn = {"withdrawn_at": at or timezone.now()}
    update_versioned(consent, by=by, version=version, details=withdrawn)
    _audit(by, "independent_consent.withdrawn", consent, consent.person_id)
    return consent


def active_consent(client: Client, person_id: int) -> Consent | None:
    """The client's consent not withdrawn for this council person record."""
    return Consent.objects.active().filter(client=client, person_id=person_id).first()


def _tell_the_council(referral: Referral, by: User) -> bool:
    """Send the referral's status, progress and (if the scope allows) outcome back
    to the council's referral record, only while consent lasts."""
    consent = active_consent(referral.client, referral.support.person_id)
    if not rules.consent_allows(consent):
        return False
    with_outcome = rules.consent_allows(consent, outcome=True)
    answer = OrganisationAnswer(
        status=referral.status,
        outcome=str(referral.outcome or "") if with_outcome else "",
        feedback=referral.progress,
    )
    record_organisation_answer(support=referral.support, by=by, answer=answer)
    return True


@dataclass(frozen=True)
class ReferralAnswer:
    """Accepting or declining a referral received, with a note."""

    accept: bool
    progress: str = ""


@transaction.atomic
def answer_referral(
    *,
    support: IndependentSupport,
    client: Client,
    by: User,
    answer: ReferralAnswer,
    on: datetime.date | None = None,
) -> Referral:
    """Accept or decline a referral received with consent; the council sees it."""
    if active_consent(client, support.person_id) is None:
        raise ValidationError(_("The person's consent to share has been withdrawn."))
    status = Referral.Status.ACCEPTED if answer.accept else Referral.Status.DECLINED
    referral = Referral(
        organization_id=client.organization_id,
        client=client,
        support=support,
        status=status,
        received_on=support.referred_on or support.offered_on,
        answered_on=on or timezone.localdate(),
        progress=answer.progress,
        recorded_by=by,
    )
    save_new_or_refuse(
        referral, by, refusal=_("This referral has already been answered.")
    )
    _audit(by, f"independent_referral.{status}", referral, support.person_id)
    _tell_the_council(referral, by)
    return referral


@dataclass(frozen=True)
class ReferralProgress:
    """Where the support is now; closing needs an outcome and a date."""

    status: str
    progress: str
    outcome: OutcomeType | None = None
    closed_on: datetime.date | None = None


@transaction.atomic
def record_referral_progress(
    *, referral: Referral, by: User, version: int, details: ReferralProgress
) -> bool:
    """Record progress on (or close) a referral; returns whether the council was
    told (it is not once consent is withdrawn)."""
    if not rules.referral_step_allowed(referral.status, details.status):
        raise ValidationError({"status": _("A referral cannot move to that status.")})
    errors = rules.closing_needs_an_outcome(details.status, details.outcome)
    closed_on = details.closed_on
    if details.status == Referral.Status.CLOSED:
        closed_on = closed_on or timezone.localdate()
        if not rules.closed_after_received(referral.received_on, closed_on):
            errors["closed_on"] = _("The referral closes on or after it was made")
    if errors:
        raise ValidationError(errors)
    values = {
        "status": details.status,
        "progress": details.progress,
        "outcome": details.outcome,
        "closed_on": closed_on,
    }
    update_versioned(referral, by=by, version=version, details=values)
    _audit(by, "independent_referral.progress", referral, referral.support.person_id)
    return _tell_the_council(referral, by)


@transaction.atomic
def record_session(*, client: Client, by: User, session: Session) -> Session:
    """Record time spent with a client."""
    session.client = client
    saved: Session = create_record(session, by=by, action="independent_session.added")
    return saved


@transaction.atomic
def record_client_outcome(
    *, client: Client, by: User, outcome: ClientOutcome
) -> ClientOutcome:
    """Record an outcome a client reached (from the list kept as data), with a
    short story only where the client agreed to it being told."""
    if outcome.story and not outcome.story_consent:
        raise ValidationError(
            {"story_consent": _("Tick that the client agreed, or leave out the story")}
        )
    outcome.client = client
    saved: ClientOutcome = create_record(
        outcome, by=by, action="independent_outcome.added"
    )
    return saved

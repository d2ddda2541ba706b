"""Access to carers' records goes through the one chokepoint, for `Purpose.CARERS`.

A carer's records are reached through the carer: the carers' team that has the
carer allocated, and partnership readers (read only). The cared-for person's
worker reaches a carer's plan only where the carer's consent to share the whole
plan is recorded (`CarerRecordQuerySet`); otherwise they see the summary on the
cared-for person's page (`selectors.summaries_for`)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from selfdirect.accounts.roles import Action, Purpose
from selfdirect.people.access import access_person, access_record
from selfdirect.people.models import Person, Relationship

from .models import (
    Carer,
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
    CarerSignposting,
    CarerSupport,
    Offer,
)

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def _purpose(action: Action) -> Purpose:
    """Reading is for carers' support (which the carer's consent widens to the
    cared-for person's worker); changing is only ever for the carer's own team,
    whose reach is the carer's practice reach."""
    return Purpose.CARERS if action == Action.VIEW else Purpose.PRACTICE


def access_carer(
    user: User,
    carer_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> Carer:
    """A carer record the user reaches for carers' support (404 otherwise)."""
    return access_record(
        user,
        Carer.objects.select_related("person", "cared_for"),
        carer_id,
        purpose=_purpose(action),
        action=action,
        page=page,
    )


def access_plan(
    user: User,
    plan_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> CarerPlan:
    """A carer's plan or statement (404 when out of reach)."""
    records = CarerPlan.objects.select_related(
        "carer__person", "carer__cared_for", "criteria", "budget__method"
    )
    return access_record(
        user, records, plan_id, purpose=_purpose(action), action=action, page=page
    )


def access_review(
    user: User,
    review_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> CarerReview:
    """A carer's review, reached like the plan it reviews: through the carer, so
    the cared-for person's worker reaches it only with the carer's consent."""
    records = CarerReview.objects.select_related(
        "plan__carer__person", "plan__carer__cared_for"
    )
    return access_record(
        user, records, review_id, purpose=_purpose(action), action=action, page=page
    )


def access_outcome_review(
    user: User, review: CarerReview, row_id: int
) -> CarerOutcomeReview:
    """One outcome's line of a review already reached (404 when not of it)."""
    row = (
        CarerOutcomeReview.objects.filter(review=review, pk=row_id)
        .select_related("outcome")
        .first()
    )
    if row is None:
        raise Http404("No such outcome")
    row.review = review
    return row


def access_offer(user: User, carer: Carer, offer_id: uuid.UUID | str) -> Offer:
    """One of the carer's offers (the carer was reached already)."""
    offer = carer.offers.filter(public_id=offer_id).first()
    if offer is None:
        raise Http404("No such offer")
    offer.carer = carer
    return offer


def access_carer_relationship(
    user: User, person_id: uuid.UUID | str, relationship_id: int, *, page: str = ""
) -> Relationship:
    """An unpaid carer relationship of a person the user may change, to identify
    the carer from it (404 when it is not theirs)."""
    person = access_person(
        user, person_id, purpose=Purpose.PRACTICE, action=Action.CHANGE, page=page
    )
    found = (
        Relationship.objects.of_person(person)
        .filter(pk=relationship_id, kind=Relationship.Kind.UNPAID_CARER)
        .select_related("related_person")
        .first()
    )
    if found is None:
        raise Http404("No such relationship")
    found.person = person
    return found


def access_person_to_identify(
    user: User, person_id: uuid.UUID | str, *, page: str = ""
) -> Person:
    """A person the user may change, to record them as a carer."""
    return access_person(
        user, person_id, purpose=Purpose.PRACTICE, action=Action.CHANGE, page=page
    )


def access_support(
    user: User, plan: CarerPlan, support_id: uuid.UUID | str
) -> CarerSupport:
    """An element of support on a plan already reached (404 otherwise)."""
    found = plan.supports.filter(public_id=support_id).first()
    if found is None:
        raise Http404("No such support")
    found.plan = plan
    return found


def access_signposting(
    user: User, plan: CarerPlan, signposting_id: uuid.UUID | str
) -> CarerSignposting:
    """Signposting on a plan already reached (404 otherwise)."""
    found = plan.signpostings.filter(public_id=signposting_id).first()
    if found is None:
        raise Http404("No such signposting")
    found.plan = plan
    return found

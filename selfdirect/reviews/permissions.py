"""Access to reviews goes through the person's access check."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.http import Http404

from selfdirect.accounts.access import require
from selfdirect.accounts.roles import Action, Capability
from selfdirect.people.access import access_person_record

from .models import OutcomeAttainment, Review, RiskReview, SupportReview

if TYPE_CHECKING:
    from selfdirect.accounts.models import User


def access_review(
    user: User,
    person_id: uuid.UUID | str,
    review_id: uuid.UUID | str,
    *,
    action: Action = Action.VIEW,
    page: str = "",
) -> Review:
    """Fetch a review the user may see (404 otherwise), logging the read; changing
    it also needs the right to write support plans (403 otherwise)."""
    review = access_person_record(
        user, person_id, Review.objects.all(), review_id, action=action, page=page
    )
    if action == Action.CHANGE:
        require(user, Capability.PLAN_SUPPORT)
    return review


def _part(review: Review, records: object, part_id: int) -> object:
    found = records.filter(review=review, pk=part_id).first()  # type: ignore[attr-defined]
    if found is None:
        raise Http404("No such part of the review")
    found.review = review
    return found


def access_attainment(
    user: User, person_id: str, review_id: str, part_id: int, *, page: str = ""
) -> OutcomeAttainment:
    review = access_review(user, person_id, review_id, action=Action.CHANGE, page=page)
    return _part(review, OutcomeAttainment.objects, part_id)  # type: ignore[return-value]


def access_support_review(
    user: User, person_id: str, review_id: str, part_id: int, *, page: str = ""
) -> SupportReview:
    review = access_review(user, person_id, review_id, action=Action.CHANGE, page=page)
    return _part(review, SupportReview.objects, part_id)  # type: ignore[return-value]


def access_risk_review(
    user: User, person_id: str, review_id: str, part_id: int, *, page: str = ""
) -> RiskReview:
    review = access_review(user, person_id, review_id, action=Action.CHANGE, page=page)
    return _part(review, RiskReview.objects, part_id)  # type: ignore[return-value]

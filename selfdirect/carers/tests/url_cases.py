"""The carers pages, for the URL permission walker. Carers' pages are addressed by
the carer record's or the plan's own id, so the outsider's 404 is compared with a
made-up id."""

import uuid
from typing import Any

from selfdirect.testing.url_cases import UrlCase


def _carer_record(p: Any) -> Any:
    return p.person.carer_records.get()


def _carer(p: Any) -> dict[str, Any]:
    return {"carer_id": _carer_record(p).public_id}


def _no_carer(p: Any) -> dict[str, Any]:
    return {"carer_id": uuid.uuid4()}


def _offer(p: Any) -> dict[str, Any]:
    carer = _carer_record(p)
    return {"carer_id": carer.public_id, "offer_id": carer.offers.get().public_id}


def _no_offer(p: Any) -> dict[str, Any]:
    return {"carer_id": uuid.uuid4(), "offer_id": uuid.uuid4()}


def _plan(p: Any) -> dict[str, Any]:
    return {"plan_id": _carer_record(p).plans.get().public_id}


def _no_plan(p: Any) -> dict[str, Any]:
    return {"plan_id": uuid.uuid4()}


def _review(p: Any) -> dict[str, Any]:
    return {"review_id": _carer_record(p).plans.get().reviews.get().public_id}


def _no_review(p: Any) -> dict[str, Any]:
    return {"review_id": uuid.uuid4()}


def _review_outcome(p: Any) -> dict[str, Any]:
    review = _carer_record(p).plans.get().reviews.get()
    return {"review_id": review.public_id, "row_id": review.outcome_reviews.get().pk}


def _no_review_outcome(p: Any) -> dict[str, Any]:
    return {"review_id": uuid.uuid4(), "row_id": 1}


def _on_review(allowed: str = "practitioner_a") -> UrlCase:
    return UrlCase(_review, allowed, missing=_no_review)


def _section(p: Any) -> dict[str, Any]:
    return {**_plan(p), "section": "emergency"}


def _no_section(p: Any) -> dict[str, Any]:
    return {**_no_plan(p), "section": "emergency"}


def _support(p: Any) -> dict[str, Any]:
    plan = _carer_record(p).plans.get()
    return {"plan_id": plan.public_id, "support_id": plan.supports.get().public_id}


def _no_support(p: Any) -> dict[str, Any]:
    return {"plan_id": uuid.uuid4(), "support_id": uuid.uuid4()}


def _signposting(p: Any) -> dict[str, Any]:
    plan = _carer_record(p).plans.get()
    return {
        "plan_id": plan.public_id,
        "signposting_id": plan.signpostings.get().public_id,
    }


def _no_signposting(p: Any) -> dict[str, Any]:
    return {"plan_id": uuid.uuid4(), "signposting_id": uuid.uuid4()}


def _relationship(p: Any) -> dict[str, Any]:
    relationship = p.person.relationships.get(name="Kenny MacLeod")
    return {"person_id": p.person.public_id, "relationship_id": relationship.pk}


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _on_carer(allowed: str = "practitioner_a") -> UrlCase:
    return UrlCase(_carer, allowed, missing=_no_carer)


def _on_plan(allowed: str = "practitioner_a") -> UrlCase:
    return UrlCase(_plan, allowed, missing=_no_plan)


PERSONAL: dict[str, UrlCase] = {
    "carers:identify_relationship": UrlCase(_relationship, "practitioner_a"),
    "carers:identify": UrlCase(_person, "practitioner_a"),
    "carers:carer": _on_carer("inspector"),
    "carers:offer": _on_carer(),
    "carers:answer": UrlCase(_offer, "practitioner_a", missing=_no_offer),
    "carers:discharge": _on_carer(),
    "carers:sharing": _on_carer(),
    "carers:start_plan": _on_carer(),
    "carers:plan": _on_plan("inspector"),
    "carers:section": UrlCase(_section, "practitioner_a", missing=_no_section),
    "carers:outcome": _on_plan(),
    "carers:break": _on_plan(),
    "carers:impacts": _on_plan(),
    "carers:budget": _on_plan(),
    "carers:support": _on_plan(),
    "carers:change_support": UrlCase(_support, "practitioner_a", missing=_no_support),
    "carers:signposting": _on_plan(),
    "carers:follow_up": UrlCase(
        _signposting, "practitioner_a", missing=_no_signposting
    ),
    "carers:share": _on_plan(),
    "carers:agree": _on_plan(),
    "carers:my_plan": _on_plan(),
    "carers:my_plan_pdf": _on_plan(),
    "carers:start_review": _on_plan(),
    "carers:review": _on_review("inspector"),
    "carers:review_details": _on_review(),
    "carers:review_outcome": UrlCase(
        _review_outcome, "practitioner_a", missing=_no_review_outcome
    ),
    "carers:review_next": _on_review(),
    "carers:review_share": _on_review(),
    "carers:review_agree": _on_review(),
}

NOT_PERSONAL: dict[str, str] = {
    "carers:lists": "Lists of the user's own carers, filtered through visible_to; "
    "no one person's record in the URL.",
    "carers:criteria": "The published local eligibility criteria: no one's data.",
    "carers:criteria_pdf": "The published local eligibility criteria: no one's data.",
}

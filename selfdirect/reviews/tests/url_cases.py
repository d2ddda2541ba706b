"""The review pages, for the URL permission walker."""

from typing import Any

from selfdirect.testing.url_cases import UrlCase


def _plan(p: Any) -> dict[str, Any]:
    plan = p.person.support_plans.get()
    return {"person_id": p.person.public_id, "plan_id": plan.public_id}


def _review(p: Any) -> dict[str, Any]:
    review = p.person.reviews.get()
    return {"person_id": p.person.public_id, "review_id": review.public_id}


def _attainment(p: Any) -> dict[str, Any]:
    review = p.person.reviews.get()
    return {**_review(p), "part_id": review.attainments.get().pk}


def _support(p: Any) -> dict[str, Any]:
    review = p.person.reviews.get()
    return {**_review(p), "part_id": review.support_reviews.get().pk}


def _risk(p: Any) -> dict[str, Any]:
    review = p.person.reviews.get()
    return {**_review(p), "part_id": review.risk_reviews.get().pk}


def _writer(build: Any) -> UrlCase:
    return UrlCase(build, "practitioner_a")


PERSONAL: dict[str, UrlCase] = {
    "reviews:start": _writer(_plan),
    "reviews:detail": UrlCase(_review, "inspector"),
    "reviews:about": _writer(_review),
    "reviews:attainment": _writer(_attainment),
    "reviews:support": _writer(_support),
    "reviews:risk": _writer(_risk),
    "reviews:next_step": _writer(_review),
    "reviews:share": _writer(_review),
    "reviews:agree": _writer(_review),
    "reviews:my_review": _writer(_review),
    "reviews:my_review_pdf": _writer(_review),
    "reviews:add_correction": _writer(_review),
    "reviews:change_option": _writer(_review),
    "reviews:new_plan_version": _writer(_review),
}

NOT_PERSONAL: dict[str, str] = {
    "reviews:due": "A list of the user's own team's plans due for review, "
    "filtered through visible_to; no one person's record in the URL.",
    "reviews:risks_due": "A list of risk agreements due for review for the user's "
    "own teams, filtered through visible_to; no one person's record in the URL.",
}

"""The support plan pages, for the URL permission walker."""

from typing import Any

from selfdirect.testing.url_cases import UrlCase


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _plan(p: Any) -> dict[str, Any]:
    plan = p.person.support_plans.get()
    return {"person_id": p.person.public_id, "plan_id": plan.public_id}


def _missing_plan(p: Any) -> dict[str, Any]:
    return {**_plan(p), "plan_id": "00000000-0000-4000-8000-000000000000"}


def _outcome(p: Any) -> dict[str, Any]:
    plan = p.person.support_plans.get()
    return {**_plan(p), "outcome_id": plan.outcomes.get().pk}


def _support(p: Any) -> dict[str, Any]:
    plan = p.person.support_plans.get()
    return {**_plan(p), "support_id": plan.supports.get().pk}


def _community_support(p: Any) -> dict[str, Any]:
    """A community resource in the persona's plan (made here, as the persona's
    plan has a paid support only)."""
    plan = p.person.support_plans.get()
    support, _ = plan.supports.get_or_create(
        provided_by="community", defaults={"what": "Lunch club at the church hall"}
    )
    return {**_plan(p), "support_id": support.pk}


def _writer(build: Any) -> UrlCase:
    return UrlCase(build, "practitioner_a")


PERSONAL: dict[str, UrlCase] = {
    "plans:start": _writer(_person),
    "plans:detail": UrlCase(_plan, "inspector"),
    "plans:add_outcome": _writer(_plan),
    "plans:edit_outcome": _writer(_outcome),
    "plans:remove_outcome": _writer(_outcome),
    "plans:add_support": _writer(_plan),
    "plans:edit_support": _writer(_support),
    "plans:remove_support": _writer(_support),
    "plans:support_follow_up": _writer(_community_support),
    "plans:contingency": _writer(_plan),
    "plans:budget": _writer(_plan),
    "plans:agree": _writer(_plan),
    "plans:new_version": _writer(_plan),
    "plans:my_plan": _writer(_plan),
    "plans:my_plan_pdf": _writer(_plan),
}

NOT_PERSONAL: dict[str, str] = {}

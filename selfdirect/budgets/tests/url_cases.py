from typing import Any

from selfdirect.testing.url_cases import UrlCase


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _budget(p: Any) -> dict[str, Any]:
    budget = p.person.indicative_budgets.get()
    return {"person_id": p.person.public_id, "budget_id": budget.public_id}


PERSONAL: dict[str, UrlCase] = {
    "budgets:new_ras": UrlCase(_person, "practitioner_a"),
    "budgets:new_equivalence": UrlCase(_person, "practitioner_a"),
    "budgets:detail": UrlCase(_budget, "practitioner_a"),
    "budgets:explained": UrlCase(_budget, "practitioner_a"),
    "budgets:explained_pdf": UrlCase(_budget, "practitioner_a"),
}

NOT_PERSONAL = {
    "budgets:methods": "the partnership's budget methods and delegated limits",
}

"""Delivery pages for the URL permission walker.

Finance officers see every person's delivery records, so pages only they may open
have no outsider; practitioners are refused (403) on payments and returns. The
finance lists are lists or totals, tested for 403 in test_views.py.
"""

from typing import Any

from selfdirect.testing.url_cases import UrlCase

NO_OUTSIDER = "finance officers see every person in the partnership"


def _person(p: Any) -> dict[str, Any]:
    return {"person_id": p.person.public_id}


def _agreement(p: Any) -> dict[str, Any]:
    agreement = p.person.direct_payment_agreements.get()
    return {**_person(p), "agreement_id": agreement.public_id}


def _payment(p: Any) -> dict[str, Any]:
    agreement = p.person.direct_payment_agreements.get()
    payment = agreement.payments.first()
    return {**_agreement(p), "payment_id": payment.public_id}


def _return(p: Any) -> dict[str, Any]:
    agreement = p.person.direct_payment_agreements.get()
    return {**_person(p), "return_id": agreement.returns.first().public_id}


def _fund(p: Any) -> dict[str, Any]:
    from selfdirect.delivery.models import IndividualServiceFund
    from selfdirect.providers.models import Provider

    fund = IndividualServiceFund.objects.create(
        person=p.person,
        provider=Provider.objects.get(),
        yearly_amount="12000.00",
        person_directs="Which workers come",
        starts_on="2026-03-01",
        recorded_by=p.practitioner_a,
    )
    return {**_person(p), "fund_id": fund.public_id}


def _arranged(p: Any) -> dict[str, Any]:
    return {**_person(p), "service_id": p.person.arranged_services.get().public_id}


def _practitioner(build: Any) -> UrlCase:
    return UrlCase(build, "practitioner_a", refused="panel_member")


def _finance(build: Any) -> UrlCase:
    return UrlCase(
        build,
        "finance_officer",
        refused="practitioner_a",
        outsider=None,
        why_no_outsider=NO_OUTSIDER,
    )


PERSONAL: dict[str, UrlCase] = {
    "delivery:person": _practitioner(_person),
    "delivery:add_agreement": _practitioner(_person),
    "delivery:agreement": _practitioner(_agreement),
    "delivery:edit_agreement": _practitioner(_agreement),
    "delivery:end_agreement": _practitioner(_agreement),
    "delivery:add_pa_employment": _practitioner(_agreement),
    "delivery:add_fund": _practitioner(_person),
    "delivery:edit_fund": _practitioner(_fund),
    "delivery:add_arranged": _practitioner(_person),
    "delivery:edit_arranged": _practitioner(_arranged),
    "delivery:add_payment": _finance(_agreement),
    "delivery:edit_payment": _finance(_payment),
    "delivery:record_return": _finance(_return),
    "delivery:decide_surplus": _finance(_return),
}

NOT_PERSONAL = {
    "delivery:finance": "totals only; SEE_FINANCE (403 tested in test_views.py)",
    "delivery:finance_csv": "totals only; SEE_FINANCE (403 tested in test_views.py)",
    "delivery:finance_summary": "refreshes the kept totals; SEE_FINANCE (test_summaries.py)",
    "delivery:monitoring_due": "a list scoped by visible_to(FINANCE): see test_views.py",
    "delivery:surplus": "a list scoped by visible_to(FINANCE): see test_views.py",
}

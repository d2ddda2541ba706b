"""Budget pages through HTTP."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from selfdirect.budgets.models import IndicativeBudget
from selfdirect.budgets.selectors import current_method
from selfdirect.budgets.tests.factories import ras_method
from selfdirect.testing.pdfs import pdf_text

pytestmark = pytest.mark.journey("budgets")


def _answers(level: int) -> dict[str, str]:
    method = current_method("ras", datetime.date(2026, 11, 2))
    assert method is not None
    return {
        f"q_{q['code']}": q["answers"][level]["code"]
        for d in method.config["domains"]
        for q in d["questions"]
    }


def test_a_practitioner_works_out_a_ras_budget_and_sees_the_arithmetic(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    person = personas.person
    url = reverse("budgets:new_ras", kwargs={"person_id": person.public_id})
    response = client.post(
        url, {"worked_out_on": "2/11/2026", "service_group": "", **_answers(1)}
    )
    assert response.status_code == 302
    budget = person.indicative_budgets.order_by("-id").first()
    page = client.get(response["Location"]).content.decode()
    assert f"£{budget.amount:,}" in page
    assert "Total points" in page
    assert "Within delegated authority" in page or "Goes to panel" in page


def test_missing_answers_show_an_error_summary_and_save_nothing(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    before = IndicativeBudget.objects.count()
    url = reverse("budgets:new_ras", kwargs={"person_id": personas.person.public_id})
    response = client.post(url, {"worked_out_on": "2/11/2026"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"Choose an answer to this question" in response.content
    assert IndicativeBudget.objects.count() == before


def test_equivalence_needs_hours_and_rate_or_a_weekly_cost(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    url = reverse(
        "budgets:new_equivalence", kwargs={"person_id": personas.person.public_id}
    )
    bad = client.post(url, {"worked_out_on": "2/11/2026", "what_1": "Care at home"})
    assert b"Give hours and a rate, or a cost a week" in bad.content
    good = client.post(
        url,
        {
            "worked_out_on": "2/11/2026",
            "what_1": "Care at home",
            "hours_1": "10",
            "rate_1": "24.50",
            "what_2": "Short breaks",
            "weekly_2": "45",
        },
    )
    assert good.status_code == 302
    budget = personas.person.indicative_budgets.order_by("-id").first()
    assert budget.amount == Decimal("15080.00")  # (245 + 45) x 52
    assert budget.authority == "panel"


def test_the_person_page_explains_the_budget_and_offers_a_pdf(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    budget = personas.person.indicative_budgets.get()
    kwargs = {"person_id": personas.person.public_id, "budget_id": budget.public_id}
    page = client.get(reverse("budgets:explained", kwargs=kwargs)).content.decode()
    assert "What this money is for" in page
    assert "Rounded to the nearest penny" in page
    assert "Download this letter (PDF)" in page
    pdf = client.get(reverse("budgets:explained_pdf", kwargs=kwargs))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    amount = text.index("£15,250.00 a year")
    assert amount < text.index("What this money is for") < text.index("Appendix")
    assert text.index("Appendix") < text.index("points × £250.00 a point")
    assert "Scottish Public Services Ombudsman" in text
    assert "not yet been confirmed" not in text


def test_a_budget_from_an_unconfirmed_method_never_reaches_a_letter(
    client, personas
) -> None:
    budget = personas.person.indicative_budgets.get()
    budget.method = ras_method()  # the illustrative method: figures not confirmed
    budget.save(update_fields=["method"])
    client.force_login(personas.practitioner_a)
    kwargs = {"person_id": personas.person.public_id, "budget_id": budget.public_id}
    page = client.get(reverse("budgets:explained", kwargs=kwargs)).content.decode()
    assert "This cannot be sent to the person yet" in page
    assert reverse("budgets:explained_pdf", kwargs=kwargs) not in page
    refused = client.get(reverse("budgets:explained_pdf", kwargs=kwargs))
    assert refused.status_code == 409
    assert refused["Content-Type"].startswith("text/html")
    assert "figures the partnership has not yet confirmed" in refused.content.decode()


@pytest.mark.parametrize("who", ["practitioner_a", "administrator"])
def test_the_methods_page_shows_versions_and_limits(client, personas, who) -> None:
    client.force_login(getattr(personas, who))
    page = client.get(reverse("budgets:methods")).content.decode()
    assert "Adult resource allocation system" in page
    assert "£12,000.00" in page


def test_the_methods_page_is_refused_to_roles_without_budget_work(
    client, personas
) -> None:
    client.force_login(personas.finance_officer)
    assert client.get(reverse("budgets:methods")).status_code == 403


def test_the_person_page_shows_the_budget_section(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    ).content.decode()
    assert "Indicative budget" in page
    assert "Work out a budget with the resource allocation questions" in page


def test_the_person_page_offers_only_the_methods_set_up(client, personas) -> None:
    from selfdirect.budgets.models import BudgetMethod

    client.force_login(personas.practitioner_a)
    url = reverse("people:detail", kwargs={"person_id": personas.person.public_id})
    BudgetMethod.objects.filter(kind="ras").update(active=False)
    page = client.get(url).content.decode()
    assert "Work out a budget with the resource allocation questions" not in page
    assert "Work out a budget by pricing the support" in page
    BudgetMethod.objects.update(active=False)
    page = client.get(url).content.decode()
    assert "Work out a budget" not in page
    assert "No budget method is set up yet: ask your administrator" in page


def test_the_methods_page_says_when_no_method_is_loaded(client, db) -> None:
    from selfdirect.accounts.tests.factories import UserFactory
    from selfdirect.budgets.models import BudgetMethod

    BudgetMethod.objects.all().delete()
    client.force_login(UserFactory.create(role="administrator"))
    page = client.get(reverse("budgets:methods")).content.decode()
    assert "No budget method is set up yet." in page


def test_equivalence_errors_show_beside_the_line_and_save_nothing(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    url = reverse(
        "budgets:new_equivalence", kwargs={"person_id": personas.person.public_id}
    )
    before = IndicativeBudget.objects.count()
    bad = client.post(
        url,
        {
            "worked_out_on": "2/11/2026",
            "what_1": "Care at home",
            "weekly_1": "100",
            "hours_3": "4",
        },
    )
    assert bad.context["form"].errors["what_3"] == ["Say what this support is"]
    empty = client.post(url, {"worked_out_on": "2/11/2026"})
    assert b"Price at least one line of support" in empty.content
    assert IndicativeBudget.objects.count() == before


def test_a_budget_worked_out_in_another_system_says_so(client, personas) -> None:
    """A budget brought in with a partnership's records (casefile import): its
    amount as that system gave it, its authority by the same rule, its page saying
    where it came from."""
    from selfdirect.budgets.services import record_budget_worked_out_elsewhere

    budget = record_budget_worked_out_elsewhere(
        person=personas.person,
        by=personas.practitioner_a,
        amount=Decimal("30000.00"),
        worked_out_on=datetime.date(2026, 11, 2),
        method=None,
        method_version=3,
        service_group=None,
        explanation="Resource allocation in the old system.",
        source="old-recording-system",
    )
    assert (budget.amount, budget.method_version) == (Decimal("30000.00"), 3)
    assert budget.authority == "panel"  # above the practitioner's limit
    assert budget.workings == [
        {"step": "brought_in", "source": "old-recording-system", "amount": "30000.00"}
    ]
    client.force_login(personas.practitioner_a)
    page = client.get(
        reverse(
            "budgets:detail",
            kwargs={
                "person_id": personas.person.public_id,
                "budget_id": budget.public_id,
            },
        )
    ).content.decode()
    assert "worked out in another system (old-recording-system)" in page
    assert "Worked out in another system" in page

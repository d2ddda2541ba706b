"""What the person receives from the choices stage: the direct payment refusal
letter, and the Easy Read 'four options' with their own amounts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from selfdirect.budgets.tests.factories import ras_method
from selfdirect.choices import selectors
from selfdirect.choices.models import InformationGiven
from selfdirect.testing.pdfs import pdf_text

pytestmark = pytest.mark.journey("budgets", "choices")


def _easy_read(client, personas) -> str:
    url = reverse(
        "choices:easy_read_for_person", kwargs={"person_id": personas.person.public_id}
    )
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


def test_the_refusal_letter_is_dated_and_gives_the_worker_and_routes(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    check = personas.person.direct_payment_checks.get()
    kwargs = {"person_id": personas.person.public_id, "check_id": check.public_id}
    response = client.get(reverse("choices:refusal_letter", kwargs=kwargs))
    text = pdf_text(response.content)
    with translation.override("en-gb"):
        today = date_format(timezone.localdate(), "j F Y")
    assert f"Date: {today}" in text
    assert "On 18 October 2026 we decided" in text
    assert check.refusal_reasons in text
    assert f"Your worker is {personas.practitioner_a.display_name}." in text
    assert "ask us to look at a decision again" in text
    assert "Scottish Public Services Ombudsman (SPSO)" in text
    assert "your worker will tell you how" not in text.lower()


def test_the_easy_read_table_holds_the_persons_budget(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    text = _easy_read(client, personas)
    for option in range(1, 5):
        assert f"Option {option} £15,250.00 a year" in text
    assert "Pictures: OpenMoji, CC BY-SA 4.0" in text


def test_the_easy_read_table_holds_the_amounts_stated_when_there_are_some(
    client, personas
) -> None:
    information = InformationGiven.objects.create(
        person=personas.person,
        given_on=datetime.date(2026, 11, 1),
        given_by=personas.practitioner_a,
    )
    information.amounts.create(option=1, amount=Decimal("290.00"), period="week")
    information.amounts.create(option=3, amount=Decimal("15080.00"), period="year")
    client.force_login(personas.practitioner_a)
    text = _easy_read(client, personas)
    assert "Option 1 £290.00 a week" in text
    assert "Option 3 £15,080.00 a year" in text
    assert "£15,250.00" not in text


def test_an_unconfirmed_budget_leaves_the_amounts_blank(personas) -> None:
    personas.person.indicative_budgets.update(method=ras_method())
    rows = selectors.easy_read_amounts(personas.person)
    assert [row.option for row in rows] == [1, 2, 3, 4]
    assert all(row.amount is None for row in rows)

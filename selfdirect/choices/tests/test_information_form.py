"""The information form is filled in from the indicative budget, says so when
there is none, and marks as optional only what the rule leaves optional."""

import pytest
from django.urls import reverse

from selfdirect.budgets.tests.factories import IndicativeBudgetFactory


def _form(client, personas) -> str:
    client.force_login(personas.practitioner_a)
    url = reverse("choices:information", args=[personas.person.public_id])
    return client.get(url).content.decode()


def test_without_a_budget_the_form_says_there_are_no_amounts(client, personas) -> None:
    html = _form(client, personas)
    assert "No indicative budget has been worked out yet" in html
    assert 'id="id_amount_1" value=""' in html


def test_the_amounts_come_from_the_budget_a_year(client, personas) -> None:
    budget = IndicativeBudgetFactory.create(
        person=personas.person, recorded_by=personas.practitioner_a
    )
    html = _form(client, personas)
    assert "Filled in from the indicative budget" in html
    for option in (1, 2, 3, 4):
        assert f'id="id_amount_{option}" value="{budget.amount}"' in html
    assert 'value="year" checked' in html


@pytest.mark.parametrize("option", [1, 2, 3, 4])
def test_amounts_the_rule_requires_are_not_labelled_optional(
    client, personas, option: int
) -> None:
    html = _form(client, personas)
    label = f"Amount stated for option {option} (£)"
    needed = f'<span class="sd-optional">(needed if you explained option {option})'
    assert f"{label} {needed}" in html
    assert f'{label} <span class="sd-optional">(optional)' not in html

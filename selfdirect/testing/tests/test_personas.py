"""The personas: each test gets its own, with only the journey stages it asks for."""

import pytest

from selfdirect.people.models import Person
from selfdirect.testing.journey import stages, whole_journey


def test_a_stage_comes_in_journey_order_after_the_stages_it_builds_on() -> None:
    assert stages({"panel"}) == ["conversations", "budgets", "plans", "panel"]
    assert stages({"delivery"}) == ["delivery"]
    assert stages(whole_journey()) == list(whole_journey())


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="no-such-stage"):
        stages({"no-such-stage"})


def test_without_a_journey_the_person_has_only_a_first_contact(personas) -> None:
    assert personas.person.first_contacts.count() == 1
    assert not personas.person.conversations.exists()


@pytest.mark.journey("plans")
def test_a_test_gets_the_stages_it_asks_for_and_no_later_one(personas) -> None:
    person = personas.person
    assert person.conversations.count() == 1
    assert person.support_plans.count() == 1
    assert not person.indicative_budgets.exists()
    assert not person.panel_submissions.exists()


@pytest.mark.parametrize("postcode", ["G1 1AA", "G2 2BB"])
def test_a_tests_changes_are_gone_before_the_next_test(personas, postcode) -> None:
    person = personas.person
    assert person.postcode == Person.objects.get(pk=person.pk).postcode == "G81 1UE"
    assert list(personas.practitioner_a.teams.all()) == [personas.team_a]
    person.postcode = postcode
    person.save()
    personas.practitioner_a.teams.clear()

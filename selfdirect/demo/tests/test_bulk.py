"""`demo.bulk.new` makes what `Model(**values)` makes, faster."""

import datetime
import uuid

import pytest

from selfdirect.accounts.models import Team
from selfdirect.demo.bulk import new
from selfdirect.people.models import Allocation, Person, Relationship
from selfdirect.plans.models import PlanOutcome, SupportPlan

DAY = datetime.date(2026, 3, 2)


def _fields(obj: object) -> dict[str, object]:
    found = dict(vars(obj))
    found.pop("_state")
    return found


def _person() -> dict[str, object]:
    return {
        "public_id": uuid.UUID(int=7, version=4),
        "first_name": "Morag",
        "last_name": "Reid",
        "date_of_birth": DAY,
        "postcode": "G1 1AA",
        "locality_id": 3,
        "status": "open",
    }


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (Person, _person()),
        (
            SupportPlan,
            {
                "public_id": uuid.UUID(int=8, version=4),
                "person_id": 1,
                "started_on": DAY,
            },
        ),
        (PlanOutcome, {"words": "To get out", "target_date": None}),
        (Allocation, {"person_id": 4, "team_id": 2, "worker": None}),
    ],
)
def test_new_gives_the_fields_model_init_gives(model, values) -> None:
    made, expected = new(model, **values), model(**values)
    assert type(made) is model
    assert _fields(made) == _fields(expected)
    assert made._state.adding and made._state.db is None


def test_related_objects_are_cached_and_their_ids_copied() -> None:
    person = Person(**_person())
    person.pk = 12
    team = Team(pk=5, name="North")
    made = new(Allocation, person=person, team=team, started_on=DAY)
    expected = Allocation(person=person, team=team, started_on=DAY)
    assert (made.person_id, made.team_id) == (12, 5)
    assert made.person is person and made.team is team
    assert _fields(made) == _fields(expected)
    assert made._state.fields_cache == expected._state.fields_cache
    assert made._state.db == expected._state.db == "default"


def test_a_related_object_saved_later_gives_its_id_at_saving() -> None:
    person = Person(**_person())
    link = new(Relationship, person=person, kind="family")
    assert link.person_id is None and link.person is person


def test_a_default_worked_out_each_time_is_worked_out_for_each_row() -> None:
    first, second = new(SupportPlan, person_id=1), new(SupportPlan, person_id=1)
    assert first.public_id != second.public_id


def test_an_unknown_name_is_refused_as_by_model_init() -> None:
    with pytest.raises(TypeError):
        Person(nickname="Mo")  # type: ignore[misc]
    with pytest.raises(TypeError, match="nickname"):
        new(Person, nickname="Mo")

"""The exercise's sample: stratified, proportional, and the same every time from
the same seed and population."""

import datetime

import pytest

from selfdirect.accounts.tests.factories import TeamFactory
from selfdirect.assurance.exercises import sampling
from selfdirect.conversations.tests.factories import ConversationFactory
from selfdirect.people.models import ServiceGroup
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory
from selfdirect.testing.reference_data import ensure_reference_data

AS_OF = datetime.date(2026, 11, 20)

pytestmark = pytest.mark.django_db


@pytest.fixture
def population() -> dict[str, int]:
    """30 assessed people in team A's older people, 10 in team B's learning
    disability group; 8 signposted with no assessment; and people outside."""
    ensure_reference_data()
    team_a, team_b = TeamFactory.create(), TeamFactory.create()
    older, learning = ServiceGroup.objects.order_by("order")[:2]
    for count, team, group in ((30, team_a, older), (10, team_b, learning)):
        for _ in range(count):
            person = PersonFactory.create(team=team)
            person.service_groups.add(group)
            ConversationFactory.create(person=person, team=team)
    for _ in range(8):
        FirstContactFactory.create(person=PersonFactory.create(team=team_a))
    # Outside the window, and signposted but later assessed: in neither group.
    ConversationFactory.create(conversation_date=datetime.date(2025, 1, 1))
    later = FirstContactFactory.create().person
    ConversationFactory.create(person=later)
    return {"team_a": team_a.pk, "team_b": team_b.pk}


def _draw(seed: int, assessed: int = 8, signposted: int = 4) -> list[sampling.Drawn]:
    return sampling.draw(
        as_of=AS_OF, months=12, assessed=assessed, signposted=signposted, seed=seed
    )


def test_the_same_seed_draws_the_same_sample(population: dict[str, int]) -> None:
    first = [one.candidate.person_id for one in _draw(41)]
    again = [one.candidate.person_id for one in _draw(41)]
    other = [one.candidate.person_id for one in _draw(42)]
    assert first == again
    assert first != other


def test_the_sample_is_shared_in_proportion_to_the_strata(
    population: dict[str, int],
) -> None:
    drawn = _draw(7, assessed=8)
    assessed = [one for one in drawn if one.group == sampling.ASSESSED]
    by_team = [one.candidate.team_id for one in assessed]
    assert by_team.count(population["team_a"]) == 6  # 30 of 40 → 6 of 8
    assert by_team.count(population["team_b"]) == 2  # 10 of 40 → 2 of 8
    assert len({one.stratum for one in assessed}) == 2


def test_the_signposted_group_has_no_formal_assessment(
    population: dict[str, int],
) -> None:
    drawn = _draw(7, signposted=20)
    signposted = [one for one in drawn if one.group == sampling.SIGNPOSTED]
    assert len(signposted) == 8  # all there are, never more
    assessed_ids = {
        one.candidate.person_id for one in drawn if one.group == sampling.ASSESSED
    }
    assert not assessed_ids & {one.candidate.person_id for one in signposted}


def test_shares_use_the_largest_remainders() -> None:
    assert sampling.shares({(1, 1): 5, (2, 1): 3, (3, 1): 2}, 6) == {
        (1, 1): 3,
        (2, 1): 2,
        (3, 1): 1,
    }
    assert sampling.shares({(1, 1): 2}, 60) == {(1, 1): 2}

"""timings by group: each group's median and 90th percentile, worked out in the
database with window functions, equal the nearest rank worked out by hand."""

import datetime
import math
import random

import pytest

from selfdirect.accounts.tests.factories import LocalityFactory, TeamFactory
from selfdirect.insights.indicators import breakdowns
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.timings import by_group, ranks, steps, timings
from selfdirect.people.models import ServiceGroup
from selfdirect.people.tests.factories import AllocationFactory, PersonFactory

from . import timings_example
from .timings_example import decided

D = datetime.date
YEAR = Period(2025)
STEP = "panel_submission_to_decision"


def nearest_rank(values: list[int], share: float) -> int | None:
    """The nearest-rank percentile, by hand: the ceil(share × n)-th smallest."""
    if not values:
        return None
    return sorted(values)[max(1, math.ceil(share * len(values))) - 1]


def test_the_ranks_are_the_nearest_ranks() -> None:
    for n in range(1, 500):
        assert ranks(n) == (math.ceil(n / 2), math.ceil(9 * n / 10))


@pytest.mark.django_db
def test_the_worked_example_in_the_docs(django_assert_num_queries) -> None:
    example = timings_example.build()
    found = timings(YEAR, D(2026, 3, 31), breakdowns=("locality",))
    # The headline: 3, 7, 10, 12, 20, 30, 31, 40: ranks 4 and 8.
    assert found[STEP] == {"count": 8, "median_days": 12, "p90_days": 40}
    by_place = {i["group"]: i for i in found["breakdowns"]["locality"][STEP]}
    assert by_place == {
        "North": {"group": "North", "count": 4, "median_days": 10, "p90_days": 40},
        "Not recorded": {
            "group": "Not recorded",
            "count": 1,
            "median_days": 20,
            "p90_days": 20,
        },
        "South": {"group": "South", "count": 3, "median_days": 30, "p90_days": 31},
    }
    waits = found["breakdowns"]["locality"]["waiting_for_panel_decision"]
    assert waits == [{"group": "South", "count": 1, "median_days": 30, "p90_days": 30}]
    assert example.waiting.person.first_name == "Jo"
    with django_assert_num_queries(1):  # one statement per step
        by_group(steps(YEAR)[STEP], "locality", YEAR)


@pytest.mark.django_db
def test_every_group_equals_the_nearest_rank_by_hand() -> None:
    """Random days (a fixed seed) for 60 people in three localities, two teams,
    two service groups and every age band: each group's figures equal the nearest
    rank of that group's days worked out in Python, and the headline equals the
    existing ordered query's."""
    pick = random.Random(15)  # noqa: S311 (test data, not secrets)
    places = [LocalityFactory.create(name=n) for n in ("East", "West", "Middle")]
    teams = [TeamFactory.create(name=n) for n in ("Team A", "Team B")]
    groups = [
        ServiceGroup.objects.create(code=c, name=c.title(), published_grouping="x")
        for c in ("older", "learning")
    ]
    births = [D(2010, 1, 1), D(1980, 1, 1), D(1940, 1, 1)]
    by_hand: dict[str, dict[str, list[int]]] = {
        d: {} for d in ("locality", "team", "service_group", "age_band")
    }
    everyone: list[int] = []
    for _ in range(60):
        place = pick.choice([*places, None])
        born = pick.choice(births)
        person = PersonFactory.create(locality=place, date_of_birth=born)
        team = pick.choice([*teams, None])
        if team:
            AllocationFactory.create(person=person, team=team, started_on=D(2024, 1, 1))
        mine = pick.sample(groups, pick.choice([0, 1, 2]))
        person.service_groups.set(mine)
        days = pick.randint(0, 120)
        decided(person, D(2025, 6, 1), D(2025, 6, 1) + datetime.timedelta(days=days))
        everyone.append(days)
        keys = {
            "locality": [place.name if place else breakdowns.NOT_RECORDED],
            "team": [team.name if team else breakdowns.NOT_RECORDED],
            "service_group": [g.name for g in mine] or [breakdowns.NOT_RECORDED],
            "age_band": [{2010: "0-17", 1980: "18-64", 1940: "65+"}[born.year]],
        }
        for dimension, labels in keys.items():
            for label in labels:
                by_hand[dimension].setdefault(label, []).append(days)
    found = timings(YEAR, D(2026, 3, 31), breakdowns=True)
    assert found[STEP] == {
        "count": 60,
        "median_days": nearest_rank(everyone, 0.5),
        "p90_days": nearest_rank(everyone, 0.9),
    }
    for dimension, groups_by_hand in by_hand.items():
        expected = [
            {
                "group": label,
                "count": len(values),
                "median_days": nearest_rank(values, 0.5),
                "p90_days": nearest_rank(values, 0.9),
            }
            for label, values in sorted(groups_by_hand.items())
        ]
        assert found["breakdowns"][dimension][STEP] == expected, dimension
    # Nobody has an option in effect: one group, everyone.
    assert [i["count"] for i in found["breakdowns"]["option"][STEP]] == [60]
    assert found["breakdowns"]["option"][STEP][0]["group"] == "No option"

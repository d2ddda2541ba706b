"""The `carers` indicator: docs/indicators.md's worked example, counted exactly."""

import pytest

from selfdirect.insights.indicators import registry
from selfdirect.insights.indicators.carers import carers
from selfdirect.insights.indicators.periods import Period
from selfdirect.insights.indicators.table import as_table

from .carers_example import build


@pytest.fixture
def example(db):
    return build()


def _groups(items, *names):
    return {i["group"]: tuple(i[n] for n in names) for i in items}


def test_the_worked_example_in_the_docs(example) -> None:
    found = carers(Period(2025))
    assert found["plans"] == {"offered": 2, "completed": 2, "reviewed": 1}
    assert found["statements"] == {"offered": 1, "completed": 0, "reviewed": 0}
    assert found["all"] == {"offered": 3, "completed": 2, "reviewed": 1}
    by = found["breakdowns"]
    names = ("plans_offered", "plans_completed", "statements_offered", "all_offered")
    assert _groups(by["locality"], *names) == {
        "Clydebank": (2, 1, 0, 2),
        "Dumbarton": (0, 1, 1, 1),
    }
    assert _groups(by["locality"], "plans_reviewed") == {
        "Clydebank": (1,),
        "Dumbarton": (0,),
    }
    assert _groups(by["age_band"], *names) == {
        "0-17": (0, 0, 1, 1),
        "18-64": (1, 1, 0, 1),
        "65+": (1, 1, 0, 1),
    }
    assert set(by) == {"locality", "team", "service_group", "age_band"}


def test_a_quarter_and_the_engine(example) -> None:
    assert carers(Period(2025, 1), breakdowns=False) == {
        "plans": {"offered": 1, "completed": 1, "reviewed": 0},
        "statements": {"offered": 0, "completed": 0, "reviewed": 0},
        "all": {"offered": 1, "completed": 1, "reviewed": 0},
    }
    found = registry.compute(Period(2025), only=("carers",))
    assert found["carers"]["all"] == {"offered": 3, "completed": 2, "reviewed": 1}
    assert "Young carer statements" in as_table(Period(2025), found)
    assert len(registry.trend("carers", Period(2025), 4)) == 4


def test_the_dashboard_page_shows_the_worked_example(client, example) -> None:
    from django.urls import reverse

    from selfdirect.accounts.roles import Role
    from selfdirect.accounts.tests.factories import UserFactory

    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    url = reverse("insights:indicators_area", args=["carers"])
    for breakdown in ("locality", "age_band", "trend"):
        response = client.get(url, {"year": "2025", "breakdown": breakdown})
        assert response.status_code == 200
        text = response.content.decode()
        assert "Adult carer support plans: reviewed" in text
        assert "<table" in text and "Carer support plans and young carer" in text
    by_locality = client.get(url, {"year": "2025", "breakdown": "locality"})
    assert "Clydebank" in by_locality.content.decode()

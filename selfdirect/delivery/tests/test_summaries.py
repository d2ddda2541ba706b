"""Spend by option kept as a summary table (core.summaries): the kept figures equal
the live ones, only the partnership-wide reach is kept, the page says so."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.core import summaries
from selfdirect.core.models import SummarySnapshot
from selfdirect.delivery import selectors
from selfdirect.delivery.summaries import SPEND, from_data, params_for, to_data

from .factories import AgreementFactory, ArrangedFactory, FundFactory, PaymentFactory

pytestmark = pytest.mark.journey("delivery")


@pytest.fixture
def spending(db):
    for _ in range(3):
        agreement = AgreementFactory.create()
        PaymentFactory.create(agreement=agreement)
        FundFactory.create()
        ArrangedFactory.create()
    ArrangedFactory.create(ends_on=datetime.date(2020, 5, 1))  # ended


def test_the_kept_figures_equal_the_live_computation(spending) -> None:
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    today = timezone.localdate()
    params = params_for(finance, today)
    assert params is not None
    summaries.refresh(SPEND, params, by=finance)  # runs at once in tests
    snapshot = summaries.current(SPEND, params)
    assert snapshot is not None and snapshot.job is not None
    assert snapshot.computed_by == finance and snapshot.job.status == "done"
    live = selectors.spend(finance, today, "Not recorded")
    assert snapshot.data == to_data(selectors.spend(finance, today, ""))
    assert from_data(snapshot.data, "Not recorded") == live
    assert live.total > 0


def test_only_the_partnership_wide_reach_is_kept(db) -> None:
    today = datetime.date(2026, 6, 1)
    assert params_for(UserFactory.create(role=Role.TEAM_MANAGER), today) is None
    assert params_for(UserFactory.create(role=Role.FINANCE_OFFICER), today) == {
        "reach": "everyone_current",
        "on": "2026-06-01",
    }


def test_the_page_shows_the_kept_figures_and_refreshes_them(client, spending) -> None:
    finance = UserFactory.create(role=Role.FINANCE_OFFICER)
    client.force_login(finance)
    first = client.get(reverse("delivery:finance")).content.decode()
    assert "worked out from the records just now" in first
    response = client.post(reverse("delivery:finance_summary"))
    assert response.status_code == 302
    progress = client.get(response["Location"]).content.decode()
    assert "The summary is ready" in progress
    text = client.get(reverse("delivery:finance")).content.decode()
    assert "These figures are a summary worked out at" in text
    assert "Out of date" not in text
    SummarySnapshot.objects.update(stale_since=timezone.now())
    text = client.get(reverse("delivery:finance")).content.decode()
    assert "Out of date: records this report counts changed" in text


def test_a_team_manager_sees_live_figures_and_cannot_keep_them(client, db) -> None:
    client.force_login(UserFactory.create(role=Role.TEAM_MANAGER))
    text = client.get(reverse("delivery:finance")).content.decode()
    assert "Keep a summary" not in text
    assert client.post(reverse("delivery:finance_summary")).status_code == 302
    assert not SummarySnapshot.objects.exists()
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    assert client.post(reverse("delivery:finance_summary")).status_code == 403

"""Finance corrects a year's recorded spend: the change is kept in history and the
audit log, a second person's stale form never overwrites it, bad figures change
nothing, and only finance may change it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from selfdirect.audit.models import AuditEvent
from selfdirect.insights.models import AdultSocialCareSpend
from selfdirect.insights.tests.factories import SpendFactory

pytestmark = pytest.mark.django_db


def _form(client, url: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    html = client.get(url).content.decode()
    token = html.split('name="submission_token" value="')[1].split('"')[0]
    version = html.split('name="version" value="')[1].split('"')[0]
    return {
        "total": "1200000.00",
        "adults_only_total": "",
        "source": "Ledger report rerun, June",
        "version": version,
        "submission_token": token,
    }


def test_finance_corrects_a_year_with_history_and_audit(client, personas) -> None:
    row = SpendFactory.create(financial_year=2025)
    client.force_login(personas.finance_officer)
    listed = client.get(reverse("insights:spend_list")).content.decode()
    url = reverse("insights:spend_change", args=[2025])
    assert url in listed
    response = client.post(url, _form(client, url))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.total == Decimal("1200000.00")
    assert row.source == "Ledger report rerun, June"
    assert row.financial_year == 2025
    assert [h.total for h in row.history.order_by("history_date")] == [
        Decimal("1000000.00"),
        Decimal("1200000.00"),
    ]
    assert AuditEvent.objects.filter(action="insights.spend_changed").count() == 1


def test_a_stale_form_shows_the_conflict_and_saves_nothing(client, personas) -> None:
    row = SpendFactory.create(financial_year=2025)
    client.force_login(personas.finance_officer)
    url = reverse("insights:spend_change", args=[2025])
    first, second = _form(client, url), _form(client, url)
    assert client.post(url, first).status_code == 302
    response = client.post(url, {**second, "total": "999.00"})
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    row.refresh_from_db()
    assert row.total == Decimal("1200000.00")


def test_bad_figures_are_explained_and_change_nothing(client, personas) -> None:
    row = SpendFactory.create(financial_year=2025)
    client.force_login(personas.finance_officer)
    url = reverse("insights:spend_change", args=[2025])
    data = {**_form(client, url), "total": "500", "adults_only_total": "900"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "between £0 and the total spend" in response.content.decode()
    row.refresh_from_db()
    assert row.total == Decimal("1000000.00") and row.version == 1


@pytest.mark.parametrize("who", ["quality_lead", "practitioner_a", "manager_a"])
def test_only_finance_may_change_a_year(client, personas, who) -> None:
    SpendFactory.create(financial_year=2025)
    client.force_login(getattr(personas, who))
    url = reverse("insights:spend_change", args=[2025])
    assert client.get(url).status_code == 403
    assert client.post(url, {"total": "1"}).status_code == 403
    assert AdultSocialCareSpend.objects.get().total == Decimal("1000000.00")


def test_a_year_not_recorded_is_not_found(client, personas) -> None:
    client.force_login(personas.finance_officer)
    assert client.get(reverse("insights:spend_change", args=[2019])).status_code == 404

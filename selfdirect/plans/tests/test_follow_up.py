"""Signposting from plans: a community resource in the plan is followed up."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.plans import services
from selfdirect.plans.models import Support, SupportPlan

from .factories import SupportFactory

pytestmark = pytest.mark.journey("plans")

D = datetime.date


@pytest.fixture
def lunch_club(db) -> Support:
    return SupportFactory.create(
        what="Lunch club at the church hall",
        provided_by=Support.ProvidedBy.COMMUNITY,
        option=None,
        yearly_cost=0,
        hours_per_week=None,
    )


def test_a_follow_up_is_recorded_even_on_an_agreed_plan(lunch_club) -> None:
    SupportPlan.objects.filter(pk=lunch_club.plan_id).update(state="agreed")
    lunch_club.plan.refresh_from_db()
    worker = UserFactory.create()
    services.record_support_follow_up(
        support=lunch_club,
        by=worker,
        version=lunch_club.version,
        followed_up_on=D(2026, 12, 1),
        used_it=True,
        need_met=False,
    )
    lunch_club.refresh_from_db()
    assert (lunch_club.used_it, lunch_club.need_met) == (True, False)
    assert lunch_club.history.count() == 2
    assert AuditEvent.objects.filter(action="plan.support_followed_up").exists()


def test_a_follow_up_from_a_stale_page_is_a_conflict(lunch_club) -> None:
    worker = UserFactory.create()
    stale = lunch_club.version
    services.record_support_follow_up(
        support=lunch_club,
        by=worker,
        version=stale,
        followed_up_on=D(2026, 12, 1),
        used_it=True,
        need_met=True,
    )
    with pytest.raises(EditConflict):
        services.record_support_follow_up(
            support=Support.objects.get(pk=lunch_club.pk),
            by=worker,
            version=stale,
            followed_up_on=D(2026, 12, 2),
            used_it=False,
            need_met=False,
        )
    lunch_club.refresh_from_db()
    assert lunch_club.used_it is True


def test_only_community_resources_are_followed_up_like_this(db) -> None:
    paid = SupportFactory.create()
    with pytest.raises(ValidationError):
        services.record_support_follow_up(
            support=paid,
            by=UserFactory.create(),
            version=paid.version,
            followed_up_on=D(2026, 12, 1),
            used_it=True,
            need_met=True,
        )


def test_the_page_records_how_it_went_and_bad_input_changes_nothing(
    client, personas
) -> None:
    plan = personas.person.support_plans.get()
    support = plan.supports.create(
        what="Walking group", provided_by=Support.ProvidedBy.COMMUNITY
    )
    url = reverse(
        "plans:support_follow_up",
        args=[personas.person.public_id, plan.public_id, support.pk],
    )
    client.force_login(personas.practitioner_a)
    refused = client.post(url, {"version": support.version, "used_it": "yes"})
    assert refused.status_code == 200
    assert "Date of follow-up" in refused.content.decode()
    support.refresh_from_db()
    assert support.followed_up_on is None
    saved = client.post(
        url,
        {
            "version": support.version,
            "followed_up_on": "20/11/2026",
            "used_it": "yes",
            "need_met": "unknown",
        },
    )
    assert saved.status_code == 302
    support.refresh_from_db()
    assert (support.used_it, support.need_met) == (True, None)
    page = client.get(saved["Location"]).content.decode()
    assert "Followed up 20 November 2026" in page


def test_a_paid_support_has_no_follow_up_page(client, personas) -> None:
    plan = personas.person.support_plans.get()
    paid = plan.supports.exclude(provided_by="community").get()
    client.force_login(personas.practitioner_a)
    url = reverse(
        "plans:support_follow_up",
        args=[personas.person.public_id, plan.public_id, paid.pk],
    )
    assert client.get(url).status_code == 404


def test_change_pages_of_an_agreed_plan_send_the_user_back_saying_why(
    client, personas
) -> None:
    plan = personas.person.support_plans.get()
    plan.state = "agreed"
    plan.save()
    client.force_login(personas.practitioner_a)
    args = [personas.person.public_id, plan.public_id]
    for name in ("plans:add_outcome", "plans:contingency", "plans:agree"):
        response = client.get(reverse(name, args=args), follow=True)
        assert response.redirect_chain[0][0].startswith(
            reverse("plans:detail", args=args)
        )
        assert "cannot be changed" in response.content.decode()

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from selfdirect.plans.models import SupportPlan
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason, Review
from selfdirect.reviews.tests.factories import agreed_plan

pytestmark = pytest.mark.journey("plans")

TODAY = timezone.localdate()


def _agreed(personas, review_on: datetime.date) -> SupportPlan:
    plan = personas.person.support_plans.get()
    SupportPlan.objects.filter(pk=plan.pk).update(
        state="agreed",
        agreed_on=TODAY - datetime.timedelta(days=400),
        review_on=review_on,
    )
    plan.refresh_from_db()
    return plan


def _r(name: str, review: Review, **extra) -> str:
    return reverse(
        name,
        kwargs={
            "person_id": review.person.public_id,
            "review_id": review.public_id,
            **extra,
        },
    )


def test_a_review_from_the_plan_to_agreement(client, personas) -> None:
    plan = _agreed(personas, TODAY - datetime.timedelta(days=30))
    client.force_login(personas.practitioner_a)
    person_page = client.get(reverse("people:detail", args=[personas.person.public_id]))
    start_url = reverse(
        "reviews:start", args=[personas.person.public_id, plan.public_id]
    )
    assert start_url in person_page.content.decode()

    response = client.post(
        start_url, {"kind": "planned", "started_on": TODAY.isoformat()}
    )
    review = Review.objects.get(plan=plan)
    assert response["Location"] == _r("reviews:detail", review)
    assert review.due_on == plan.review_on

    attainment = review.attainments.get()
    not_met = AttainmentLevel.objects.get(code="not_met")
    response = client.post(
        _r("reviews:attainment", review, part_id=attainment.pk),
        {"level": not_met.pk, "version": attainment.version},
    )
    assert response.status_code == 200  # a poor outcome needs a reason
    assert "at least one reason" in response.content.decode()
    reason = PoorOutcomeReason.objects.get(code="provider_capacity")
    response = client.post(
        _r("reviews:attainment", review, part_id=attainment.pk),
        {
            "level": not_met.pk,
            "reasons": [reason.pk],
            "reason_narrative": "No staff on Tuesdays",
            "version": attainment.version,
        },
    )
    assert response.status_code == 302
    client.post(
        _r("reviews:about", review),
        {"took_part": "did_not", "why_not_taking_part": "In hospital", "version": 1},
    )
    review.refresh_from_db()
    client.post(
        _r("reviews:next_step", review),
        {
            "next_step": "change_of_option",
            "next_review_on": (TODAY + datetime.timedelta(days=90)).isoformat(),
            "version": review.version,
        },
    )
    review.refresh_from_db()
    client.post(
        _r("reviews:share", review),
        {"shared_on": TODAY.isoformat(), "version": review.version},
    )
    review.refresh_from_db()
    assert review.state == "shared"
    data = {
        "agreed_on": TODAY.isoformat(),
        "agreed_by": "Isla MacLeod",
        "agreed_how": "representative",
        "version": review.version,
    }
    check = client.post(_r("reviews:agree", review), data)
    assert check.status_code == 200
    review.refresh_from_db()
    assert review.state == "shared"  # not until confirmed
    client.post(_r("reviews:agree", review), {**data, "confirmed": "yes"})
    review.refresh_from_db()
    plan.refresh_from_db()
    assert review.state == "agreed"
    assert plan.review_on == TODAY + datetime.timedelta(days=90)
    page = client.get(_r("reviews:detail", review)).content.decode()
    assert "Agreed late." in page
    assert "Provider capacity" in page
    mine = client.get(_r("reviews:my_review", review)).content.decode()
    assert "My review" in mine
    assert "No staff on Tuesdays" in mine
    assert "This is a draft" not in mine


def test_the_due_list_and_the_home_page_count(
    client, personas, django_assert_max_num_queries
) -> None:
    _agreed(personas, TODAY - datetime.timedelta(days=100))
    for _n in range(3):  # others' plans, in no team of the practitioner
        agreed_plan(review_on=TODAY - datetime.timedelta(days=5))
    client.force_login(personas.practitioner_a)
    home = client.get(reverse("home")).content.decode()
    assert "Reviews due</a> (1)" in home
    with django_assert_max_num_queries(14):  # incl. the two filter lists
        page = client.get(reverse("reviews:due"))
    assert personas.person.full_name in page.content.decode()
    assert page.context["page_obj"].paginator.count == 1
    banded = client.get(reverse("reviews:due"), {"band": "up_to_3_months"})
    assert banded.context["page_obj"].paginator.count == 0
    banded = client.get(reverse("reviews:due"), {"band": "3_to_6_months"})
    assert banded.context["page_obj"].paginator.count == 1
    client.force_login(personas.practitioner_b)
    assert client.get(reverse("reviews:due")).context["page_obj"].paginator.count == 0


def test_the_due_list_is_for_those_who_plan_support(client, personas) -> None:
    client.force_login(personas.finance_officer)
    assert client.get(reverse("reviews:due")).status_code == 403


def test_the_due_list_filters_by_locality_service_group_and_option(
    client, personas, django_assert_max_num_queries
) -> None:
    from selfdirect.accounts.tests.factories import LocalityFactory
    from selfdirect.people.models import ServiceGroup
    from selfdirect.plans.tests.factories import SupportFactory

    plan = _agreed(personas, TODAY - datetime.timedelta(days=10))
    person = personas.person
    here, elsewhere = LocalityFactory.create(), LocalityFactory.create()
    person.locality = here
    person.save()
    group, other_group = ServiceGroup.objects.all()[:2]
    person.service_groups.set([group])
    options = set(plan.supports.values_list("option", flat=True))
    client.force_login(personas.practitioner_a)

    def count(**filters) -> int:
        params = {k: getattr(v, "pk", v) for k, v in filters.items()}
        with django_assert_max_num_queries(14):  # incl. the two filter lists
            response = client.get(reverse("reviews:due"), params)
        return response.context["page_obj"].paginator.count

    assert count(locality=here) == 1
    assert count(locality=elsewhere) == 0
    assert count(service_group=group) == 1
    assert count(service_group=other_group) == 0
    (option,) = options
    assert count(option=option) == 1
    assert count(option=4) == 0
    SupportFactory.create(plan=plan, option=2 if option != 2 else 3)
    assert count(option=4) == 1
    assert count(locality=here, service_group=group, option=4, mine=False) == 1


def test_risk_agreements_due_for_review_per_team(
    client, personas, django_assert_max_num_queries
) -> None:
    from selfdirect.conversations.models import RiskEnablement

    conversation = personas.person.support_plans.get().conversation
    conversation.state = "agreed"
    conversation.save()
    RiskEnablement.objects.create(
        conversation=conversation,
        risk="Going to the shops alone",
        gain="Independence",
        persons_view="I know the way",
        agreed_actions="A phone with her",
        agreed_by="Morag",
        review_on=TODAY - datetime.timedelta(days=3),
    )
    agreed_plan()  # another team's risk agreement, due
    client.force_login(personas.practitioner_a)
    due = client.get(reverse("reviews:due")).content.decode()
    assert reverse("reviews:risks_due") in due
    with django_assert_max_num_queries(10):
        page = client.get(reverse("reviews:risks_due"))
    assert page.context["page_obj"].paginator.count == 1
    assert "Going to the shops alone" in page.content.decode()
    client.force_login(personas.practitioner_b)
    page = client.get(reverse("reviews:risks_due"))
    assert page.context["page_obj"].paginator.count == 0

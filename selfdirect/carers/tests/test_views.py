"""The carers pages, from identifying a carer to an agreed plan, and the lists."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from selfdirect.carers import services
from selfdirect.carers.details import IdentifyDetails, OfferDetails
from selfdirect.carers.models import Carer, CarerPlan, EligibilityCriteria, Offer
from selfdirect.people.tests.factories import PersonFactory

pytestmark = pytest.mark.journey("carers")

TODAY = timezone.localdate()


def _post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def test_identify_offer_and_agree_a_plan_with_an_eligible_need(
    client, personas
) -> None:
    client.force_login(personas.practitioner_a)
    person_page = client.get(reverse("people:detail", args=[personas.person.public_id]))
    iain = personas.person.relationships.get(name="Kenny MacLeod")
    identify = reverse(
        "carers:identify_relationship", args=[personas.person.public_id, iain.pk]
    )
    assert identify in person_page.content.decode()
    _post(
        client,
        identify,
        {
            "identified_on": TODAY.isoformat(),
            "team": personas.team_a.pk,
            "first_name": "Kenny",
            "last_name": "MacLeod",
            "date_of_birth": "1975-05-01",
        },
    )
    carer = Carer.objects.get(person__first_name="Kenny")
    assert carer.cared_for == personas.person
    iain.refresh_from_db()
    assert iain.related_person == carer.person

    _post(
        client,
        reverse("carers:offer", args=[carer.public_id]),
        {
            "offered_on": TODAY.isoformat(),
            "how": "phone",
            "offered_by": "Prac A",
            "answer": "accepted",
            "answered_on": TODAY.isoformat(),
        },
    )
    offer = carer.offers.get()
    assert offer.kind == Offer.Kind.ACSP
    assert offer.due_by == TODAY + datetime.timedelta(days=28)

    _post(
        client,
        reverse("carers:start_plan", args=[carer.public_id]),
        {"started_on": TODAY.isoformat()},
    )
    plan = carer.plans.get()
    assert plan.criteria == EligibilityCriteria.objects.get()

    def section(code, data):
        url = reverse("carers:section", args=[plan.public_id, code])
        plan.refresh_from_db()
        _post(client, url, {**data, "version": plan.version})

    section(
        "circumstances",
        {"circumstances": "Daily care for my mother", "hours_band": "50+"},
    )
    section("emergency", {"emergency_who": "My sister Ann"})
    section("needs", {"needs": "Time to rest"})
    section("breaks", {"break_from_caring": "True"})
    section("review", {"review_on": (TODAY + datetime.timedelta(days=365)).isoformat()})
    _post(
        client,
        reverse("carers:outcome", args=[plan.public_id]),
        {"words": "I feel rested enough to keep working"},
    )
    _post(
        client,
        reverse("carers:break", args=[plan.public_id]),
        {
            "kind": "short_break",
            "how_often": "Twice a year",
            "provided_by": "Carers' centre",
        },
    )
    levels = {
        f"level_{d.pk}": "critical" if d.code == "health_wellbeing" else "low"
        for d in plan.criteria.domains.all()
    }
    _post(client, reverse("carers:impacts", args=[plan.public_id]), levels)

    page = client.get(reverse("carers:plan", args=[plan.public_id])).content.decode()
    assert "The carer has an eligible need." in page
    assert "(l) When the plan will be reviewed" in page
    plan.refresh_from_db()
    _post(
        client,
        reverse("carers:agree", args=[plan.public_id]),
        {"day": TODAY.isoformat(), "version": plan.version},
    )
    plan.refresh_from_db()
    assert plan.state == CarerPlan.State.AGREED

    pdf = client.get(reverse("carers:my_plan_pdf", args=[plan.public_id]))
    assert pdf["Content-Type"] == "application/pdf"
    mine = client.get(reverse("carers:my_plan", args=[plan.public_id]))
    assert "My carer support plan" in mine.content.decode()


def test_an_incomplete_plan_is_not_agreed(client, personas) -> None:
    plan = personas.person.carer_records.get().plans.get()
    client.force_login(personas.practitioner_a)
    response = client.post(
        reverse("carers:agree", args=[plan.public_id]),
        {"day": TODAY.isoformat(), "version": plan.version},
    )
    assert response.status_code == 200
    assert "emergency" in response.content.decode()
    plan.refresh_from_db()
    assert plan.state == CarerPlan.State.DRAFT


def test_a_young_carer_is_offered_a_statement_in_their_words(client, personas) -> None:
    young = PersonFactory.create(
        first_name="Skye",
        date_of_birth=TODAY.replace(year=TODAY.year - 14),
        team=personas.team_a,
    )
    by = personas.practitioner_a
    carer = services.identify(
        person=young,
        cared_for=personas.person,
        by=by,
        how="relationship",
        details=IdentifyDetails(TODAY, True, False),
    )
    services.record_offer(
        carer=carer,
        by=by,
        details=OfferDetails(TODAY, "in_person", "Prac A", "requested", None),
    )
    plan = services.start_plan(carer=carer, by=by, started_on=TODAY)
    assert plan.kind == CarerPlan.Kind.YCS
    client.force_login(by)
    page = client.get(reverse("carers:plan", args=[plan.public_id])).content.decode()
    assert "What matters to you" in page
    assert "About your statement" in page
    form = client.get(reverse("carers:section", args=[plan.public_id, "young"]))
    assert "Is the caring you do right for someone your age?" in form.content.decode()
    mine = client.get(reverse("carers:my_plan", args=[plan.public_id]))
    assert "My young carer statement" in mine.content.decode()


@pytest.mark.parametrize(
    "which", ["not-offered", "waiting", "young", "reviews", "signposting"]
)
def test_the_lists_are_paginated_in_few_queries(
    client, personas, which, django_assert_max_num_queries
) -> None:
    client.force_login(personas.practitioner_a)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("carers:lists"), {"list": which})
    assert response.status_code == 200


def test_waiting_list_shows_days_waiting(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    page = client.get(reverse("carers:lists"), {"list": "waiting"}).content.decode()
    assert "Morag" in page


def test_the_criteria_are_published_and_the_administrator_warned_when_old(
    client, personas
) -> None:
    page = client.get(reverse("carers:criteria")).content.decode()
    assert "Health and wellbeing" in page
    assert "more than 3 years old" not in page  # visitors are not warned
    client.force_login(personas.administrator)
    page = client.get(reverse("carers:criteria")).content.decode()
    assert "more than 3 years old" in page
    services.add_criteria_version(
        by=personas.administrator,
        version="2026",
        in_force_from=TODAY,
        threshold="moderate",
        summary="",
        domains=[("health_wellbeing", "Health and wellbeing", {})],
    )
    page = client.get(reverse("carers:criteria")).content.decode()
    assert "more than 3 years old" not in page
    pdf = client.get(reverse("carers:criteria_pdf"))
    assert pdf["Content-Type"] == "application/pdf"

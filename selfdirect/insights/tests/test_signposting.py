import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from selfdirect.accounts.roles import Role
from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.conversations.selectors import formal_assessment_after
from selfdirect.conversations.tests.factories import ConversationFactory
from selfdirect.directory.models import Attribute
from selfdirect.directory.tests.factories import ServiceFactory, TaxonomyTermFactory
from selfdirect.insights import signposting as report
from selfdirect.people.models import Signposting
from selfdirect.people.tests.factories import FirstContactFactory, PersonFactory

DAY = datetime.date(2026, 1, 10)
PERIOD = {"start": "1/1/2026", "end": "31/12/2026"}


def _signpost(person, service, *, on=DAY, followed=False, used=None, met=None):
    contact = FirstContactFactory.create(
        person=person,
        contact_date=on,
        follow_up_due=on + datetime.timedelta(days=14),
        followed_up_on=on + datetime.timedelta(days=15) if followed else None,
    )
    return Signposting.objects.create(
        first_contact=contact,
        service=service,
        support_name=service.name,
        used_it=used,
        need_met=met,
    )


def _assessed(person, days):
    ConversationFactory.create(
        person=person, conversation_date=DAY + datetime.timedelta(days=days)
    )


@pytest.fixture
def signposted(db):
    company, food = (
        TaxonomyTermFactory.create(name="Company"),
        TaxonomyTermFactory.create(name="Food"),
    )
    club, walk = (
        ServiceFactory.create(name="Lunch club"),
        ServiceFactory.create(name="Walks"),
    )
    Attribute.objects.create(service=club, taxonomy_term=company)
    Attribute.objects.create(service=club, taxonomy_term=food)
    Attribute.objects.create(service=walk, taxonomy_term=company)
    ann, bob, cat = (
        PersonFactory.create(),
        PersonFactory.create(),
        PersonFactory.create(),
    )
    _signpost(ann, club, followed=True, used=True, met=True)
    _signpost(ann, club, on=DAY + datetime.timedelta(days=1))  # same person again
    _signpost(bob, club, followed=True, used=True, met=False)
    _signpost(cat, walk, followed=True, used=False, met=False)
    _assessed(ann, 60)  # within 3 months
    _assessed(bob, 150)  # within 6
    _assessed(cat, -5)  # before the contact: not "went on to"
    _assessed(cat, 300)  # within 12
    ServiceFactory.create(name="Never signposted")
    return club, walk


def _as_dict(rows):
    return {r.label: r for r in rows}


def test_counts_distinct_people_follow_ups_needs_met_and_later_assessments(
    signposted,
) -> None:
    rows = _as_dict(report.by_service())
    club = rows["Lunch club"]
    assert (club.signposted, club.followed_up, club.used, club.need_met) == (2, 2, 2, 1)
    assert (club.within_3, club.within_6, club.within_12) == (1, 2, 2)
    walks = rows["Walks"]
    assert (walks.signposted, walks.followed_up, walks.used, walks.need_met) == (
        1,
        1,
        0,
        0,
    )
    assert (walks.within_3, walks.within_6, walks.within_12) == (0, 0, 1)
    assert "Never signposted" not in rows
    terms = _as_dict(report.by_term())
    assert terms["Company"].signposted == 3 and terms["Company"].within_12 == 3
    assert terms["Food"].signposted == 2 and terms["Food"].need_met == 1


def test_the_date_range_limits_the_contacts_counted(signposted) -> None:
    rows = _as_dict(report.by_service(start=DAY + datetime.timedelta(days=1)))
    assert rows["Lunch club"].signposted == 1  # only Ann's second contact
    assert "Walks" not in rows


def test_formal_assessment_after_a_contact_is_the_first_later_conversation(
    signposted,
) -> None:
    cat = Signposting.objects.get(service__name="Walks").first_contact.person
    assert formal_assessment_after(cat.pk, DAY) == DAY + datetime.timedelta(days=300)
    assert formal_assessment_after(cat.pk, DAY + datetime.timedelta(400)) is None


def test_the_report_page_has_a_chart_and_tables_in_few_queries(
    client, signposted, django_assert_max_num_queries
) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("insights:signposting_report"), PERIOD)
    text = response.content.decode()
    assert "<svg" in text and "<table" in text and "Lunch club" in text


def test_the_report_downloads_as_csv(client, signposted) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    response = client.get(
        reverse("insights:signposting_report"), {**PERIOD, "download": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    assert rows[0][:3] == ["group", "name", "people signposted"]
    assert ["service", "Lunch club", "2", "2", "2", "1", "1", "2", "2"] in rows
    assert ["need", "Company", "3", "3", "2", "1", "1", "2", "3"] in rows


def test_bad_dates_are_refused_clearly(client, signposted) -> None:
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    response = client.get(
        reverse("insights:signposting_report"), {"start": "1/2/2026", "end": "1/1/2026"}
    )
    assert "The end date must be after the start date" in response.content.decode()


@pytest.mark.django_db
def test_practitioners_do_not_see_the_report(client) -> None:
    client.force_login(UserFactory.create(role=Role.PRACTITIONER))
    assert client.get(reverse("insights:signposting_report")).status_code == 403


def test_community_resources_in_plans_count_people_followed_up_used_and_met(
    signposted,
) -> None:
    from selfdirect.plans.tests.factories import SupportFactory, SupportPlanFactory

    club, walk = signposted
    dan_plan, eve_plan = SupportPlanFactory.create(), SupportPlanFactory.create()
    community = {"provided_by": "community", "option": None, "yearly_cost": 0}
    SupportFactory.create(plan=dan_plan, service=club, **community)
    SupportFactory.create(plan=dan_plan, service=club, **community)  # same person
    SupportFactory.create(
        plan=eve_plan,
        service=club,
        followed_up_on=datetime.date(2026, 11, 20),
        used_it=True,
        need_met=True,
        **community,
    )
    SupportFactory.create(plan=eve_plan, service=walk)  # paid, not signposting
    rows = {r.label: r for r in report.plan_supports_by_service()}
    assert list(rows) == ["Lunch club"]
    assert rows["Lunch club"] == report.PlanRow("Lunch club", 2, 1, 1, 1)
    later = report.plan_supports_by_service(start=datetime.date(2027, 1, 1))
    assert later == []


def test_the_default_period_is_the_twelve_months_up_to_today() -> None:
    today = datetime.date(2026, 11, 27)
    assert report.default_period(today) == (datetime.date(2025, 11, 27), today)


def test_opened_without_a_period_the_report_counts_the_last_twelve_months(
    client, db
) -> None:
    today = timezone.localdate()
    recent, old = (
        ServiceFactory.create(name="Harbour lunch club"),
        ServiceFactory.create(name="Bygone walking group"),
    )
    _signpost(PersonFactory.create(), recent, on=today - datetime.timedelta(days=30))
    _signpost(PersonFactory.create(), old, on=today - datetime.timedelta(days=800))
    client.force_login(UserFactory.create(role=Role.QUALITY_LEAD))
    opened = client.get(reverse("insights:signposting_report")).content.decode()
    assert "Harbour lunch club" in opened
    assert "Bygone walking group" not in opened
    cleared = client.get(
        reverse("insights:signposting_report"), {"start": "", "end": ""}
    )
    assert (
        "Bygone walking group" in cleared.content.decode()
    )  # both ends cleared: every contact

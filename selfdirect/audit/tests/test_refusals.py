import datetime
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from selfdirect.audit.models import AccessLog, AccessRefusal
from selfdirect.audit.selectors import unusual_activity


def _person_page(public_id: object) -> str:
    return reverse("people:detail", args=[public_id])


def test_a_refused_record_and_a_refused_page_are_logged_with_the_answer(
    client, personas
) -> None:
    client.force_login(personas.practitioner_b)
    assert client.get(_person_page(personas.person.public_id)).status_code == 404
    assert client.get(reverse("delivery:finance")).status_code == 403
    rows = list(AccessRefusal.objects.order_by("id").values_list("user", "status"))
    assert rows == [
        (personas.practitioner_b.pk, 404),
        (personas.practitioner_b.pk, 403),
    ]
    first = AccessRefusal.objects.order_by("id")[0]
    assert first.path == _person_page(personas.person.public_id)
    assert first.method == "GET"


def test_a_missing_record_is_logged_like_one_out_of_reach(client, personas) -> None:
    client.force_login(personas.practitioner_a)
    assert client.get(_person_page(uuid.uuid4())).status_code == 404
    assert AccessRefusal.objects.get().status == 404


def test_allowed_pages_and_anonymous_visitors_write_no_refusal(
    client, personas
) -> None:
    client.get(_person_page(personas.person.public_id))
    client.force_login(personas.practitioner_a)
    assert client.get(_person_page(personas.person.public_id)).status_code == 200
    assert not AccessRefusal.objects.exists()


@override_settings(ACCESS_REVIEW_REFUSALS=2, ACCESS_REVIEW_READS=3)
def test_users_over_either_threshold_are_listed_most_refusals_first(personas) -> None:
    for _ in range(3):
        AccessRefusal.objects.create(
            user=personas.practitioner_b, method="GET", path="/x", status=404
        )
    AccessRefusal.objects.create(
        user=personas.practitioner_a, method="GET", path="/y", status=403
    )
    for _ in range(3):
        AccessLog.objects.create(
            user=personas.quality_lead,
            person=personas.person,
            page="people:detail",
            action="view",
        )
    since = timezone.now() - datetime.timedelta(days=1)
    rows = [(r.user, r.refusals, r.reads) for r in unusual_activity(since)]
    assert rows == [(personas.practitioner_b, 3, 0), (personas.quality_lead, 0, 3)]
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert unusual_activity(later) == []


@override_settings(ACCESS_REVIEW_REFUSALS=1)
def test_the_data_protection_officer_reviews_refusals_and_others_cannot(
    client, personas
) -> None:
    client.force_login(personas.practitioner_b)
    client.get(_person_page(personas.person.public_id))
    assert client.get(reverse("audit:access_review")).status_code == 403
    client.force_login(personas.dpo)
    page = client.get(reverse("audit:access_review"), {"days": "30"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "prac_b" in text or personas.practitioner_b.get_full_name() in text
    assert _person_page(personas.person.public_id) in text
    assert "Not found (404)" in text


@pytest.mark.parametrize("days", ["", "31", "x"])
def test_an_unknown_period_falls_back_to_a_week(client, personas, days) -> None:
    client.force_login(personas.dpo)
    page = client.get(reverse("audit:access_review"), {"days": days})
    assert page.status_code == 200
    assert page.context["period"] == 7

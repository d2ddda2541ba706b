"""Carers' reviews: the services (each step, bad input changes nothing, version
conflicts), who sees a review through the chokepoint, the due list and the
subject access export."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import override_settings
from django.urls import reverse

from selfdirect.accounts.roles import Action
from selfdirect.accounts.tests.factories import TeamFactory
from selfdirect.audit import subject_access
from selfdirect.audit.models import AccessLog, AccessRefusal, AuditEvent
from selfdirect.carers import review_services, selectors, services
from selfdirect.carers.details import ReviewDetails, SharingDetails
from selfdirect.carers.models import CarerOutcomeReview, CarerPlan, CarerReview
from selfdirect.carers.permissions import access_review
from selfdirect.core.concurrency import EditConflict
from selfdirect.reviews.details import AttainmentDetails, NextStepDetails
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason

pytestmark = pytest.mark.journey("carers")

AGREED = datetime.date(2026, 2, 1)
REVIEW_BY = datetime.date(2026, 8, 1)
DAY = datetime.date(2026, 8, 3)


def _agreed_plan(personas, review_on=REVIEW_BY) -> CarerPlan:
    """The persona's plan as if agreed (its sections are tested in test_views),
    with no review started yet."""
    plan = personas.person.carer_records.get().plans.get()
    CarerOutcomeReview.objects.filter(review__plan=plan).delete()
    CarerReview.objects.filter(plan=plan).delete()
    CarerPlan.objects.filter(pk=plan.pk).update(
        state=CarerPlan.State.AGREED, agreed_on=AGREED, review_on=review_on
    )
    plan.refresh_from_db()
    return plan


def _level(code):
    return AttainmentLevel.objects.filter(code=code).first()


def _started(personas) -> CarerReview:
    return review_services.start_review(
        plan=_agreed_plan(personas), by=personas.practitioner_a, started_on=DAY
    )


def _next(review, by, next_review_on=datetime.date(2027, 6, 1)) -> CarerReview:
    return review_services.record_next_step(
        review=review,
        by=by,
        version=review.version,
        details=NextStepDetails(
            "continue", "Keep the short breaks", "", next_review_on
        ),
    )


def test_starting_a_review_keeps_the_due_date_and_lists_each_outcome(personas):
    review = _started(personas)
    assert review.state == CarerReview.State.DRAFT
    assert review.due_on == REVIEW_BY
    [row] = review.outcome_reviews.all()
    assert row.outcome.words.startswith("I get a full night's sleep")
    assert AuditEvent.objects.filter(action="carer.review_started").exists()
    assert review.history.count() == 1


@override_settings(CARER_REVIEW_INTERVAL_MONTHS=6)
def test_with_no_review_date_the_review_is_due_the_interval_after_agreeing(personas):
    plan = _agreed_plan(personas, review_on=None)
    review = review_services.start_review(
        plan=plan, by=personas.practitioner_a, started_on=DAY
    )
    assert review.due_on == datetime.date(2026, 8, 1)


def test_only_an_agreed_plan_is_reviewed_and_nothing_is_made(personas):
    plan = personas.person.carer_records.get().plans.get()
    CarerReview.objects.filter(plan=plan).update(state=CarerReview.State.AGREED)
    before = CarerReview.objects.count()
    with pytest.raises(ValidationError, match="agreed"):
        review_services.start_review(
            plan=plan, by=personas.practitioner_a, started_on=DAY
        )
    assert CarerReview.objects.count() == before


def test_a_second_review_of_the_plan_is_refused_while_one_is_open(personas):
    review = _started(personas)
    with pytest.raises(ValidationError, match="already started"):
        review_services.start_review(
            plan=review.plan, by=personas.practitioner_a, started_on=DAY
        )
    assert CarerReview.objects.filter(plan=review.plan).count() == 1


def test_a_poor_outcome_needs_a_reason_and_bad_input_changes_nothing(personas):
    review = _started(personas)
    row = review.outcome_reviews.get()
    by = personas.practitioner_a
    with pytest.raises(ValidationError):
        review_services.record_outcome(
            row=row,
            by=by,
            version=row.version,
            details=AttainmentDetails(_level("partly_met"), "Some nights", "", ""),
        )
    row.refresh_from_db()
    assert row.level is None and row.version == 1
    reason = PoorOutcomeReason.objects.get(code="provider_capacity")
    review_services.record_outcome(
        row=row,
        by=by,
        version=row.version,
        details=AttainmentDetails(
            _level("partly_met"), "Some nights", "", "", (reason,), "No sitter free"
        ),
    )
    row.refresh_from_db()
    assert row.level is not None and row.level.code == "partly_met"
    assert list(row.reasons.all()) == [reason]
    review_services.record_outcome(
        row=row,
        by=by,
        version=row.version,
        details=AttainmentDetails(
            _level("met"), "Every week now", "", "", (reason,), "x"
        ),
    )
    row.refresh_from_db()
    assert row.reasons.count() == 0 and row.reason_narrative == ""


@override_settings(CARER_REVIEW_INTERVAL_MONTHS=12)
def test_the_next_review_is_within_the_interval(personas):
    review = _started(personas)
    with pytest.raises(ValidationError, match="12 months"):
        _next(review, personas.practitioner_a, datetime.date(2028, 1, 1))
    review.refresh_from_db()
    assert review.next_step == "" and review.next_review_on is None
    review_services.record_next_step(
        review=review,
        by=personas.practitioner_a,
        version=review.version,
        details=NextStepDetails(
            "support_ends", "", "Donald moved to a care home", None
        ),
    )
    review.refresh_from_db()
    assert review.next_review_on is None


def test_draft_shared_agreed_sets_the_plans_next_review(personas):
    by = personas.practitioner_a
    review = _started(personas)
    row = review.outcome_reviews.get()
    review_services.record_outcome(
        row=row,
        by=by,
        version=row.version,
        details=AttainmentDetails(_level("met"), "", "", ""),
    )
    _next(review, by)
    with pytest.raises(ValidationError, match="Share the review"):
        review_services.agree_review(
            review=review, by=by, version=review.version, agreed_on=DAY
        )
    review_services.share_review(
        review=review, by=by, version=review.version, shared_on=DAY
    )
    assert review.state == CarerReview.State.SHARED
    review_services.agree_review(
        review=review, by=by, version=review.version, agreed_on=DAY
    )
    review.refresh_from_db()
    assert review.state == CarerReview.State.AGREED
    plan = CarerPlan.objects.get(pk=review.plan_id)
    assert plan.review_on == datetime.date(2027, 6, 1)
    assert AuditEvent.objects.filter(action="carer.review_agreed").exists()
    with pytest.raises(ValidationError, match="agreed"):
        review_services.update_review(
            review=review,
            by=by,
            version=review.version,
            details=ReviewDetails(None, "", "changed", ""),
        )
    # A new review of the same plan may now start.
    again = review_services.start_review(plan=plan, by=by, started_on=DAY)
    assert again.due_on == datetime.date(2027, 6, 1)


def test_agreeing_needs_every_outcome_recorded(personas):
    by = personas.practitioner_a
    review = _started(personas)
    _next(review, by)
    review_services.share_review(
        review=review, by=by, version=review.version, shared_on=DAY
    )
    with pytest.raises(ValidationError, match="each outcome"):
        review_services.agree_review(
            review=review, by=by, version=review.version, agreed_on=DAY
        )
    review.refresh_from_db()
    assert review.state == CarerReview.State.SHARED


def test_two_people_editing_do_not_overwrite_each_other(personas):
    review = _started(personas)
    stale = review.version
    review_services.update_review(
        review=review,
        by=personas.practitioner_a,
        version=stale,
        details=ReviewDetails(DAY, "Morag, Prac A", "Better", ""),
    )
    other = CarerReview.objects.get(pk=review.pk)
    with pytest.raises(EditConflict):
        review_services.update_review(
            review=other,
            by=personas.practitioner_a,
            version=stale,
            details=ReviewDetails(DAY, "", "Worse", ""),
        )
    assert CarerReview.objects.get(pk=review.pk).carers_account == "Better"


def test_the_carers_team_reads_and_changes_and_the_read_is_logged(personas):
    review = _started(personas)
    assert access_review(personas.practitioner_a, review.public_id, page="/r") == review
    access_review(personas.practitioner_a, review.public_id, action=Action.CHANGE)
    assert AccessLog.objects.filter(
        user=personas.practitioner_a, person=personas.person
    ).exists()


def test_the_cared_for_persons_worker_needs_the_carers_consent(personas):
    review = _started(personas)
    with pytest.raises(Http404):
        access_review(personas.practitioner_b, review.public_id)
    carer = personas.person.carer_records.get()
    services.record_sharing(
        carer=carer,
        by=personas.practitioner_a,
        version=carer.version,
        details=SharingDetails("", True, datetime.date(2026, 2, 1)),
    )
    assert access_review(personas.practitioner_b, review.public_id) == review
    with pytest.raises(Http404):  # reading, never changing
        access_review(personas.practitioner_b, review.public_id, action=Action.CHANGE)


def test_read_only_roles_read_and_change_nothing(personas):
    review = _started(personas)
    for reader in (personas.inspector, personas.quality_lead, personas.dpo):
        assert access_review(reader, review.public_id) == review
        with pytest.raises(PermissionDenied):
            access_review(reader, review.public_id, action=Action.CHANGE)
    for user in (personas.finance_officer, personas.administrator):
        with pytest.raises(PermissionDenied):
            access_review(user, review.public_id)


def test_an_outsider_is_refused_and_the_refusal_logged(client, personas):
    review = _started(personas)
    client.force_login(personas.practitioner_b)
    response = client.get(reverse("carers:review", args=[review.public_id]))
    assert response.status_code == 404
    assert AccessRefusal.objects.filter(
        user=personas.practitioner_b, status=404
    ).exists()
    assert not AccessLog.objects.filter(user=personas.practitioner_b).exists()


def test_the_due_list_filters_and_counts_few_queries(
    client, personas, django_assert_max_num_queries
):
    plan = _agreed_plan(personas, review_on=datetime.date(2026, 1, 1))
    client.force_login(personas.practitioner_a)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("carers:lists"), {"list": "reviews"})
    assert "Morag" in page.content.decode()
    assert [p.pk for p in selectors.reviews_due(personas.practitioner_a, DAY)] == [
        plan.pk
    ]
    team = personas.person.allocations.get().team
    assert selectors.reviews_due(personas.practitioner_a, DAY, team=team).exists()
    other = TeamFactory.create(name="Elsewhere")
    assert not selectors.reviews_due(personas.practitioner_a, DAY, team=other).exists()
    filtered = client.get(
        reverse("carers:lists"), {"list": "reviews", "team": other.pk}
    )
    assert "Morag" not in filtered.content.decode()
    locality = personas.person.locality
    assert selectors.reviews_due(
        personas.practitioner_a, DAY, locality=locality, overdue=True
    ).exists()


def test_the_pages_record_a_review(client, personas):
    plan = _agreed_plan(personas)
    client.force_login(personas.practitioner_a)
    page = client.get(reverse("carers:plan", args=[plan.public_id])).content.decode()
    assert "Record a carer&#x27;s review" in page or "Record a carer's review" in page
    url = reverse("carers:start_review", args=[plan.public_id])
    response = client.post(url, {"started_on": "3/8/2026"})
    assert response.status_code == 302
    review = CarerReview.objects.get(plan=plan)
    row = review.outcome_reviews.get()
    response = client.post(
        reverse("carers:review_outcome", args=[review.public_id, row.pk]),
        {"level": _level("not_met").pk, "version": row.version},
    )
    assert response.status_code == 200  # a poor outcome with no reason
    assert "reason" in response.content.decode()
    row.refresh_from_db()
    assert row.level is None
    detail = client.get(reverse("carers:review", args=[review.public_id]))
    assert "Before the review can be agreed" in detail.content.decode()


def test_the_subject_access_export_holds_the_carers_reviews(personas):
    _started(personas)
    mine = subject_access.export_person(personas.person)
    titles = {s["title"]: s["records"] for s in mine["sections"]}
    assert titles["Carers' reviews"]
    assert titles["How a carer's outcomes went at review"]
    donald = personas.person.carer_records.get().cared_for
    theirs = subject_access.export_person(donald)
    held = {s["title"] for s in theirs["sections"] if s["records"]}
    assert "Carers' reviews" not in held


def test_the_carers_copy_shows_the_latest_agreed_review(client, personas):
    by = personas.practitioner_a
    review = _started(personas)
    row = review.outcome_reviews.get()
    review_services.record_outcome(
        row=row,
        by=by,
        version=row.version,
        details=AttainmentDetails(_level("met"), "I sleep well now", "", ""),
    )
    _next(review, by)
    review_services.share_review(
        review=review, by=by, version=review.version, shared_on=DAY
    )
    review_services.agree_review(
        review=review, by=by, version=review.version, agreed_on=DAY
    )
    client.force_login(by)
    page = client.get(reverse("carers:my_plan", args=[review.plan.public_id]))
    text = page.content.decode()
    assert "Your last review" in text and "I sleep well now" in text
    # The cared-for person's worker sees the date only, not what was said.
    donald = personas.person.carer_records.get().cared_for
    [summary] = selectors.summaries_for(donald, personas.practitioner_b)
    assert summary["last_reviewed_on"] == DAY and summary["open"] is False
    assert "I sleep well now" not in str(summary)

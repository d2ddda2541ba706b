import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.core.concurrency import EditConflict
from selfdirect.reviews import services
from selfdirect.reviews.details import (
    AttainmentDetails,
    NextStepDetails,
    ReviewDetails,
    RiskReviewDetails,
    SupportReviewDetails,
)
from selfdirect.reviews.models import (
    AttainmentLevel,
    PoorOutcomeReason,
    Review,
)

from .factories import agreed_plan

START = datetime.date(2027, 3, 1)


@pytest.fixture
def worker(db):
    return UserFactory.create()


def _level(code: str) -> AttainmentLevel:
    return AttainmentLevel.objects.get(code=code)


def _start(plan, worker, kind="planned"):
    return services.start_review(plan=plan, by=worker, kind=kind, started_on=START)


def test_the_scale_reasons_and_questions_are_loaded_as_data(db) -> None:
    assert list(AttainmentLevel.objects.values_list("code", flat=True)) == [
        "met",
        "partly_met",
        "not_met",
        "no_longer_relevant",
    ]
    assert set(
        AttainmentLevel.objects.filter(poor=True).values_list("code", flat=True)
    ) == {
        "partly_met",
        "not_met",
    }
    assert PoorOutcomeReason.objects.count() == 8


def test_starting_a_review_lists_the_plans_outcomes_supports_and_risks_due(
    worker,
) -> None:
    plan = agreed_plan()
    review = _start(plan, worker)
    assert review.due_on == plan.review_on  # late: kept as it was
    assert review.attainments.count() == 2
    assert review.support_reviews.count() == 1
    assert review.risk_reviews.count() == 1
    assert AuditEvent.objects.filter(action="review.started").exists()


def test_an_unplanned_review_is_due_the_day_it_starts(worker) -> None:
    review = _start(agreed_plan(), worker, kind="hospital")
    assert review.due_on == START


def test_only_an_agreed_plan_is_reviewed_and_once_at_a_time(worker) -> None:
    plan = agreed_plan()
    _start(plan, worker)
    with pytest.raises(ValidationError):
        _start(plan, worker)
    plan.state = "draft"
    plan.save()
    with pytest.raises(ValidationError):
        _start(plan, worker)


def _attain(attainment, worker, level, reasons=(), narrative=""):
    return services.record_attainment(
        attainment=attainment,
        by=worker,
        version=attainment.version,
        details=AttainmentDetails(
            level=_level(level),
            persons_words="I went most weeks",
            what_helped="My PA",
            what_got_in_the_way="The bus",
            reasons=tuple(PoorOutcomeReason.objects.filter(code__in=reasons)),
            reason_narrative=narrative,
        ),
    )


def test_a_poor_outcome_is_refused_without_a_reason(worker) -> None:
    attainment = _start(agreed_plan(), worker).attainments.first()
    with pytest.raises(ValidationError):
        _attain(attainment, worker, "not_met")
    _attain(
        attainment,
        worker,
        "not_met",
        reasons=["provider_capacity", "not_delivered"],
        narrative="No staff on Tuesdays since June.",
    )
    attainment.refresh_from_db()
    assert attainment.level.code == "not_met"
    assert {r.code for r in attainment.reasons.all()} == {
        "provider_capacity",
        "not_delivered",
    }


def test_a_met_outcome_keeps_no_reasons_and_a_stale_version_is_refused(worker) -> None:
    attainment = _start(agreed_plan(), worker).attainments.first()
    stale = attainment.version
    _attain(attainment, worker, "met", reasons=["other"], narrative="x")
    assert not attainment.reasons.exists()
    attainment.version = stale
    with pytest.raises(EditConflict):
        _attain(attainment, worker, "met")


def test_support_feedback_only_from_the_questions_and_answers(worker) -> None:
    part = _start(agreed_plan(), worker).support_reviews.first()

    def details(feedback):
        return SupportReviewDetails(
            delivered_as_planned=True,
            option_still_right=False,
            notes="",
            feedback=feedback,
        )

    with pytest.raises(ValidationError):
        services.record_support_review(
            support_review=part,
            by=worker,
            version=part.version,
            details=details({"made_up": "agree"}),
        )
    with pytest.raises(ValidationError):
        services.record_support_review(
            support_review=part,
            by=worker,
            version=part.version,
            details=details({"in_control": "maybe"}),
        )
    services.record_support_review(
        support_review=part,
        by=worker,
        version=part.version,
        details=details({"in_control": "partly", "can_change": "not_asked"}),
    )
    part.refresh_from_db()
    assert part.feedback["in_control"] == "partly"


def test_a_risk_review_with_harm_says_what_it_was(worker) -> None:
    part = _start(agreed_plan(), worker).risk_reviews.first()
    details: dict[str, Any] = {
        "actions_worked": "partly",
        "what_was_gained": "She swims every week",
        "any_harm": True,
        "harm": "",
        "next_review_on": datetime.date(2027, 9, 1),
    }
    with pytest.raises(ValidationError):
        services.record_risk_review(
            risk_review=part,
            by=worker,
            version=part.version,
            details=RiskReviewDetails(**details),
        )
    details["harm"] = "A slip in the changing room, no injury"
    services.record_risk_review(
        risk_review=part,
        by=worker,
        version=part.version,
        details=RiskReviewDetails(**details),
    )


def _complete(
    review, worker, next_review_on=datetime.date(2028, 3, 1), next_step="continue"
):
    for attainment in review.attainments.all():
        _attain(attainment, worker, "met")
    services.update_review(
        review=review,
        by=worker,
        version=review.version,
        details=ReviewDetails(
            held_on=START,
            participant_names="Morag, her daughter",
            took_part="in_person",
            why_not_taking_part="",
            persons_account="It has mostly gone well.",
            carer_views="",
        ),
    )
    services.record_next_step(
        review=review,
        by=worker,
        version=review.version,
        details=NextStepDetails(
            next_step=next_step,
            next_step_notes="",
            support_ends_reason="",
            next_review_on=next_review_on,
        ),
    )


def test_the_next_review_is_no_later_than_the_interval(worker, settings) -> None:
    review = _start(agreed_plan(), worker)
    with pytest.raises(ValidationError):
        _complete(review, worker, next_review_on=datetime.date(2028, 3, 2))
    settings.REVIEW_INTERVAL_MONTHS = 6
    review.refresh_from_db()
    with pytest.raises(ValidationError):
        _complete(review, worker, next_review_on=datetime.date(2027, 9, 2))


def test_agreeing_a_shared_complete_review_moves_the_plans_review_date(worker) -> None:
    plan = agreed_plan()
    review = _start(plan, worker)
    with pytest.raises(ValidationError):
        services.agree_review(
            review=review,
            by=worker,
            version=review.version,
            agreed_on=START,
            agreed_by="Morag",
            agreed_how="in_person",
        )
    _complete(review, worker)
    with pytest.raises(ValidationError):  # not yet shared
        services.agree_review(
            review=review,
            by=worker,
            version=review.version,
            agreed_on=START,
            agreed_by="Morag",
            agreed_how="in_person",
        )
    services.share_review(
        review=review, by=worker, version=review.version, shared_on=START
    )
    services.agree_review(
        review=review,
        by=worker,
        version=review.version,
        agreed_on=START,
        agreed_by="Morag",
        agreed_how="in_person",
    )
    plan.refresh_from_db()
    review.refresh_from_db()
    assert review.state == Review.State.AGREED
    assert plan.review_on == datetime.date(2028, 3, 1)
    assert review.due_on == datetime.date(2027, 2, 10)  # the date it was due, kept
    with pytest.raises(ValidationError):
        _attain(review.attainments.first(), worker, "met")


def test_a_new_plan_version_carries_the_outcomes_across(worker) -> None:
    plan = agreed_plan()
    review = _start(plan, worker)
    _complete(review, worker, next_step="new_plan_version")
    services.share_review(
        review=review, by=worker, version=review.version, shared_on=START
    )
    with pytest.raises(ValidationError):  # only once the review is agreed
        services.start_new_plan_version(review=review, by=worker, today=START)
    services.agree_review(
        review=review,
        by=worker,
        version=review.version,
        agreed_on=START,
        agreed_by="Morag",
        agreed_how="in_person",
    )
    draft = services.start_new_plan_version(review=review, by=worker, today=START)
    assert draft.replaces == plan
    assert draft.state == "draft"
    carried = services.carried_attainment(review)
    assert [words for words, _ in carried] == ["Outcome 0", "Outcome 1"]
    assert all(
        was is not None and was.level is not None and was.level.code == "met"
        for _, was in carried
    )
    with pytest.raises(ValidationError):
        services.start_new_plan_version(review=review, by=worker, today=START)

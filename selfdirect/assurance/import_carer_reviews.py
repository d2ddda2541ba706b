"""Importing a carers' plan's reviews through the carers app's review services:
started on the agreed plan (`start_review`, a line for each of the carer's
outcomes), who took part and the carer's account (`update_review`), each outcome
(`record_outcome`), what happens next (`record_next_step`), shared and agreed. A
review imported before is matched by its external reference: a draft or shared one
is brought up to the file, an agreed one kept as it is."""

from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.carers import review_services
from selfdirect.carers.details import ReviewDetails
from selfdirect.carers.models import CarerOutcome, CarerPlan, CarerReview
from selfdirect.people.models import Person

from .import_common import Record, agreed_day, day, fresh, within
from .import_reviews import attainment_details, next_step_details, unchanged


def import_carer_review(
    importer: Any, person: Person, plan: CarerPlan, record: Record
) -> None:
    review = importer._match(CarerReview, record)
    if review is None:
        review = review_services.start_review(
            plan=fresh(plan),
            by=importer.by,
            started_on=day(record["started_on"]),  # type: ignore[arg-type]
        )
        importer._remember(person, review, record, new=True)
    else:
        importer._remember(person, review, record, new=False)
        if review.state == CarerReview.State.AGREED:
            return
    account = ReviewDetails(
        held_on=day(record.get("held_on")),
        participant_names=record.get("participant_names", ""),
        carers_account=record.get("carers_account", ""),
        caring_changes=record.get("caring_changes", ""),
    )
    review = fresh(review)
    if any(getattr(review, k) != v for k, v in vars(account).items()):
        review_services.update_review(
            review=review, by=importer.by, version=review.version, details=account
        )
    _review_outcomes(importer, review, record.get("outcomes", []))
    _review_next(importer, review, record)
    _review_move(importer, review, record)


def _review_outcomes(importer: Any, review: CarerReview, items: list[Record]) -> None:
    lines = {line.outcome_id: line for line in review.outcome_reviews.all()}
    for index, item in enumerate(items):
        outcome = importer.known.get(item["carer_outcome_ref"])
        line = lines.get(outcome.pk) if isinstance(outcome, CarerOutcome) else None
        if line is None:
            raise ValidationError(
                {
                    f"outcomes/{index}/carer_outcome_ref": "this outcome is not in "
                    "the plan reviewed"
                }
            )
        details = attainment_details(item, f"outcomes/{index}")
        if unchanged(line, details):
            continue
        line = fresh(line)
        with within(f"outcomes/{index}"):
            review_services.record_outcome(
                row=line,
                by=importer.by,
                version=line.version,
                details=details,
                as_recorded=importer.as_recorded,
            )


def _review_next(importer: Any, review: CarerReview, record: Record) -> None:
    review = fresh(review)
    details = next_step_details(record, review)
    if details is not None:
        review_services.record_next_step(
            review=review, by=importer.by, version=review.version, details=details
        )


def _review_move(importer: Any, review: CarerReview, record: Record) -> None:
    state = record["state"]
    review = fresh(review)
    if state in {"shared", "agreed"} and review.state == CarerReview.State.DRAFT:
        shared_on = day(record.get("shared_on")) or day(record.get("agreed_on"))
        review = review_services.share_review(
            review=review,
            by=importer.by,
            version=review.version,
            shared_on=shared_on or review.held_on or review.started_on,
        )
    if state == "agreed":
        agreed_on = agreed_day(record, "review")
        review = fresh(review)
        review_services.agree_review(
            review=review,
            by=importer.by,
            version=review.version,
            agreed_on=agreed_on,
            as_recorded=importer.as_recorded,
        )

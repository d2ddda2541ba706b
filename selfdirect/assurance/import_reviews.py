"""Importing a case file's reviews through the reviews services: started on the
agreed plan (`start_review`, which makes a line for each of the plan's outcomes
and supports), who took part and the person's account (`update_review`), each
outcome's attainment with its reasons (`record_attainment`), each support's review
(`record_support_review`), what happens next (`record_next_step`), then shared and
agreed as the file says. The same rules hold as on the review pages: a poor
outcome needs a coded reason and more about why, a review is agreed only when
every outcome is evaluated, and so on; each refusal names the part of the file.

A review imported before is matched: a draft or shared one is brought up to the
file through the same services; an agreed one is kept as it is (the product does
not change an agreed review)."""

from typing import Any

from django.core.exceptions import ValidationError

from selfdirect.people.models import Person
from selfdirect.reviews import services as reviews
from selfdirect.reviews.details import (
    AttainmentDetails,
    NextStepDetails,
    ReviewDetails,
    SupportReviewDetails,
)
from selfdirect.reviews.models import AttainmentLevel, PoorOutcomeReason, Review

from .import_common import Record, agreed_day, day, fresh, within


def import_review(importer: Any, person: Person, record: Record) -> None:
    review = importer._match(Review, record)
    if review is None:
        plan = importer.known.get(record["plan_ref"])
        if plan is None:
            raise ValidationError(
                {"plan_ref": "the plan reviewed could not be imported"}
            )
        review = reviews.start_review(
            plan=fresh(plan),
            by=importer.by,
            kind=record["kind"],
            started_on=day(record["started_on"]),  # type: ignore[arg-type]
        )
        importer._remember(person, review, record, new=True)
    else:
        importer._remember(person, review, record, new=False)
        if review.state == Review.State.AGREED:
            return
    _account(importer, review, record)
    _attainments(importer, review, record.get("attainments", []))
    _support_reviews(importer, review, record.get("support_reviews", []))
    _next_step(importer, review, record)
    _move(importer, review, record)


def _account(importer: Any, review: Review, record: Record) -> None:
    details = ReviewDetails(
        held_on=day(record.get("held_on")),
        participant_names=record.get("participant_names", ""),
        took_part=record.get("took_part", ""),
        why_not_taking_part=record.get("why_not_taking_part", ""),
        persons_account=record.get("persons_account", ""),
        carer_views=record.get("carer_views", ""),
    )
    review = fresh(review)
    if all(getattr(review, k) == v for k, v in vars(details).items()):
        return
    reviews.update_review(
        review=review, by=importer.by, version=review.version, details=details
    )


def codes(model: Any, codes: list[str], what: str) -> list[Any]:
    rows = {r.code: r for r in model.objects.filter(code__in=codes, active=True)}
    unknown = [code for code in codes if code not in rows]
    if unknown:
        raise ValidationError(f"unknown {what} {', '.join(map(repr, unknown))}")
    return [rows[code] for code in codes]


def attainment_details(item: Record, at: str) -> AttainmentDetails:
    """An outcome's evaluation at review, from the file (a person's or a carer's):
    its level and reasons read by their codes, each problem at `at`."""
    with within(f"{at}/level"):
        level = (
            codes(AttainmentLevel, [item["level"]], "attainment level")[0]
            if item.get("level")
            else None
        )
    with within(f"{at}/reasons"):
        reasons = codes(PoorOutcomeReason, item.get("reasons", []), "reason")
    return AttainmentDetails(
        level=level,
        persons_words=item.get("persons_words", ""),
        what_helped=item.get("what_helped", ""),
        what_got_in_the_way=item.get("what_got_in_the_way", ""),
        reasons=tuple(reasons),
        reason_narrative=item.get("reason_narrative", ""),
    )


def unchanged(line: Any, details: AttainmentDetails) -> bool:
    """The evaluation kept already says what the file says (nothing to record)."""
    same = (getattr(line, k) == v for k, v in vars(details).items() if k != "reasons")
    return all(same) and {r.pk for r in line.reasons.all()} == {
        r.pk for r in details.reasons
    }


def _attainments(importer: Any, review: Review, items: list[Record]) -> None:
    lines = {a.plan_outcome_id: a for a in review.attainments.all()}
    for index, item in enumerate(items):
        outcome = importer.known.get(item["plan_outcome_ref"])
        line = lines.get(outcome.pk) if outcome is not None else None
        if line is None:
            raise ValidationError(
                {
                    f"attainments/{index}/plan_outcome_ref": "this outcome is not in "
                    "the plan reviewed"
                }
            )
        details = attainment_details(item, f"attainments/{index}")
        if unchanged(line, details) or not any(vars(details).values()):
            continue
        line = fresh(line)
        with within(f"attainments/{index}"):
            reviews.record_attainment(
                attainment=line,
                by=importer.by,
                version=line.version,
                details=details,
                as_recorded=importer.as_recorded,
            )


def _support_reviews(importer: Any, review: Review, items: list[Record]) -> None:
    lines = {s.support_id: s for s in review.support_reviews.all()}
    for index, item in enumerate(items):
        support = importer.known.get(item["support_ref"])
        line = lines.get(support.pk) if support is not None else None
        if line is None:
            raise ValidationError(
                {
                    f"support_reviews/{index}/support_ref": "this support is not in "
                    "the plan reviewed"
                }
            )
        details = SupportReviewDetails(
            delivered_as_planned=item.get("delivered_as_planned"),
            option_still_right=item.get("option_still_right"),
            notes=item.get("notes", ""),
            feedback=dict(item.get("feedback") or {}),
        )
        if all(getattr(line, k) == v for k, v in vars(details).items()):
            continue
        line = fresh(line)
        with within(f"support_reviews/{index}"):
            reviews.record_support_review(
                support_review=line,
                by=importer.by,
                version=line.version,
                details=details,
            )


def next_step_details(record: Record, review: Any) -> NextStepDetails | None:
    """What happens next after a review (a person's or a carer's), from the file;
    None when the file says nothing or the review already says the same."""
    if not record.get("next_step"):
        return None
    details = NextStepDetails(
        next_step=record["next_step"],
        next_step_notes=record.get("next_step_notes", ""),
        support_ends_reason=record.get("support_ends_reason", ""),
        next_review_on=day(record.get("next_review_on")),
    )
    if all(getattr(review, k) == v for k, v in vars(details).items()):
        return None
    return details


def _next_step(importer: Any, review: Review, record: Record) -> None:
    review = fresh(review)
    details = next_step_details(record, review)
    if details is None:
        return
    reviews.record_next_step(
        review=review,
        by=importer.by,
        version=review.version,
        details=details,
        as_recorded=importer.as_recorded,
    )


def _move(importer: Any, review: Review, record: Record) -> None:
    state = record["state"]
    review = fresh(review)
    if state in {"shared", "agreed"} and review.state == Review.State.DRAFT:
        shared_on = (
            day(record.get("shared_on"))
            or day(record.get("agreed_on"))
            or review.held_on
            or review.started_on
        )
        review = reviews.share_review(
            review=review, by=importer.by, version=review.version, shared_on=shared_on
        )
    if state == "agreed":
        agreed_on = agreed_day(record, "review")
        review = fresh(review)
        reviews.agree_review(
            review=review,
            by=importer.by,
            version=review.version,
            agreed_on=agreed_on,
            agreed_by=record.get("agreed_by", ""),
            agreed_how=record.get("agreed_how", ""),
            as_recorded=importer.as_recorded,
        )

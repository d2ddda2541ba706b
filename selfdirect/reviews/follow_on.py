"""What follows an agreed review in other apps, and the person's own words beside
the review: each one transaction, with history, audited.

A change of option is recorded through the choices app's own service
(`choices.services.record_choice`): a new `SupportChoice`, the earlier ones kept,
so the history of choices stays in the choices app. The review keeps which choice
it led to."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from selfdirect.accounts.models import User
from selfdirect.choices.models import ElementChoice, SupportChoice
from selfdirect.choices.services import ChoiceDetails, record_choice
from selfdirect.core.concurrency import save_new, save_versioned

from .models import Review, ReviewCorrection
from .services import _audit


def change_of_option_problems(
    review: Review, *, made_on: datetime.date, elements: dict[str, int]
) -> list[str]:
    """Why a change of option cannot be recorded from this review now: the review
    must be agreed and say a change of option comes next, once; the choice is made
    on or after the review; and it changes at least one element's option."""
    if (
        review.state != Review.State.AGREED
        or review.next_step != Review.NextStep.CHANGE_OF_OPTION
    ):
        return [_("Agree a review that says a change of option comes next first.")]
    if review.new_choice_id is not None:
        return [_("The change of option from this review has already been recorded.")]
    problems = []
    if made_on < (review.held_on or review.started_on):
        problems.append(_("The new choice cannot be made before the review."))
    current = (
        SupportChoice.objects.filter(person_id=review.person_id)
        .order_by("-made_on", "-id")
        .first()
    )
    if current is not None and elements:
        before = dict(
            ElementChoice.objects.filter(choice=current).values_list(
                "element", "option"
            )
        )
        if before == elements:
            problems.append(
                _("This is the same choice as now. Change the option for an element.")
            )
    return problems


@transaction.atomic
def record_change_of_option(
    *,
    review: Review,
    by: User,
    details: ChoiceDetails,
    elements: dict[str, int],
) -> SupportChoice:
    """What happens next is a change of option: record the new choice in the
    choices app (a new SupportChoice; earlier ones kept) and keep it on the review."""
    current = Review.objects.select_for_update().get(pk=review.pk)
    problems = change_of_option_problems(
        current, made_on=details.made_on, elements=elements
    )
    if problems:
        raise ValidationError(problems)
    choice = record_choice(
        person=current.person, by=by, details=details, elements=elements
    )
    current.new_choice = choice
    current._history_user = by  # type: ignore[attr-defined]
    save_versioned(current, expected_version=current.version, fields=["new_choice"])
    review.new_choice, review.version = choice, current.version
    _audit(review, by, "review.change_of_option")
    return choice


@transaction.atomic
def add_correction(
    *,
    review: Review,
    by: User,
    about: str,
    words: str,
    added_on: datetime.date,
) -> ReviewCorrection:
    """Keep the person's own words about their review, beside the practitioner's,
    once it has been shared with them (as for a conversation record)."""
    if review.state == Review.State.DRAFT:
        raise ValidationError(
            _("Share the review with the person before adding their corrections.")
        )
    if not words.strip():
        raise ValidationError({"words": _("Enter what the person says.")})
    correction: ReviewCorrection = save_new(
        ReviewCorrection(
            review=review,
            about=about,
            words=words,
            added_on=added_on,
            recorded_by=by,
        ),
        by,
    )
    _audit(review, by, "review.correction")
    return correction

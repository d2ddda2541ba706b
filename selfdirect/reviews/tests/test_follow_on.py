"""A change of option from a review reaches the choices app; the person's own
words are kept beside the review; "My review" is a tagged PDF."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from selfdirect.accounts.tests.factories import UserFactory
from selfdirect.audit.models import AuditEvent
from selfdirect.choices.models import SupportChoice
from selfdirect.choices.services import ChoiceDetails, record_choice
from selfdirect.people.tests.factories import AllocationFactory
from selfdirect.reviews import follow_on, services
from selfdirect.reviews.details import AttainmentDetails, NextStepDetails
from selfdirect.reviews.models import AttainmentLevel, Review, ReviewCorrection

from .factories import agreed_plan

START = datetime.date(2027, 3, 1)
CHOICE = ChoiceDetails(made_on=START, decided_by="person", reasons="I want my own PA")


@pytest.fixture
def worker(db):
    return UserFactory.create()


def _agreed(worker, next_step: str = "change_of_option") -> Review:
    plan = agreed_plan(outcomes=1)
    record_choice(
        person=plan.person,
        by=worker,
        details=ChoiceDetails(made_on=datetime.date(2026, 10, 1), decided_by="person"),
        elements={"personal_care": 3},
    )
    review = services.start_review(
        plan=plan, by=worker, kind="change_of_option", started_on=START
    )
    row = review.attainments.get()
    services.record_attainment(
        attainment=row,
        by=worker,
        version=row.version,
        details=AttainmentDetails(
            level=AttainmentLevel.objects.get(code="met"),
            persons_words="I swim every Tuesday now",
            what_helped="",
            what_got_in_the_way="",
        ),
    )
    review.refresh_from_db()
    review.took_part = "in_person"
    review.save()
    services.record_next_step(
        review=review,
        by=worker,
        version=review.version,
        details=NextStepDetails(
            next_step=next_step,
            next_step_notes="",
            support_ends_reason="",
            next_review_on=datetime.date(2028, 1, 1),
        ),
    )
    services.share_review(
        review=review, by=worker, version=review.version, shared_on=START
    )
    return services.agree_review(
        review=review,
        by=worker,
        version=review.version,
        agreed_on=START,
        agreed_by="Morag",
        agreed_how="in_person",
    )


def test_a_change_of_option_reaches_the_choices_app(worker) -> None:
    review = _agreed(worker)
    earlier = SupportChoice.objects.get(person=review.person)
    choice = follow_on.record_change_of_option(
        review=review, by=worker, details=CHOICE, elements={"personal_care": 1}
    )
    assert list(SupportChoice.objects.filter(person=review.person)) == [
        choice,
        earlier,
    ]  # the earlier choice kept, the new one current
    assert choice.elements.get().option == 1
    assert choice.recorded_by == worker
    assert choice.history.count() == 1
    review.refresh_from_db()
    assert review.new_choice == choice
    assert review.history.first().new_choice_id == choice.pk
    assert AuditEvent.objects.filter(action="review.change_of_option").exists()
    with pytest.raises(ValidationError, match="already been recorded"):
        follow_on.record_change_of_option(
            review=review, by=worker, details=CHOICE, elements={"personal_care": 2}
        )


def test_a_change_of_option_only_from_an_agreed_review_that_says_so(worker) -> None:
    review = _agreed(worker, next_step="continue")
    with pytest.raises(ValidationError, match="says a change of option"):
        follow_on.record_change_of_option(
            review=review, by=worker, details=CHOICE, elements={"personal_care": 1}
        )
    assert SupportChoice.objects.filter(person=review.person).count() == 1


def test_a_change_of_option_changes_an_option_and_is_not_before_the_review(
    worker,
) -> None:
    review = _agreed(worker)
    with pytest.raises(ValidationError, match="same choice as now"):
        follow_on.record_change_of_option(
            review=review, by=worker, details=CHOICE, elements={"personal_care": 3}
        )
    early = ChoiceDetails(
        made_on=START - datetime.timedelta(days=1), decided_by="person"
    )
    with pytest.raises(ValidationError, match="before the review"):
        follow_on.record_change_of_option(
            review=review, by=worker, details=early, elements={"personal_care": 1}
        )
    assert SupportChoice.objects.filter(person=review.person).count() == 1


def test_the_persons_words_once_the_review_is_shared(worker) -> None:
    plan = agreed_plan(outcomes=1)
    review = services.start_review(
        plan=plan, by=worker, kind="planned", started_on=START
    )
    with pytest.raises(ValidationError, match="Share the review"):
        follow_on.add_correction(
            review=review, by=worker, about="", words="Not right", added_on=START
        )
    services.share_review(
        review=review, by=worker, version=review.version, shared_on=START
    )
    correction = follow_on.add_correction(
        review=review,
        by=worker,
        about="What happens next",
        words="I said I wanted to keep my PA, not change",
        added_on=START,
    )
    assert correction.history.get().history_user == worker
    assert ReviewCorrection.objects.of_person(review.person).get() == correction
    assert AuditEvent.objects.filter(action="review.correction").exists()


def _url(name: str, review: Review) -> str:
    return reverse(name, args=[review.person.public_id, review.public_id])


@pytest.mark.journey("plans")
def test_the_change_of_option_page_records_the_new_choice(client, personas) -> None:
    review = _agreed(personas.practitioner_a)
    _allocate(personas, review)
    client.force_login(personas.practitioner_a)
    page = client.get(_url("reviews:detail", review)).content.decode()
    assert _url("reviews:change_option", review) in page
    response = client.post(
        _url("reviews:change_option", review),
        {
            "made_on": START.isoformat(),
            "decided_by": "person",
            "element_personal_care": "2",
        },
    )
    assert response.status_code == 302
    current = SupportChoice.objects.filter(person=review.person).first()
    assert current is not None
    assert current.elements.get().option == 2
    page = client.get(_url("reviews:detail", review)).content.decode()
    assert "is recorded in the person&#x27;s choices" in page
    again = client.get(_url("reviews:change_option", review)).content.decode()
    assert "already been recorded" in again


def _allocate(personas, review: Review) -> None:
    """Give the practitioner's team the review's person."""
    AllocationFactory.create(
        person=review.person, team=personas.team_a, worker=personas.practitioner_a
    )


@pytest.mark.journey("plans")
def test_my_review_shows_the_persons_words_and_is_a_tagged_pdf(
    client, personas
) -> None:
    review = _agreed(personas.practitioner_a)
    _allocate(personas, review)
    client.force_login(personas.practitioner_a)
    response = client.post(
        _url("reviews:add_correction", review),
        {
            "about": "Outcome 0",
            "words": "The pool changed its times in January",
            "added_on": datetime.date.today().isoformat(),  # noqa: DTZ011
        },
    )
    assert response.status_code == 302
    page = client.get(_url("reviews:detail", review)).content.decode()
    assert "The pool changed its times in January" in page
    mine = client.get(_url("reviews:my_review", review)).content.decode()
    assert "The pool changed its times in January" in mine
    assert _url("reviews:my_review_pdf", review) in mine
    response = client.get(_url("reviews:my_review_pdf", review))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "My review" in text
    assert "Outcome 0" in text  # the outcome, in the person's words
    assert "Met" in text and "I swim every Tuesday now" in text
    assert "The pool changed its times in January" in text
    assert "/StructTreeRoot" in reader.root_object  # a tagged PDF

"""Demo reviews of agreed support plans for `selfdirect seed`.

Most agreed plans whose review has fallen due are reviewed; the rest stay overdue
(as the inspectors found). About a third of the people reviewed have at least one
outcome not met, each poor outcome with coded reasons and a narrative as the rules
require; some people could not take part; some reviews lead to a change of option
or a new plan version. An agreed review moves the plan's review date to the next
one, at most REVIEW_INTERVAL_MONTHS later, as `agree_review` does; a few reviews are
still drafts. Reviews are made late as often as in time: the due date is kept.
"""

import datetime
import random
import uuid
from collections import Counter, defaultdict

from django.apps import apps
from django.db.models import Q

from selfdirect.accounts.models import User
from selfdirect.choices.models import ElementChoice, SupportChoice
from selfdirect.choices.services import ChoiceDetails
from selfdirect.conversations.models import RiskEnablement
from selfdirect.core.dates import add_months
from selfdirect.demo.bulk import copy_m2m_to_history, copy_to_history, insert, new
from selfdirect.plans.models import PlanOutcome, Support, SupportPlan
from selfdirect.reviews import follow_on, rules
from selfdirect.reviews.models import (
    AttainmentLevel,
    FeedbackQuestion,
    OutcomeAttainment,
    PoorOutcomeReason,
    Review,
    ReviewCorrection,
    RiskReview,
    SupportReview,
)

BATCH = 1000
REVIEWED_SHARE = 0.8  # the rest of the plans due stay overdue
DRAFT_SHARE = 0.08
POOR_PERSON_SHARE = 0.34  # at least one outcome not met (the seed's 32%)
DID_NOT_TAKE_PART = 0.08
CORRECTION_SHARE = 0.12  # agreed reviews the person added their own words to
CORRECTIONS = [
    ("What happens next", "I said I would like to try a direct payment next year."),
    ("Outcomes", "The lunch club helped more than the review says."),
    ("Who took part", "My son was there too, for the first half."),
    ("Supports", "The carers are kind but often late in the mornings."),
]
OPTION_REASONS = [
    "I want to choose my own PA.",
    "Managing the payment got too much; I'd rather the council arranged it.",
    "I want the provider to hold the money so I can change the times.",
]
NARRATIVES = {
    "not_delivered": "Visits were missed most weeks over the winter.",
    "not_right": "The day service did not suit; the person stopped going.",
    "circumstances_changed": "A fall in the autumn changed what is possible for now.",
    "not_realistic": "The step was too big for now; a smaller one is agreed.",
    "provider_capacity": "The agency had no staff for the agreed times.",
    "waiting_other_service": "Still waiting for occupational therapy.",
    "persons_choice": "The person decided to put this aside for now.",
    "other": "The community bus route the plan relied on was cut.",
}
WHY_NOT = [
    "In hospital at the time of the review; their daughter took part.",
    "Too unwell on the day; their views were taken beforehand by phone.",
    "Did not want to meet; the review went ahead with their representative.",
]
WORDS = {
    "met": ["I go every week now.", "That's going well.", "I'm managing it myself."],
    "partly_met": ["Some weeks, not all.", "Better, but not there yet."],
    "not_met": ["It hasn't happened.", "I've not been able to go at all."],
    "no_longer_relevant": ["That doesn't matter to me now."],
}


class ReviewMaker:
    def __init__(self, seed: int, today: datetime.date) -> None:
        self.rng = random.Random(f"reviews-{seed}")
        # Its own stream, so what follows a review leaves the reviews as they were.
        self.follow_rng = random.Random(f"review-follow-on-{seed}")
        self.today = today
        self.levels = {
            lv.code: lv for lv in AttainmentLevel.objects.filter(active=True)
        }
        self.reasons = list(PoorOutcomeReason.objects.filter(active=True))
        self.questions = list(
            FeedbackQuestion.objects.filter(active=True).values_list("code", flat=True)
        )

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def changed_elements(self, person_id: int) -> dict[str, int]:
        """The person's current choice with one element moved to another option."""
        rng = self.follow_rng
        latest = (
            SupportChoice.objects.filter(person_id=person_id)
            .order_by("-made_on", "-id")
            .first()
        )
        now = dict(
            ElementChoice.objects.filter(choice=latest).values_list("element", "option")
            if latest
            else []
        )
        element = rng.choice(sorted(now) or ["personal_care"])
        options = [o for o in (1, 2, 3) if o != now.get(element)]
        return {**now, element: rng.choice(options)}

    def review(self, plan: SupportPlan) -> Review | None:
        rng, today = self.rng, self.today
        if (
            plan.review_on is None
            or plan.review_on > today
            or rng.random() > REVIEWED_SHARE
        ):
            return None
        started = plan.review_on + datetime.timedelta(days=rng.randint(-21, 75))
        started = min(max(started, plan.agreed_on or started), today)
        review = new(
            Review,
            public_id=self.uuid(),
            person_id=plan.person_id,
            plan=plan,
            kind=rng.choices(
                [k for k, _ in Review.Kind.choices], [70, 8, 6, 4, 6, 3, 3]
            )[0],
            started_on=started,
            held_on=started,
            recorded_by_id=plan.recorded_by_id,
        )
        review.due_on = rules.due_on_at_start(
            kind=review.kind, plan_review_on=plan.review_on, started_on=started
        )
        if rng.random() < DID_NOT_TAKE_PART:
            review.took_part = Review.TookPart.DID_NOT
            review.why_not_taking_part = rng.choice(WHY_NOT)
        else:
            review.took_part = rng.choices(
                ["in_person", "phone", "advocate", "interpreter", "representative"],
                [60, 20, 8, 4, 8],
            )[0]
            review.persons_account = rng.choice(
                [
                    "Things are mostly better than last year.",
                    "I like my PA; the evenings are still hard.",
                    "I want more say over the times.",
                ]
            )
        review.participant_names = "The person, their worker"
        if rng.random() < DRAFT_SHARE:
            return review  # still a draft
        review.next_step = rng.choices(
            [s for s, _ in Review.NextStep.choices], [70, 12, 5, 9, 4]
        )[0]
        if review.next_step == Review.NextStep.SUPPORT_ENDS:
            review.support_ends_reason = rng.choice(
                ["Outcomes met; no support needed now.", "Moved to another area."]
            )
        else:
            months = rng.choice([6, 12, 12, 12])
            review.next_review_on = add_months(started, months)
        agreed = min(started + datetime.timedelta(days=rng.randint(0, 14)), today)
        review.state = Review.State.AGREED
        review.shared_on = started
        review.agreed_on = agreed
        review.agreed_by = (
            "The person" if review.took_part != "did_not" else "Their representative"
        )
        review.agreed_how = rng.choice(["in_person", "phone", "in_writing"])
        return review

    def attainments(
        self, review: Review, outcomes: list[PlanOutcome]
    ) -> list[tuple[OutcomeAttainment, list[PoorOutcomeReason]]]:
        rng = self.rng
        if review.state == Review.State.DRAFT and rng.random() < 0.5:
            return [
                (new(OutcomeAttainment, review=review, plan_outcome=o), [])
                for o in outcomes
            ]
        poor_person = rng.random() < POOR_PERSON_SHARE
        not_met = rng.randrange(len(outcomes)) if poor_person and outcomes else -1
        rows = []
        for n, outcome in enumerate(outcomes):
            if n == not_met:
                code = "not_met"
            else:
                code = rng.choices(
                    ["met", "partly_met", "no_longer_relevant"], [70, 22, 8]
                )[0]
            level = self.levels[code]
            row = new(
                OutcomeAttainment,
                review=review,
                plan_outcome=outcome,
                level=level,
                persons_words=rng.choice(WORDS[code]),
                what_helped=rng.choice(["My PA", "My daughter", "The lunch club", ""]),
                what_got_in_the_way=rng.choice(["", "The buses", "My knee"]),
            )
            reasons: list[PoorOutcomeReason] = []
            if level.poor:
                reasons = rng.sample(self.reasons, rng.choice([1, 1, 2]))
                row.reason_narrative = " ".join(NARRATIVES[r.code] for r in reasons)
            rows.append((row, reasons))
        return rows

    def support_review(self, review: Review, support: Support) -> SupportReview:
        rng = self.rng
        row = new(SupportReview, review=review, support=support)
        if review.state == Review.State.AGREED:
            row.delivered_as_planned = rng.random() < 0.8
            row.option_still_right = (
                review.next_step != Review.NextStep.CHANGE_OF_OPTION
                and rng.random() < 0.92
            )
            row.feedback = {
                q: rng.choices(
                    ["agree", "partly", "disagree", "not_asked"], [55, 20, 10, 15]
                )[0]
                for q in self.questions
            }
        return row

    def risk_review(self, review: Review, risk: RiskEnablement) -> RiskReview:
        rng = self.rng
        row = new(RiskReview, review=review, risk=risk)
        if review.state == Review.State.AGREED:
            row.actions_worked = rng.choices(["yes", "partly", "no"], [70, 22, 8])[0]
            row.what_was_gained = "Doing it again, on their own terms."
            row.any_harm = rng.random() < 0.1
            row.harm = "A minor fall, no injury." if row.any_harm else ""
            row.next_review_on = review.next_review_on
        return row


def seed_reviews(
    *, seed: int, today: datetime.date, now: datetime.datetime
) -> Counter[str]:
    """Review most agreed plans that have fallen due."""
    maker = ReviewMaker(seed, today)
    plans = (
        SupportPlan.objects.filter(state=SupportPlan.State.AGREED, review_on__lte=today)
        .filter(~Q(reviews__isnull=False))
        .order_by("pk")
    )
    rows: Counter[str] = Counter()
    batch: list[SupportPlan] = []
    for plan in plans.iterator(chunk_size=BATCH):
        batch.append(plan)
        if len(batch) == BATCH:
            rows.update(_save(batch, maker, now))
            batch = []
    rows.update(_save(batch, maker, now))
    return rows


def _save(
    batch: list[SupportPlan], maker: ReviewMaker, now: datetime.datetime
) -> Counter[str]:
    made = [(plan, maker.review(plan)) for plan in batch]
    reviews = insert(Review, [r for _, r in made if r is not None])
    plan_ids = [r.plan_id for r in reviews]
    outcomes: dict[int, list[PlanOutcome]] = defaultdict(list)
    for outcome in PlanOutcome.objects.filter(plan_id__in=plan_ids).order_by("id"):
        outcomes[outcome.plan_id].append(outcome)
    supports: dict[int, list[Support]] = defaultdict(list)
    for support in Support.objects.filter(plan_id__in=plan_ids).order_by("id"):
        supports[support.plan_id].append(support)
    conversation_of = {p.pk: p.conversation_id for p in batch}
    risks: dict[int, list[RiskEnablement]] = defaultdict(list)
    for risk in RiskEnablement.objects.filter(
        conversation_id__in=set(conversation_of.values())
    ).order_by("id"):
        risks[risk.conversation_id].append(risk)
    attained: list[tuple[OutcomeAttainment, list[PoorOutcomeReason]]] = []
    support_rows, risk_rows = [], []
    for review in reviews:
        attained += maker.attainments(review, outcomes[review.plan_id])
        support_rows += [
            maker.support_review(review, s) for s in supports[review.plan_id]
        ]
        by_day = max(review.due_on or review.started_on, review.started_on)
        risk_rows += [
            maker.risk_review(review, r)
            for r in risks[conversation_of[review.plan_id]]
            if r.review_on <= by_day
        ]
    attainments = insert(OutcomeAttainment, [a for a, _ in attained])
    through = OutcomeAttainment.reasons.through
    insert(
        through,
        [
            through(outcomeattainment_id=a.pk, pooroutcomereason_id=r.pk)
            for a, reasons in attained
            for r in reasons
        ],
    )
    support_reviews = insert(SupportReview, support_rows)
    risk_reviews = insert(RiskReview, risk_rows)
    moved = [
        (r.plan_id, r.next_review_on)
        for r in reviews
        if r.state == Review.State.AGREED and r.next_review_on is not None
    ]
    for plan_id, next_review_on in moved:  # as agree_review moves the plan's date
        SupportPlan.objects.filter(pk=plan_id).update(review_on=next_review_on)
    counts: Counter[str] = Counter(
        {
            "reviews": len(reviews),
            "outcome attainments": len(attainments),
            "support reviews": len(support_reviews),
            "risk reviews": len(risk_reviews),
        }
    )
    for model, objs in (
        (Review, reviews),
        (OutcomeAttainment, attainments),
        (SupportReview, support_reviews),
        (RiskReview, risk_reviews),
    ):
        counts["history rows"] += copy_to_history(model, [o.pk for o in objs], now)
    copy_m2m_to_history(OutcomeAttainment, "reasons", [a.pk for a in attainments])
    counts.update(_follow_on(reviews, maker))  # after the reviews' first history
    return counts


def _follow_on(reviews: list[Review], maker: ReviewMaker) -> dict[str, int]:
    """Through the reviews' own services: a change of option from each agreed review
    that says so (a new choice in the choices app), and the person's own words on
    some agreed reviews."""
    rng = maker.follow_rng
    agreed = [r for r in reviews if r.state == Review.State.AGREED]
    users = User.objects.in_bulk({r.recorded_by_id for r in agreed})
    changes = corrections = 0
    for review in agreed:
        by = users[review.recorded_by_id]
        if review.next_step == Review.NextStep.CHANGE_OF_OPTION:
            choice = follow_on.record_change_of_option(
                review=review,
                by=by,
                details=ChoiceDetails(
                    made_on=review.agreed_on or review.started_on,
                    decided_by="person",
                    reasons=rng.choice(OPTION_REASONS),
                ),
                elements=maker.changed_elements(review.person_id),
            )
            # The same demo every run: a public id from the seed, not uuid4.
            public_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            SupportChoice.objects.filter(pk=choice.pk).update(public_id=public_id)
            SupportChoice.history.filter(id=choice.pk).update(public_id=public_id)
            changes += 1
        if rng.random() < CORRECTION_SHARE:
            about, words = rng.choice(CORRECTIONS)
            follow_on.add_correction(
                review=review,
                by=by,
                about=about,
                words=words,
                added_on=review.agreed_on or review.started_on,
            )
            corrections += 1
    return {"changes of option": changes, "the person's corrections": corrections}


def delete_reviews(person_ids: list[int]) -> None:
    """Remove demo reviews (and their history) for these people."""
    reviews = Review.objects.filter(person_id__in=person_ids).values("pk")
    attainments = OutcomeAttainment.objects.filter(review_id__in=reviews).values("pk")
    links = apps.get_model("reviews", "HistoricalOutcomeAttainment_reasons")
    history = OutcomeAttainment.history.filter(review_id__in=reviews).values(
        "history_id"
    )
    children = (OutcomeAttainment, SupportReview, RiskReview, ReviewCorrection)
    for queryset in (
        links.objects.filter(history_id__in=history),
        OutcomeAttainment.reasons.through.objects.filter(
            outcomeattainment_id__in=attainments
        ),
        *(m.history.filter(review_id__in=reviews) for m in children),
        *(m.objects.filter(review_id__in=reviews) for m in children),
        Review.history.filter(person_id__in=person_ids),
        Review.objects.filter(person_id__in=person_ids),
    ):
        queryset._raw_delete(queryset.db)

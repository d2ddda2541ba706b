"""A carer's review of an agreed plan, as the review services would leave it."""

import random

from selfdirect.carers import review_services
from selfdirect.carers.models import (
    CarerOutcome,
    CarerOutcomeReview,
    CarerPlan,
    CarerReview,
)
from selfdirect.core.dates import add_days, add_months
from selfdirect.demo.bulk import new
from selfdirect.reviews import rules as review_rules

from .rows import MakerBase, refuse
from .words import REVIEW_ACCOUNTS, REVIEW_CASES


class ReviewRows(MakerBase):
    def review(self, plan: CarerPlan, outcome: CarerOutcome) -> None:
        """A carer's review of an agreed plan whose review date has passed, with
        its own random numbers (so the rest of the demo is the same with or
        without it)."""
        today, by = self.today, self.by
        if plan.review_on is None or plan.review_on > today:
            return
        self.due += 1
        case = REVIEW_CASES[(self.due - 1) % len(REVIEW_CASES)]
        if case == "overdue":
            return
        rng = random.Random(f"carer-review-{plan.public_id}")
        started = min(add_days(plan.review_on, rng.randint(-14, 10)), today)
        review = self.made.add(
            new(
                CarerReview,
                public_id=self.uuid(),
                plan=plan,
                started_on=started,
                due_on=review_rules.due_on_at_start(
                    kind=review_services.PLANNED,
                    plan_review_on=review_services.review_due_on(plan),
                    started_on=started,
                ),
                recorded_by=by,
                held_on=started,
                participant_names="The carer and their carers' support worker",
                carers_account=rng.choice(REVIEW_ACCOUNTS),
                caring_changes="",
            )
        )
        self.made.counts["carers' reviews"] += 1
        row = self.made.add(new(CarerOutcomeReview, review=review, outcome=outcome))
        if case == "started":
            return
        poor = rng.random() < 0.4
        row.level = self.levels["partly_met" if poor else "met"]
        row.persons_words = "Some weeks, not others." if poor else "Yes, most weeks."
        row.what_helped = "The carers' centre"
        row.what_got_in_the_way = "No sitter free at short notice" if poor else ""
        row.reason_narrative = "The sitting service was short of staff." if poor else ""
        reasons = self.capacity if poor else []
        refuse(
            review_rules.attainment_problems(
                level_chosen=True,
                poor=bool(row.level.poor),
                reason_codes=[r.code for r in reasons],
                narrative=row.reason_narrative,
            )
        )
        self.made.reasons += [(row, reason) for reason in reasons]
        self.made.counts["carers' outcomes reviewed"] += 1
        next_on = min(add_months(started, rng.randint(6, 12)), add_months(started, 12))
        review.next_step, review.next_review_on = "continue", next_on
        refuse(
            review_rules.next_step_problems(
                next_step="continue", support_ends_reason=""
            )
            + review_rules.next_review_problems(
                reviewed_on=started,
                next_review_on=next_on,
                months=review_services.interval_months(),
            )
        )
        review.state = CarerReview.State.AGREED
        review.shared_on = review.agreed_on = started
        # Agreeing the review moves the plan's review date (l) to the next one.
        plan.review_on = next_on
        if next_on > today:
            self.due -= 1
        self.made.counts["carers' reviews agreed"] += 1

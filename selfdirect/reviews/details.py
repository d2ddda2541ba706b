"""What the review services take: one frozen shape per use case, built by the forms."""

import datetime
from dataclasses import dataclass, field

from .models import AttainmentLevel, PoorOutcomeReason


@dataclass(frozen=True)
class ReviewDetails:
    """Who took part in the review and how, and the person's own account."""

    held_on: datetime.date | None
    participant_names: str
    took_part: str
    why_not_taking_part: str
    persons_account: str
    carer_views: str


@dataclass(frozen=True)
class AttainmentDetails:
    """How far one outcome was met, in the person's words, and why not."""

    level: AttainmentLevel | None
    persons_words: str
    what_helped: str
    what_got_in_the_way: str
    reasons: tuple[PoorOutcomeReason, ...] = ()
    reason_narrative: str = ""


@dataclass(frozen=True)
class SupportReviewDetails:
    """How one support went, and the answers to the choice-and-control questions
    (by question code: agree, partly, disagree or not_asked)."""

    delivered_as_planned: bool | None
    option_still_right: bool | None
    notes: str
    feedback: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RiskReviewDetails:
    """How a risk-enablement agreement went, and when it is next reviewed."""

    actions_worked: str
    what_was_gained: str
    any_harm: bool | None
    harm: str
    next_review_on: datetime.date | None


@dataclass(frozen=True)
class NextStepDetails:
    """What happens after the review, and when the next one is due."""

    next_step: str
    next_step_notes: str
    support_ends_reason: str
    next_review_on: datetime.date | None
